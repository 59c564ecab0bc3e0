package eval

import (
	"strings"
	"time"
)

// Prediction is what an extractor returned for one page. An extractor
// that failed predicts the zero Prediction.
type Prediction struct {
	Text      string // the body as plain text
	Title     string
	Byline    string
	Authors   []string // used when Byline is empty
	Published time.Time
	Lang      string
	SiteName  string
	PageType  string // article, forum, product, ... as the truth's page_type

	// Confidence is the extractor's own estimate that the body is right,
	// when it gives one (HasConfidence).
	Confidence    float64
	HasConfidence bool
}

// PageScore is one page's scores. Each measure says whether it counts.
type PageScore struct {
	Body      BodyScore
	Snippets  SnippetScore
	Title     Match
	Byline    Match
	Published Match
	Lang      Match
	SiteName  Match
	PageType  Match // counted when the truth has page_type
}

// BodyScore holds the shingle counts of one page: TP is the multiset
// intersection of predicted and true shingles, FP and FN the rest.
//
// Words holds the same counts over single words, lower-cased, as the WCXB
// benchmark scores a page (its word F1, averaged over pages).
type BodyScore struct {
	Counted    bool `json:"counted"` // the truth has a body
	TP, FP, FN int
	Words      WordCounts `json:"words"`
}

// WordCounts is the multiset overlap of predicted and true words.
type WordCounts struct {
	TP, FP, FN int
}

// F1 is the page's word F1: 2TP/(2TP+FP+FN), 1 when both texts are
// empty of words, as the benchmark counts a page with no main content
// that the extractor rightly left empty.
func (w WordCounts) F1() float64 {
	if w.TP+w.FP+w.FN == 0 {
		return 1
	}
	return 2 * float64(w.TP) / float64(2*w.TP+w.FP+w.FN)
}

// Precision is TP/(TP+FP); ok is false when nothing was predicted.
func (b BodyScore) Precision() (p float64, ok bool) {
	if !b.Counted || b.TP+b.FP == 0 {
		return 0, false
	}
	return float64(b.TP) / float64(b.TP+b.FP), true
}

// Recall is TP/(TP+FN); ok is false when the truth has no shingle.
func (b BodyScore) Recall() (r float64, ok bool) {
	if !b.Counted || b.TP+b.FN == 0 {
		return 0, false
	}
	return float64(b.TP) / float64(b.TP+b.FN), true
}

// F1 is the page's own F1, 0 when nothing matched.
func (b BodyScore) F1() float64 {
	p, _ := b.Precision()
	r, _ := b.Recall()
	return f1(p, r)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// SnippetScore holds one page's snippet checks.
type SnippetScore struct {
	With    int      `json:"with"`              // "with" snippets checked
	Without int      `json:"without"`           // "without" snippets checked
	Missing []string `json:"missing,omitempty"` // "with" snippets not found
	Leaked  []string `json:"leaked,omitempty"`  // "without" snippets found
}

// Counted reports whether the page has any snippet.
func (s SnippetScore) Counted() bool { return s.With+s.Without > 0 }

// Pass reports whether every snippet check passed.
func (s SnippetScore) Pass() bool { return len(s.Missing) == 0 && len(s.Leaked) == 0 }

// Match is one metadata check: Score is 1 or 0, or the token F1 for the
// byline. Got and Want are shown in the worst-page list.
type Match struct {
	Counted bool    `json:"counted"`
	Score   float64 `json:"score"`
	Got     string  `json:"got,omitempty"`
	Want    string  `json:"want,omitempty"`
}

func exact(ok bool) float64 {
	if ok {
		return 1
	}
	return 0
}

// ScorePage scores a prediction against its truth.
func ScorePage(t Truth, p Prediction) PageScore {
	var s PageScore
	if t.Body != "" {
		s.Body = scoreBody(p.Text, t.Body)
	}
	s.Snippets = scoreSnippets(p.Text, t.With, t.Without)
	if t.Title != "" {
		s.Title = Match{true, exact(NormalizeName(p.Title) == NormalizeName(t.Title)), p.Title, t.Title}
	}
	if want := firstNonEmpty(t.Byline, strings.Join(t.Authors, ", ")); want != "" {
		got := firstNonEmpty(p.Byline, strings.Join(p.Authors, ", "))
		s.Byline = Match{true, tokenSetF1(got, want), got, want}
	}
	if d, ok := parseTruthDay(t.Published); ok {
		got := ""
		if !p.Published.IsZero() {
			got = p.Published.Format(time.RFC3339)
		}
		s.Published = Match{true, exact(d.sameDay(p.Published)), got, t.Published}
	}
	if t.Lang != "" {
		s.Lang = Match{true, exact(primaryLang(p.Lang) == primaryLang(t.Lang)), p.Lang, t.Lang}
	}
	if t.SiteName != "" {
		s.SiteName = Match{true, exact(NormalizeName(p.SiteName) == NormalizeName(t.SiteName)), p.SiteName, t.SiteName}
	}
	if t.PageType != "" {
		s.PageType = Match{true, exact(strings.EqualFold(strings.TrimSpace(p.PageType), t.PageType)), p.PageType, t.PageType}
	}
	return s
}

func firstNonEmpty(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

func scoreBody(got, want string) BodyScore {
	g, w := Shingles(got), Shingles(want)
	b := BodyScore{Counted: true}
	for sh, n := range g {
		m := min(n, w[sh])
		b.TP += m
		b.FP += n - m
	}
	for sh, n := range w {
		b.FN += n - min(n, g[sh])
	}
	b.Words = countWords(got, want)
	return b
}

// countWords is the multiset overlap of the lower-cased word tokens of got
// and want.
func countWords(got, want string) WordCounts {
	g, w := wordBag(got), wordBag(want)
	var c WordCounts
	for t, n := range g {
		m := min(n, w[t])
		c.TP += m
		c.FP += n - m
	}
	for t, n := range w {
		c.FN += n - min(n, g[t])
	}
	return c
}

func wordBag(s string) map[string]int {
	toks := Tokens(strings.ToLower(s))
	m := make(map[string]int, len(toks))
	for _, t := range toks {
		m[t]++
	}
	return m
}

func scoreSnippets(text string, with, without []string) SnippetScore {
	text = collapseSpace(text)
	s := SnippetScore{With: len(with), Without: len(without)}
	for _, w := range with {
		if !strings.Contains(text, collapseSpace(w)) {
			s.Missing = append(s.Missing, w)
		}
	}
	for _, w := range without {
		if strings.Contains(text, collapseSpace(w)) {
			s.Leaked = append(s.Leaked, w)
		}
	}
	return s
}
