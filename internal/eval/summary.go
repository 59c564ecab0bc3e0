package eval

import "strings"

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
	ID       string    `json:"id"`
	URL      string    `json:"url,omitempty"`
	PageType string    `json:"page_type,omitempty"`
	Err      string    `json:"error,omitempty"` // the extraction error, if any
	Score    PageScore `json:"score"`
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
