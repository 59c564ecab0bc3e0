package eval

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestScorePageType(t *testing.T) {
	if s := ScorePage(Truth{Body: "x"}, Prediction{PageType: "article"}); s.PageType.Counted {
		t.Errorf("a truth without page_type counts the page type: %+v", s.PageType)
	}
	s := ScorePage(Truth{PageType: "forum"}, Prediction{PageType: "Forum"})
	if !s.PageType.Counted || s.PageType.Score != 1 {
		t.Errorf("forum for forum = %+v, want counted and 1", s.PageType)
	}
	s = ScorePage(Truth{PageType: "forum"}, Prediction{PageType: "article"})
	if !s.PageType.Counted || s.PageType.Score != 0 || s.PageType.Got != "article" || s.PageType.Want != "forum" {
		t.Errorf("article for forum = %+v, want counted and 0", s.PageType)
	}
	if s = ScorePage(Truth{PageType: "forum"}, Prediction{}); !s.PageType.Counted || s.PageType.Score != 0 {
		t.Errorf("no type for forum = %+v, want counted and 0", s.PageType)
	}
}

func TestSummarizePageTypes(t *testing.T) {
	pages := []struct{ want, got string }{
		{"article", "article"}, {"article", "article"}, {"article", "service"},
		{"forum", "forum"}, {"product", "collection"}, {"product", ""},
		{"", "article"}, // no truth: neither accuracy nor matrix
	}
	var results []PageResult
	for _, p := range pages {
		results = append(results, PageResult{PageType: p.want, Score: ScorePage(Truth{PageType: p.want}, Prediction{PageType: p.got})})
	}
	s := Summarize(results)
	if !near(s.PageType.Value, 3.0/6) || s.PageType.N != 6 {
		t.Errorf("page type accuracy = %+v, want 0.5 over 6", s.PageType)
	}
	want := map[string]map[string]int{
		"article": {"article": 2, "service": 1},
		"forum":   {"forum": 1},
		"product": {"collection": 1, "none": 1},
	}
	if len(s.PageTypeConfusion) != len(want) {
		t.Fatalf("confusion = %v, want %v", s.PageTypeConfusion, want)
	}
	for tr, row := range want {
		for got, n := range row {
			if s.PageTypeConfusion[tr][got] != n {
				t.Errorf("confusion[%s][%s] = %d, want %d (%v)", tr, got, s.PageTypeConfusion[tr][got], n, s.PageTypeConfusion)
			}
		}
	}
}

func TestWriteConfusion(t *testing.T) {
	s := Summary{Pages: 3, PageType: Mean{2.0 / 3, 3}, PageTypeConfusion: map[string]map[string]int{
		"article": {"article": 2}, "forum": {"article": 1},
	}}
	var out strings.Builder
	if err := WriteTable(&out, "typed", []string{"one"}, []Summary{s}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "page type accuracy") || !strings.Contains(out.String(), "0.667") {
		t.Errorf("table lacks the page type row:\n%s", out.String())
	}
	out.Reset()
	if err := WriteConfusion(&out, "typed, one", s.PageTypeConfusion); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], "typed, one") {
		t.Fatalf("confusion matrix has %d lines, want title, header and 2 rows:\n%s", len(lines), got)
	}
	// columns: article, forum (the truth's types, then any other predicted)
	if f := strings.Fields(lines[2]); len(f) != 4 || f[0] != "article" || f[1] != "2" || f[2] != "0" || f[3] != "2" {
		t.Errorf("article row = %q, want article 2 0 and its total 2", lines[2])
	}
	if f := strings.Fields(lines[3]); len(f) != 4 || f[0] != "forum" || f[1] != "1" || f[2] != "0" {
		t.Errorf("forum row = %q, want forum 1 0 and its total 1", lines[3])
	}
	out.Reset()
	if err := WriteConfusion(&out, "none", nil); err != nil || out.Len() != 0 {
		t.Errorf("an empty matrix printed %q (%v)", out.String(), err)
	}
}

// A failed extraction still says what kind of page it failed on: a list
// of links is refused for want of an article but is a listing.
func TestRunKeepsPageTypeOfFailedPage(t *testing.T) {
	dir := writeCorpus(t, `{"id":"list","page_type":"listing","body":"a b"}`, map[string]string{"list": "x"})
	ds, err := LoadDataset(dir)
	if err != nil {
		t.Fatal(err)
	}
	ex := Extractor{Name: "x", Extract: func(context.Context, []byte, string) (Prediction, error) {
		return Prediction{Text: "a b", PageType: "listing"}, errors.New("no content")
	}}
	res, err := Run(context.Background(), ds, []Extractor{ex}, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := res[0][0]
	if r.Score.PageType.Score != 1 || r.Score.Body.TP != 0 {
		t.Errorf("failed page: %+v, want its page type scored and its text not", r.Score)
	}
}

// TestSummarizeNoPageTypes: an extractor that never tells a page type
// (the peers) gets no accuracy row, not 0.000.
func TestSummarizeNoPageTypes(t *testing.T) {
	results := []PageResult{
		{Score: ScorePage(Truth{PageType: "article"}, Prediction{})},
		{Score: ScorePage(Truth{PageType: "forum"}, Prediction{})},
	}
	if s := Summarize(results); s.PageType.N != 0 || s.PageTypeConfusion != nil {
		t.Errorf("page type scored for an extractor that tells none: %+v %v", s.PageType, s.PageTypeConfusion)
	}
	results[0].Score = ScorePage(Truth{PageType: "article"}, Prediction{PageType: "article"})
	if s := Summarize(results); s.PageType.N != 2 || s.PageType.Value != 0.5 {
		t.Errorf("page type = %+v, want 0.5 over 2", s.PageType)
	}
}
