package declutter

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// TestRuleErrors: a rule that cannot be compiled makes New fail with
// ErrInvalidRule, and the message names the rule so the user can find it.
func TestRuleErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string // must appear in the message
	}{
		{"invalid selector", Options{Rules: []Rule{{Name: "bad-selector", Selector: "div[class="}}}, `"bad-selector"`},
		{"invalid regexp", Options{Rules: []Rule{{Name: "bad-pattern", Text: `(?i)^(read more`}}}, `"bad-pattern"`},
		{"missing name", Options{Rules: []Rule{{Selector: ".promo-box"}}}, `".promo-box"`},
		{"blank name", Options{Rules: []Rule{{Name: "  ", Text: "promo"}}}, "no name"},
		{"duplicate name", Options{Rules: []Rule{{Name: "promo", Selector: ".a"}, {Name: "promo", Selector: ".b"}}}, `"promo"`},
		{"disable unknown", Options{DisableRules: []string{"no-such-rule"}}, `"no-such-rule"`},
		{"no selector nor text", Options{Rules: []Rule{{Name: "empty-rule", MaxChars: 10}}}, `"empty-rule"`},
		{"unknown stage", Options{Rules: []Rule{{Name: "odd-stage", Stage: Stage(7), Selector: "p"}}}, `"odd-stage"`},
		{"negative guard", Options{Rules: []Rule{{Name: "negative", Selector: "p", MaxChars: -1}}}, `"negative"`},
		{"negative MinChars", Options{Rules: []Rule{{Name: "negative-min", Selector: "p", MinChars: -1}}}, `"negative-min"`},
		{"link density above 1", Options{Rules: []Rule{{Name: "dense", Selector: "ul", MinLinkDensity: 1.5}}}, `"dense"`},
		{"bad replacement of a built-in", Options{Rules: []Rule{{Name: "reading-time", Text: `\d+ min(`}}}, `"reading-time"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(tt.opts)
			require.Nil(t, e)
			require.Error(t, err)
			require.True(t, errors.Is(err, ErrInvalidRule), "got %v", err)
			require.Contains(t, err.Error(), tt.want)
		})
	}
}

// ruleDoc parses a test page and applies the rules of one stage to the
// whole document, as the page stage does.
func ruleDoc(t *testing.T, rules []Rule, disable []string, page string) (*html.Node, []Removal) {
	t.Helper()
	rs, err := compileRules(nil, rules, disable)
	require.NoError(t, err)
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	stage := rs.page
	if len(rules) > 0 && rules[0].Stage == StageBody {
		stage = rs.body
	}
	removed, err := applyRules(context.Background(), stage, doc, newTextStats(doc))
	require.NoError(t, err)
	return doc, removed
}

// hasMatch reports whether the page still has an element matching sel.
func hasMatch(doc *html.Node, sel string) bool {
	return cascadia.MustCompile(sel).MatchFirst(doc) != nil
}

// ruleFiller is story text that keeps the "half the scope" cap out of the way.
var ruleFiller = "<p>" + strings.Repeat("The embankment held for six hours. ", 30) + "</p>"

// applyAll applies both stages of rs to the whole document, so that a test
// does not depend on which stage a built-in rule runs in.
func applyAll(t *testing.T, rs *ruleSet, page string) (*html.Node, []Removal) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	var all []Removal
	for _, stage := range []stageRules{rs.page, rs.body} {
		removed, err := applyRules(context.Background(), stage, doc, newTextStats(doc))
		require.NoError(t, err)
		all = append(all, removed...)
	}
	return doc, all
}

func TestRuleUserReplacesBuiltin(t *testing.T) {
	page := `<html><body><main><article><h1>Title</h1><div class="meta"><span class="rt">3 min read</span></div>` + ruleFiller +
		`<div class="promo"><p>Our app</p></div></article></main></body></html>`
	rs, err := compileRules(builtinRules, []Rule{{Name: "reading-time", Selector: ".promo"}}, nil)
	require.NoError(t, err)
	doc, removed := applyAll(t, rs, page)
	require.True(t, hasMatch(doc, ".rt"), "the built-in reading-time rule still ran")
	require.False(t, hasMatch(doc, ".promo"))
	require.Equal(t, []Removal{{Rule: "reading-time", Snippet: "Our app"}}, removed)
	n := 0
	for _, r := range append(rs.page.rules, rs.body.rules...) {
		if r.Name == "reading-time" {
			n++
		}
	}
	require.Equal(t, 1, n, "a replaced built-in must not run twice")
}

func TestRuleDisable(t *testing.T) {
	page := `<html><body><main><article><h1>Title</h1><p><span class="rt">3 min read</span></p>` + ruleFiller + `</article></main></body></html>`
	on, err := compileRules(builtinRules, nil, nil)
	require.NoError(t, err)
	off, err := compileRules(builtinRules, nil, []string{"reading-time"})
	require.NoError(t, err)
	doc, removed := applyAll(t, on, page)
	require.False(t, hasMatch(doc, ".rt"), "the built-in rule is on by default")
	require.Equal(t, []Removal{{Rule: "reading-time", Snippet: "3 min read"}}, removed)
	doc, removed = applyAll(t, off, page)
	require.True(t, hasMatch(doc, ".rt"), "removed %v", removed)
	// Through the public API: a user rule can be disabled too.
	e, err := New(Options{Rules: []Rule{{Name: "mine", Selector: ".rt"}}, DisableRules: []string{"mine", "reading-time"}})
	require.NoError(t, err)
	a, err := e.Extract(context.Background(), strings.NewReader(page), "")
	require.NoError(t, err)
	require.Contains(t, a.Text, "3 min read", "removed %v", a.Removed)
}

func TestRuleExpand(t *testing.T) {
	cta := Rule{Name: "cta", Selector: "a.cta", Expand: 100}
	tests := []struct {
		name, page    string
		gone, kept    []string // selectors
		wantSnippetOf string   // the removed element's text
	}{
		{
			name:          "climbs to the largest ancestor within the cap",
			page:          `<div id="outer"><div id="inner"><p>Support us.</p><a class="cta">Donate</a></div></div>`,
			gone:          []string{"#outer"},
			wantSnippetOf: "Support us. Donate",
		},
		{
			name:          "stops at the cap",
			page:          `<div id="outer"><p>` + strings.Repeat("x", 120) + `</p><div id="inner"><p>Support us.</p><a class="cta">Donate</a></div></div>`,
			gone:          []string{"#inner"},
			kept:          []string{"#outer"},
			wantSnippetOf: "Support us. Donate",
		},
		{
			name:          "stops below article",
			page:          `<article id="story"><a class="cta">Donate</a></article>`,
			gone:          []string{"a.cta"},
			kept:          []string{"#story"},
			wantSnippetOf: "Donate",
		},
		{
			name:          "stops below main",
			page:          `<main id="story"><div id="box"><a class="cta">Donate</a></div></main>`,
			gone:          []string{"#box"},
			kept:          []string{"#story"},
			wantSnippetOf: "Donate",
		},
		{
			name:          "stops at an h1's ancestors",
			page:          `<div id="hero"><h1>Flood</h1><div id="box"><a class="cta">Donate</a></div></div>`,
			gone:          []string{"#box"},
			kept:          []string{"#hero", "h1"},
			wantSnippetOf: "Donate",
		},
	}
	// wrapText keeps #wrap above the cap, so expansion must stop inside it.
	wrapText := "<p>" + strings.Repeat("w", 120) + "</p>"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, removed := ruleDoc(t, []Rule{cta}, nil, `<html><body><div id="wrap">`+tt.page+wrapText+`</div>`+ruleFiller+`</body></html>`)
			require.Equal(t, []Removal{{Rule: "cta", Snippet: tt.wantSnippetOf}}, removed)
			for _, sel := range tt.gone {
				require.False(t, hasMatch(doc, sel), "%s should be gone", sel)
			}
			for _, sel := range tt.kept {
				require.True(t, hasMatch(doc, sel), "%s should stay", sel)
			}
			require.True(t, hasMatch(doc, "#wrap"), "expansion climbed out of the case")
		})
	}
	t.Run("never into body", func(t *testing.T) {
		doc, removed := ruleDoc(t, []Rule{{Name: "cta", Selector: "a.cta", Expand: 10000}}, nil,
			`<html><body><a class="cta">Donate</a></body></html>`)
		require.Equal(t, []Removal{{Rule: "cta", Snippet: "Donate"}}, removed)
		require.True(t, hasMatch(doc, "body"))
	})
	t.Run("never more than half the scope", func(t *testing.T) {
		// The box is within Expand but holds most of the page's text: on a
		// short page that would be the article itself.
		box := `<div id="box"><p>` + strings.Repeat("y", 80) + `</p><a class="cta">Donate</a></div>`
		doc, removed := ruleDoc(t, []Rule{{Name: "cta", Selector: "a.cta", Expand: 1000}}, nil,
			`<html><body><div id="wrap">`+box+`</div><p>`+strings.Repeat("z", 40)+`</p></body></html>`)
		require.Equal(t, []Removal{{Rule: "cta", Snippet: "Donate"}}, removed)
		require.True(t, hasMatch(doc, "#box"))
	})
}

func TestRuleFollowing(t *testing.T) {
	rule := Rule{Name: "related", Selector: "h3.rel", Following: true}
	page := `<html><body><main><div id="story">` + ruleFiller + `
<h3 class="rel">Related</h3>
<ul id="l1"><li><a href="/a">First story</a></li><li><a href="/b">Second story</a></li></ul>
<p id="l2"><a href="/c">Third story</a></p>
<p id="prose">The inspectors will return next week, and a <a href="/r">report</a> is due in March.</p>
<ul id="l3"><li><a href="/d">Fourth story</a></li></ul>
<h3 class="rel">Related</h3>
<div id="l4"><a href="/e">Fifth story</a></div>
<h2 id="next"><a href="#s2">Next section</a></h2>
<ul id="l5"><li><a href="/f">Sixth story</a></li></ul>
</div></main></body></html>`
	doc, removed := ruleDoc(t, []Rule{rule}, nil, page)
	for _, sel := range []string{"h3.rel", "#l1", "#l2", "#l4"} {
		require.False(t, hasMatch(doc, sel), "%s should be gone", sel)
	}
	for _, sel := range []string{"#prose", "#l3", "#next", "#l5"} {
		require.True(t, hasMatch(doc, sel), "%s should stay: Following stops at prose and at headings", sel)
	}
	require.Len(t, removed, 5)
	for _, r := range removed {
		require.Equal(t, "related", r.Rule)
	}
}

func TestRuleOutermostMatchWins(t *testing.T) {
	page := `<html><body><main>` + ruleFiller + `<div class="box" id="outer"><p>Outer</p><div class="box inner"><p>Inner</p></div></div></main></body></html>`
	doc, removed := ruleDoc(t, []Rule{
		{Name: "inner-first", Selector: ".inner"},
		{Name: "box", Selector: ".box"},
	}, nil, page)
	require.False(t, hasMatch(doc, "#outer"))
	require.Equal(t, []Removal{{Rule: "box", Snippet: "Outer Inner"}}, removed, "one removal for nested matches, by the rule that matched the outer one")
}

func TestRuleGuards(t *testing.T) {
	list := func(id string, linked bool, words int) string {
		var b strings.Builder
		b.WriteString(`<ul id="` + id + `">`)
		for i := range words {
			w := strings.Repeat("w", 9)
			if linked && i%2 == 0 {
				w = `<a href="/x">` + w + `</a>`
			}
			b.WriteString("<li>" + w + "</li>")
		}
		b.WriteString("</ul>")
		return b.String()
	}
	t.Run("MinLinkDensity", func(t *testing.T) {
		// l1 is half links (density 0.5 counts), l2 has none.
		page := `<html><body><main>` + ruleFiller + list("l1", true, 4) + list("l2", false, 4) + `</main></body></html>`
		doc, removed := ruleDoc(t, []Rule{{Name: "links", Selector: "ul", MinLinkDensity: 0.45}}, nil, page)
		require.False(t, hasMatch(doc, "#l1"))
		require.True(t, hasMatch(doc, "#l2"))
		require.Len(t, removed, 1)
	})
	t.Run("MaxChars", func(t *testing.T) {
		page := `<html><body><main>` + ruleFiller + `<p class="x" id="at">` + strings.Repeat("a", 50) + `</p><p class="x" id="over">` + strings.Repeat("b", 51) + `</p></main></body></html>`
		doc, removed := ruleDoc(t, []Rule{{Name: "short", Selector: "p.x", MaxChars: 50}}, nil, page)
		require.False(t, hasMatch(doc, "#at"), "text of exactly MaxChars goes")
		require.True(t, hasMatch(doc, "#over"), "longer text stays")
		require.Len(t, removed, 1)
	})
	t.Run("MinChars", func(t *testing.T) {
		page := `<html><body><main>` + ruleFiller + `<p class="x" id="under">` + strings.Repeat("a", 9) + `</p><p class="x" id="at">` + strings.Repeat("b", 10) + `</p></main></body></html>`
		doc, removed := ruleDoc(t, []Rule{{Name: "not-tiny", Selector: "p.x", MinChars: 10}}, nil, page)
		require.True(t, hasMatch(doc, "#under"), "shorter text stays")
		require.False(t, hasMatch(doc, "#at"), "text of exactly MinChars goes")
		require.Len(t, removed, 1)
	})
	t.Run("Text-only rules default to 200 chars", func(t *testing.T) {
		c, err := compileRule(Rule{Name: "cue", Text: "flood"})
		require.NoError(t, err)
		require.Equal(t, defaultTextOnlyMaxChars, c.MaxChars)
		require.Equal(t, 200, c.MaxChars)
		c, err = compileRule(Rule{Name: "cue", Selector: "p", Text: "flood"})
		require.NoError(t, err)
		require.Zero(t, c.MaxChars, "a rule with a selector has no implicit cap")

		short := "flood " + strings.Repeat("a", 194) // 200 chars
		long := "flood " + strings.Repeat("b", 195)  // 201 chars
		page := `<html><body><main>` + ruleFiller + `<section><p id="short">` + short + `</p></section><section><p id="long">` + long + `</p></section></main></body></html>`
		doc, removed := ruleDoc(t, []Rule{{Name: "cue", Text: "^flood"}}, nil, page)
		require.False(t, hasMatch(doc, "#short"))
		require.True(t, hasMatch(doc, "#long"))
		require.Len(t, removed, 1)
	})
}

// TestRuleSetConcurrent shares one Extractor, built with user rules, between
// 8 goroutines; run with -race. Every call must give what a lone call gives.
func TestRuleSetConcurrent(t *testing.T) {
	e, err := New(Options{
		Rules:        []Rule{{Name: "bio", Stage: StageBody, Selector: ".author-bio", Expand: 200}},
		DisableRules: []string{"audio-notice"},
	})
	require.NoError(t, err)
	extract := func() *Article {
		a, err := e.Extract(context.Background(), strings.NewReader(widgetPage), "https://valley.example/news/dam-repairs")
		require.NoError(t, err)
		return a
	}
	want := extract()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for range 5 {
				a, err := e.Extract(context.Background(), strings.NewReader(widgetPage), "https://valley.example/news/dam-repairs")
				if err != nil {
					t.Errorf("goroutine %d: %v", g, err)
					return
				}
				if a.Text != want.Text || a.Content != want.Content || !sameRemovals(a.Removed, want.Removed) {
					t.Errorf("goroutine %d: result differs from a lone call", g)
					return
				}
			}
		})
	}
	wg.Wait()
}

func sameRemovals(a, b []Removal) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRuleIdempotent extracts the extracted Content again, wrapped in a
// minimal page: the rules must find nothing more to remove in it.
func TestRuleIdempotent(t *testing.T) {
	first, err := Extract(context.Background(), strings.NewReader(widgetPage), "https://valley.example/news/dam-repairs")
	require.NoError(t, err)
	page := `<!DOCTYPE html><html><head><title>Second pass</title></head><body><article>` + first.Content + `</article></body></html>`
	second, err := Extract(context.Background(), strings.NewReader(page), "https://valley.example/news/dam-repairs")
	require.NoError(t, err)
	require.Equal(t, first.Text, second.Text)
	require.Empty(t, second.Removed)
}

// TestRuleMatch checks the Go hook: it sees only candidates that passed
// every other test, decides the removal, and a panic in it is an error.
func TestRuleMatch(t *testing.T) {
	page := limitsPage(`<div class="box"><p>Short box about the harbour wall.</p></div><div class="box"><p>` +
		strings.Repeat("A long box that is article text about the harbour wall. ", 10) + `</p></div>`)
	var seen []string
	ex, err := New(Options{Rules: []Rule{{
		Name: "box", Stage: StagePage, Selector: ".box", MaxChars: 100,
		Match: func(s *goquery.Selection) bool {
			seen = append(seen, s.Text())
			return strings.Contains(s.Text(), "harbour")
		},
	}}})
	require.NoError(t, err)
	a, err := ex.Extract(context.Background(), strings.NewReader(page), "")
	require.NoError(t, err)
	assert.Equal(t, []string{"Short box about the harbour wall."}, seen, "the long box fails MaxChars before Match runs")
	assert.NotContains(t, a.Text, "Short box")
	assert.Contains(t, a.Text, "A long box")

	ex, err = New(Options{Rules: []Rule{{
		Name: "box", Stage: StagePage, Selector: ".box", MaxChars: 100,
		Match: func(*goquery.Selection) bool { panic("user bug") },
	}}})
	require.NoError(t, err)
	_, err = ex.Extract(context.Background(), strings.NewReader(page), "")
	assert.ErrorIs(t, err, ErrPanic)
}
