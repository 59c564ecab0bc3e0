package eval

import (
	"strings"
	"testing"
)

func TestWriteTable(t *testing.T) {
	a := Summary{Pages: 3, Errors: 1, Title: Mean{0.5, 2}, BodyF1: Mean{0.75, 3}, BodyPrecision: Mean{0.8, 2}, BodyRecall: Mean{0.7, 3}}
	b := Summary{Pages: 3, Title: Mean{1, 2}}
	var out strings.Builder
	if err := WriteTable(&out, "tiny", []string{"one", "two"}, []Summary{a, b}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"tiny (3 pages)", "one", "two", "title exact", "0.500", "1.000", "body F1", "0.750", "–"} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	for _, absent := range []string{"with found", "lang", "site_name"} {
		if strings.Contains(got, absent) {
			t.Errorf("table has uncounted row %q:\n%s", absent, got)
		}
	}
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 6 { // header, errors, precision, recall, F1, title
		t.Errorf("table has %d lines, want 6:\n%s", len(lines), got)
	}
}

func TestWorst(t *testing.T) {
	truth := Truth{Body: "a b c d e f", Title: "Title", Byline: "Jane Doe"}
	results := []PageResult{
		{ID: "perfect", Score: ScorePage(truth, Prediction{Text: "a b c d e f", Title: "Title", Byline: "Jane Doe"})},
		{ID: "title", Score: ScorePage(truth, Prediction{Text: "a b c d e f", Title: "Other", Byline: "Jane Doe"})},
		{ID: "empty", Err: "declutter: no content\nstack", Score: ScorePage(truth, Prediction{})},
		{ID: "byline", Score: ScorePage(truth, Prediction{Text: "a b c d e f", Title: "Title", Byline: "By Jane Doe"})},
	}
	w := Worst(results, 2)
	if len(w) != 2 || w[0].ID != "empty" || w[1].ID != "title" {
		t.Fatalf("Worst = %+v, want empty then title", w)
	}
	if !near(w[0].Loss, 3) || !strings.HasPrefix(w[0].Lost[0], "body F1 0.00") || w[0].Lost[len(w[0].Lost)-1] != "error: declutter: no content" {
		t.Errorf("empty page loss = %+v", w[0])
	}
	if want := `title 0.00: got "Other", want "Title"`; w[1].Lost[0] != want {
		t.Errorf("title page lost %q, want %q", w[1].Lost, want)
	}
	if all := Worst(results, 10); len(all) != 3 {
		t.Errorf("Worst kept %d pages, want the 3 that lost", len(all))
	}
	var out strings.Builder
	WriteWorst(&out, "x", w)
	if !strings.Contains(out.String(), "3.00  empty") {
		t.Errorf("WriteWorst output:\n%s", out.String())
	}
}

func TestWriteTableTypeRows(t *testing.T) {
	a := Summary{Pages: 2, WordF1: Mean{0.5, 2}, WordF1ByType: map[string]Mean{"forum": {0.25, 1}, "article": {0.75, 1}}}
	var out strings.Builder
	if err := WriteTable(&out, "typed", []string{"one"}, []Summary{a}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	iw, ia, iff := strings.Index(got, "word F1"), strings.Index(got, "word F1 article"), strings.Index(got, "word F1 forum")
	if iw < 0 || ia < iw || iff < ia {
		t.Errorf("want rows word F1, then per type in order:\n%s", got)
	}
	for _, want := range []string{"0.500", "0.750", "0.250"} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
}
