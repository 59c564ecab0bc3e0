package eval

import (
	"sort"
	"strings"
)

// Mean is an average and the number of pages (or snippets) it is over.
type Mean struct {
	Value float64 `json:"value"`
	N     int     `json:"n"`
}

func (m *Mean) add(v float64) {
	m.Value += v // a sum until done divides it
	m.N++
}

func (m *Mean) done() {
	if m.N > 0 {
		m.Value /= float64(m.N)
	}
}

// Summary is one extractor's scores over one dataset.
type Summary struct {
	Pages  int `json:"pages"`
	Errors int `json:"errors"` // pages the extractor failed on, scored as empty

	// BodyPrecision is averaged over the pages with any predicted shingle,
	// BodyRecall over those with any true shingle; BodyF1 is the harmonic
	// mean of the two averages and its N the pages with a true body.
	BodyPrecision Mean `json:"body_precision"`
	BodyRecall    Mean `json:"body_recall"`
	BodyF1        Mean `json:"body_f1"`

	// WordF1 is the WCXB benchmark's measure: each page's word F1
	// (lower-cased word tokens, multiset overlap), averaged over the pages
	// with a true body; WordF1ByType is the same per page type when the
	// truth labels pages.
	WordF1       Mean            `json:"word_f1"`
	WordF1ByType map[string]Mean `json:"word_f1_by_type,omitempty"`

	// ConfidenceAUROC is how well the extractor's confidence separates the
	// pages whose word F1 is under BadF1 from the rest: the area under the
	// ROC curve, 0.5 for a guess, 1 for a perfect split. Its N is the
	// pages with a true body; failed pages count with confidence 0.
	ConfidenceAUROC Mean `json:"confidence_auroc"`

	WithFound     Mean `json:"with_found"`     // over "with" snippets
	WithoutAbsent Mean `json:"without_absent"` // over "without" snippets
	PagesPassing  Mean `json:"pages_passing"`  // over pages with snippets

	Title     Mean `json:"title"`
	Byline    Mean `json:"byline"`
	Published Mean `json:"published"`
	Lang      Mean `json:"lang"`
	SiteName  Mean `json:"site_name"`

	// PageType is the share of pages whose type was told right, over the
	// pages whose truth has page_type; PageTypeConfusion counts them by
	// true type, then predicted type ("none" when the extractor said
	// nothing).
	PageType          Mean                      `json:"page_type"`
	PageTypeConfusion map[string]map[string]int `json:"page_type_confusion,omitempty"`
}

// PageResult is one extractor's outcome on one page.
type PageResult struct {
	ID       string `json:"id"`
	URL      string `json:"url,omitempty"`
	PageType string `json:"page_type,omitempty"`

	// Confidence is the prediction's confidence; HasConfidence says the
	// extractor gave one (a failed page has confidence 0).
	Confidence    float64   `json:"confidence,omitempty"`
	HasConfidence bool      `json:"has_confidence,omitempty"`
	Err           string    `json:"error,omitempty"` // the extraction error, if any
	Score         PageScore `json:"score"`
}

// Summarize averages the page results of one extractor on one dataset.
func Summarize(results []PageResult) Summary {
	var s Summary
	s.Pages = len(results)
	for _, r := range results {
		if r.Err != "" {
			s.Errors++
		}
		sc := r.Score
		if sc.Body.Counted {
			s.BodyF1.N++
			f := sc.Body.Words.F1()
			s.WordF1.add(f)
			if r.PageType != "" {
				if s.WordF1ByType == nil {
					s.WordF1ByType = map[string]Mean{}
				}
				m := s.WordF1ByType[r.PageType]
				m.add(f)
				s.WordF1ByType[r.PageType] = m
			}
		}
		if p, ok := sc.Body.Precision(); ok {
			s.BodyPrecision.add(p)
		}
		if rc, ok := sc.Body.Recall(); ok {
			s.BodyRecall.add(rc)
		}
		if sn := sc.Snippets; sn.Counted() {
			s.WithFound.Value += float64(sn.With - len(sn.Missing))
			s.WithFound.N += sn.With
			s.WithoutAbsent.Value += float64(sn.Without - len(sn.Leaked))
			s.WithoutAbsent.N += sn.Without
			s.PagesPassing.add(exact(sn.Pass()))
		}
		if m := sc.PageType; m.Counted {
			s.PageType.add(m.Score)
			if s.PageTypeConfusion == nil {
				s.PageTypeConfusion = map[string]map[string]int{}
			}
			row := s.PageTypeConfusion[m.Want]
			if row == nil {
				row = map[string]int{}
				s.PageTypeConfusion[m.Want] = row
			}
			got := strings.ToLower(strings.TrimSpace(m.Got))
			if got == "" {
				got = "none"
			}
			row[got]++
		}
		for _, m := range []struct {
			dst *Mean
			src Match
		}{{&s.Title, sc.Title}, {&s.Byline, sc.Byline}, {&s.Published, sc.Published}, {&s.Lang, sc.Lang}, {&s.SiteName, sc.SiteName}} {
			if m.src.Counted {
				m.dst.add(m.src.Score)
			}
		}
	}
	if !typesAnyPage(results) {
		s.PageType, s.PageTypeConfusion = Mean{}, nil // an extractor that tells no page type is not scored on it
	}
	s.ConfidenceAUROC = confidenceAUROC(results)
	for k, m := range s.WordF1ByType {
		m.done()
		s.WordF1ByType[k] = m
	}
	for _, m := range []*Mean{&s.WordF1, &s.BodyPrecision, &s.BodyRecall, &s.WithFound, &s.WithoutAbsent,
		&s.PagesPassing, &s.Title, &s.Byline, &s.Published, &s.Lang, &s.SiteName, &s.PageType} {
		m.done()
	}
	s.BodyF1.Value = f1(s.BodyPrecision.Value, s.BodyRecall.Value)
	return s
}

// BadF1 is the word F1 under which a page's body counts as wrong for
// ConfidenceAUROC.
const BadF1 = 0.8

// confidenceAUROC is the area under the ROC curve of 1-confidence as a
// detector of bad bodies (word F1 < BadF1), over the pages with a true
// body: the share of (bad, good) pairs the confidence orders rightly, ties
// counting half. It is zero over no pages when the extractor gives no
// confidence or one class is empty.
func confidenceAUROC(results []PageResult) Mean {
	any := false
	for _, r := range results {
		any = any || r.HasConfidence
	}
	if !any {
		return Mean{}
	}
	var bad, good []float64
	for _, r := range results {
		if !r.Score.Body.Counted {
			continue
		}
		c := r.Confidence
		if !r.HasConfidence {
			c = 0
		}
		if r.Score.Body.Words.F1() < BadF1 {
			bad = append(bad, c)
		} else {
			good = append(good, c)
		}
	}
	if len(bad) == 0 || len(good) == 0 {
		return Mean{}
	}
	return Mean{Value: AUROC(bad, good), N: len(bad) + len(good)}
}

// AUROC returns the probability that a random page of bad has a lower
// confidence than a random page of good, ties counting half.
func AUROC(bad, good []float64) float64 {
	sort.Float64s(good)
	sum := 0.0
	for _, b := range bad {
		lo := sort.SearchFloat64s(good, b)                                    // first >= b
		hi := sort.Search(len(good), func(i int) bool { return good[i] > b }) // first > b
		sum += float64(len(good)-hi) + 0.5*float64(hi-lo)
	}
	return sum / float64(len(bad)*len(good))
}

// typesAnyPage reports whether the extractor told the type of any page.
func typesAnyPage(results []PageResult) bool {
	for _, r := range results {
		if strings.TrimSpace(r.Score.PageType.Got) != "" {
			return true
		}
	}
	return false
}
