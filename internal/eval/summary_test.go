package eval

import "testing"

// TestSummarizeBodyAveraging checks that precision and recall are averaged
// over different pages and that F1 is taken of the averages.
func TestSummarizeBodyAveraging(t *testing.T) {
	pages := []struct{ got, want string }{
		{"a b c d", "a b c d e"},   // P 1 (1/1), R 1/2 (1/2)
		{"", "a b c d e f g"},      // nothing predicted: R 0, no P
		{"a b c d e", "…"},         // truth has no shingle: P 0, no R
		{"q r s t u v w x y", ""},  // no body truth: not counted at all
		{"m n o p q r", "m n o p"}, // P 1/3, R 1
	}
	var results []PageResult
	for _, p := range pages {
		results = append(results, PageResult{Score: ScorePage(Truth{Body: p.want}, Prediction{Text: p.got})})
	}
	s := Summarize(results)
	wantP := (1 + 0 + 1.0/3) / 3
	wantR := (0.5 + 0 + 1) / 3
	if !near(s.BodyPrecision.Value, wantP) || s.BodyPrecision.N != 3 {
		t.Errorf("precision = %+v, want %v over 3", s.BodyPrecision, wantP)
	}
	if !near(s.BodyRecall.Value, wantR) || s.BodyRecall.N != 3 {
		t.Errorf("recall = %+v, want %v over 3", s.BodyRecall, wantR)
	}
	wantF := 2 * wantP * wantR / (wantP + wantR)
	if !near(s.BodyF1.Value, wantF) || s.BodyF1.N != 4 {
		t.Errorf("F1 = %+v, want %v over 4 pages", s.BodyF1, wantF)
	}
	// The F1 of the averages is not the average of per-page F1s.
	mean := 0.0
	for _, r := range results {
		if r.Score.Body.Counted {
			mean += r.Score.Body.F1()
		}
	}
	if near(mean/4, wantF) {
		t.Fatal("test cases do not tell the two averagings apart")
	}
}

func TestSummarizeSnippetsAndMetadata(t *testing.T) {
	results := []PageResult{
		{Score: ScorePage(Truth{With: []string{"a", "b"}, Without: []string{"x"}, Title: "T"}, Prediction{Text: "a b", Title: "t"})},
		{Score: ScorePage(Truth{With: []string{"a", "c"}, Without: []string{"b", "y"}}, Prediction{Text: "a b"}), Err: ""},
		{Score: ScorePage(Truth{Without: []string{"z"}, Title: "T", Lang: "de"}, Prediction{}), Err: "boom"},
		{Score: ScorePage(Truth{Title: "U"}, Prediction{Text: "a", Title: "T"})},
	}
	s := Summarize(results)
	check := func(name string, m Mean, v float64, n int) {
		t.Helper()
		if !near(m.Value, v) || m.N != n {
			t.Errorf("%s = %+v, want %v over %d", name, m, v, n)
		}
	}
	if s.Pages != 4 || s.Errors != 1 {
		t.Errorf("pages %d errors %d, want 4 and 1", s.Pages, s.Errors)
	}
	check("with found", s.WithFound, 3.0/4, 4)         // a, b, a found; c missing
	check("without absent", s.WithoutAbsent, 3.0/4, 4) // b leaked
	check("pages passing", s.PagesPassing, 2.0/3, 3)   // pages 1 and 3
	check("title", s.Title, 1.0/3, 3)
	check("lang", s.Lang, 0, 1)
	check("byline", s.Byline, 0, 0)
	if s.BodyF1.N != 0 || s.BodyPrecision.N != 0 {
		t.Errorf("body counted without body truth: %+v", s)
	}
}
