package declutter

import (
	"context"
	"strings"
	"testing"
)

// TestConfidenceOrdersBodies checks the score on pages whose answer is
// known: a story that is most of its page scores high; a body that is a
// small part of a page full of other text, in short lines, scores lower.
func TestConfidenceOrdersBodies(t *testing.T) {
	para := func() string {
		return "<p>" + strings.Repeat("The committee heard evidence from residents about the flooding of the lower town and the repairs that followed. ", 3) + "</p>"
	}
	var story strings.Builder
	for range 8 {
		story.WriteString(para())
	}
	good := `<html><head><title>Flood report</title></head><body><article><h1>Flood report</h1>` + story.String() + `</article></body></html>`
	var chrome strings.Builder
	for i := range 120 {
		chrome.WriteString(`<div class="card"><span>Teaser line number ` + strings.Repeat("x", i%7) + `</span></div>`)
	}
	weak := `<html><head><title>Index</title></head><body><div>` + chrome.String() + `</div><article>` + para() + `</article><div>` + chrome.String() + `</div></body></html>`

	score := func(page string) float64 {
		t.Helper()
		a, err := Extract(context.Background(), strings.NewReader(page), "https://example.org/a")
		if err != nil {
			t.Fatal(err)
		}
		if a.Confidence < 0 || a.Confidence > 1 {
			t.Fatalf("confidence %v out of [0, 1]", a.Confidence)
		}
		return a.Confidence
	}
	g, w := score(good), score(weak)
	if g < 0.5 {
		t.Errorf("a whole story scores %.2f, want at least 0.5", g)
	}
	if w >= g {
		t.Errorf("a fragment of a busy page scores %.2f, not below the whole story's %.2f", w, g)
	}
}

func TestConfidenceFeaturesInRange(t *testing.T) {
	for _, ev := range []confidenceEvidence{
		{},
		{words: 1 << 20, pageChars: 10, bodyChars: 100, linkChars: 200, proseChars: 300, paragraphs: 1 << 20, listChars: 500, shortChars: 500, recovered: true, ldBodyChars: 1},
	} {
		for i, x := range ev.features() {
			if x < 0 || x > 1 || x != x {
				t.Errorf("%+v: feature %d = %v, want a small non-negative number", ev, i, x)
			}
		}
	}
}
