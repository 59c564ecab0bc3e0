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

// TestWordF1 checks the WCXB measure: lower-cased word multisets per page,
// the page F1s averaged (not the F1 of averages), overall and per type.
func TestWordF1(t *testing.T) {
	pages := []struct{ got, want, typ string }{
		{"The cat sat", "the CAT sat", "article"},         // 1
		{"a a b", "a b b", "article"},                     // TP 2 FP 1 FN 1: 2*2/(4+2) = 2/3
		{"", "one two three", "forum"},                    // 0
		{"x y", "", "forum"},                              // no body truth: not counted
		{"Hello, world!", "hello world extra", "product"}, // TP 2 FN 1: 4/5
	}
	var results []PageResult
	for _, p := range pages {
		results = append(results, PageResult{PageType: p.typ, Score: ScorePage(Truth{Body: p.want}, Prediction{Text: p.got})})
	}
	s := Summarize(results)
	if want := (1 + 2.0/3 + 0 + 0.8) / 4; !near(s.WordF1.Value, want) || s.WordF1.N != 4 {
		t.Errorf("word F1 = %+v, want %v over 4", s.WordF1, want)
	}
	wantTypes := map[string]Mean{"article": {(1 + 2.0/3) / 2, 2}, "forum": {0, 1}, "product": {0.8, 1}}
	if len(s.WordF1ByType) != len(wantTypes) {
		t.Fatalf("types = %v, want %v", s.WordF1ByType, wantTypes)
	}
	for k, w := range wantTypes {
		if g := s.WordF1ByType[k]; !near(g.Value, w.Value) || g.N != w.N {
			t.Errorf("word F1 %s = %+v, want %+v", k, g, w)
		}
	}
	if f := (WordCounts{}).F1(); f != 1 {
		t.Errorf("empty prediction of an empty truth scores %v, want 1", f)
	}
}

func TestAUROC(t *testing.T) {
	for _, c := range []struct {
		bad, good []float64
		want      float64
	}{
		{[]float64{0.1, 0.2}, []float64{0.8, 0.9}, 1},    // perfect
		{[]float64{0.8, 0.9}, []float64{0.1, 0.2}, 0},    // reversed
		{[]float64{0.5}, []float64{0.5, 0.5}, 0.5},       // ties count half
		{[]float64{0.1, 0.6}, []float64{0.5, 0.9}, 0.75}, // 3 of 4 pairs right
	} {
		if got := AUROC(c.bad, c.good); !near(got, c.want) {
			t.Errorf("AUROC(%v, %v) = %v, want %v", c.bad, c.good, got, c.want)
		}
	}
}

// TestConfidenceAUROC checks which pages count: those with a true body,
// failed ones at confidence 0, and none for an extractor without a
// confidence.
func TestConfidenceAUROC(t *testing.T) {
	page := func(got, want string, conf float64, has bool, err string) PageResult {
		return PageResult{Err: err, Confidence: conf, HasConfidence: has,
			Score: ScorePage(Truth{Body: want}, Prediction{Text: got})}
	}
	results := []PageResult{
		page("a b c d", "a b c d", 0.9, true, ""),      // good, high
		page("x y z", "a b c d", 0.2, true, ""),        // bad, low
		page("", "a b c d", 0, false, "no content"),    // bad, failed: 0
		page("a b c d", "", 0.1, true, ""),             // no truth: not counted
		page("a b c d", "a b c d e f", 0.95, true, ""), // good (F1 0.8), high
	}
	m := Summarize(results).ConfidenceAUROC
	if m.N != 4 || !near(m.Value, 1) {
		t.Errorf("AUROC = %+v, want 1 over 4", m)
	}
	for i := range results {
		results[i].HasConfidence = false
	}
	if m := Summarize(results).ConfidenceAUROC; m.N != 0 {
		t.Errorf("AUROC without confidences = %+v, want none", m)
	}
}
