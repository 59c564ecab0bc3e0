package eval

import (
	"reflect"
	"testing"
	"time"
)

func TestScoreBody(t *testing.T) {
	for _, tc := range []struct {
		got, want  string
		tp, fp, fn int
	}{
		{"a b c d e f", "a b c d e x", 2, 1, 1},
		{"x x x x x x", "x x x x x", 2, 1, 0}, // multiset: 3 predicted, 2 true
		{"x x x x x", "x x x x x x", 2, 0, 1},
		{"", "a b c d e", 0, 0, 2},
		{"a b c d e", "", 0, 2, 0},
		{"short", "short", 1, 0, 0},
		{"Short", "short", 0, 1, 1}, // case-sensitive
		{"a, b. c! d?", "a b c d", 1, 0, 0},
		{"a b\n\nc d", "a b c d", 1, 0, 0}, // shingles cross block breaks
	} {
		b := scoreBody(tc.got, tc.want)
		if b.TP != tc.tp || b.FP != tc.fp || b.FN != tc.fn {
			t.Errorf("scoreBody(%q, %q) = TP %d FP %d FN %d, want %d %d %d", tc.got, tc.want, b.TP, b.FP, b.FN, tc.tp, tc.fp, tc.fn)
		}
	}
}

func TestBodyScoreRates(t *testing.T) {
	b := BodyScore{Counted: true, TP: 2, FP: 1, FN: 3}
	if p, ok := b.Precision(); !ok || !near(p, 2.0/3) {
		t.Errorf("Precision = %v, %v", p, ok)
	}
	if r, ok := b.Recall(); !ok || !near(r, 0.4) {
		t.Errorf("Recall = %v, %v", r, ok)
	}
	if f := b.F1(); !near(f, 2*(2.0/3)*0.4/(2.0/3+0.4)) {
		t.Errorf("F1 = %v", f)
	}
	if _, ok := (BodyScore{Counted: true, FN: 3}).Precision(); ok {
		t.Error("Precision counted with nothing predicted")
	}
	if _, ok := (BodyScore{Counted: true, FP: 3}).Recall(); ok {
		t.Error("Recall counted with no true shingle")
	}
	if _, ok := (BodyScore{TP: 1}).Precision(); ok {
		t.Error("Precision counted without a true body")
	}
}

func TestScoreSnippets(t *testing.T) {
	text := "Intro line.\n\nThe quick  brown\nfox jumps.\n\nShare on Twitter"
	s := scoreSnippets(text,
		[]string{"quick brown fox", "The  quick", "Quick brown", "Intro line. The quick"},
		[]string{"Share on Twitter", "Subscribe", "share on"})
	wantMissing := []string{"Quick brown"} // case-sensitive
	wantLeaked := []string{"Share on Twitter"}
	if s.With != 4 || s.Without != 3 || !reflect.DeepEqual(s.Missing, wantMissing) || !reflect.DeepEqual(s.Leaked, wantLeaked) {
		t.Errorf("scoreSnippets = %+v, want 4 with, 3 without, missing %q, leaked %q", s, wantMissing, wantLeaked)
	}
	if s.Pass() {
		t.Error("Pass with a missing snippet")
	}
	if e := scoreSnippets("", nil, []string{"x"}); !e.Pass() || !e.Counted() {
		t.Errorf("empty text, only a without: %+v, want counted and passing", e)
	}
	if n := scoreSnippets("x", nil, nil); n.Counted() {
		t.Error("a page without snippets is counted")
	}
}

func TestScorePageMetadata(t *testing.T) {
	truth := Truth{
		Title:     "“The Title!”",
		Authors:   []string{"Jane Doe", "John Roe"},
		Published: "2024-05-03T22:00:00+00:00",
		Lang:      "en-GB",
		SiteName:  "The Site",
	}
	pred := Prediction{
		Title:     "the title",
		Authors:   []string{"John Roe"}, // no Byline: the authors are used
		Published: time.Date(2024, 5, 4, 0, 30, 0, 0, time.FixedZone("", 2*3600)),
		Lang:      "en",
		SiteName:  "Site",
	}
	s := ScorePage(truth, pred)
	check := func(name string, m Match, counted bool, score float64) {
		t.Helper()
		if m.Counted != counted || !near(m.Score, score) {
			t.Errorf("%s = %+v, want counted %v score %v", name, m, counted, score)
		}
	}
	check("title", s.Title, true, 1)
	check("byline", s.Byline, true, 2*2.0/6)
	check("published", s.Published, true, 1)
	check("lang", s.Lang, true, 1)
	check("site_name", s.SiteName, true, 0)
	if s.Body.Counted || s.Snippets.Counted() {
		t.Errorf("body or snippets counted without truth: %+v", s)
	}

	// The truth's byline wins over its authors; the prediction's byline
	// over its authors.
	s = ScorePage(Truth{Byline: "Jane Doe", Authors: []string{"X Y"}}, Prediction{Byline: "By Jane Doe", Authors: []string{"Q"}})
	check("byline", s.Byline, true, 0.8)

	// Fields the truth lacks are not counted, whatever was predicted.
	s = ScorePage(Truth{Published: "not a date"}, pred)
	for name, m := range map[string]Match{"title": s.Title, "byline": s.Byline, "published": s.Published, "lang": s.Lang, "site_name": s.SiteName} {
		if m.Counted {
			t.Errorf("%s counted without truth", name)
		}
	}
	// Missing predictions count as misses.
	s = ScorePage(truth, Prediction{})
	check("title", s.Title, true, 0)
	check("byline", s.Byline, true, 0)
	check("published", s.Published, true, 0)
	check("lang", s.Lang, true, 0)
}
