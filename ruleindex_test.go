package declutter

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func TestSelectorKeys(t *testing.T) {
	for sel, want := range map[string][]selKey{
		`a, button`: {{tag: "a"}, {tag: "button"}},
		`a[href^="#"], a.skip-link, .screen-reader-text`: {{tag: "a"}, {attr: "class", sub: "skip-link"}, {attr: "class", sub: "screen-reader-text"}},
		`form:has(input[type="email"])`:                  {{tag: "form"}}, // the attribute is on a descendant
		`#onetrust, [id^="sp_Message"]`:                  {{attr: "id", sub: "onetrust"}, {attr: "id", sub: "sp_message"}},
		`[id*="cookie"]:not(h1, h2)`:                     {{attr: "id", sub: "cookie"}},
		`.a .bb, div`:                                    {{attr: "class", sub: "bb"}, {tag: "div"}},
		`.aa div`:                                        {{tag: "div"}}, // the subject is the div
		`[title="a, b"] p`:                               {{tag: "p"}},
		`section > header`:                               {{tag: "header"}},
		`[data-members-form]`:                            {{attr: "data-members-form"}},
		`[rel='tag' i]`:                                  {{attr: "rel", sub: "tag"}},
		`[itemprop="author"][class*="byline"]`:           {{attr: "class", sub: "byline"}}, // class before other attributes
		`.x`:                                             {{attr: "class"}},                // too short to index
		`*[role=navigation]`:                             {{attr: "role", sub: "navigation"}},
		`[class~=share]+div`:                             {{tag: "div"}},
	} {
		got, ok := selectorKeys(sel)
		assert.True(t, ok, sel)
		assert.Equal(t, want, got, sel)
	}
	// No condition the index can use: the rule is tried on every element.
	for _, sel := range []string{
		`:not(abbr)`,
		`:not(figcaption, figcaption *, figure *)`,
		`[lang!="en"]`, // matches elements without the attribute
		`a, :root`,
		`ns|p`,
		`.a\:b`,
	} {
		_, ok := selectorKeys(sel)
		assert.False(t, ok, sel)
	}
}

// TestRuleIndexOnlyNarrows checks the index's one promise on real pages:
// every element a built-in rule's selector matches is a candidate of that
// rule. A selector the index misreads would lose a removal silently.
func TestRuleIndexOnlyNarrows(t *testing.T) {
	rs, err := compileRules(builtinRules, []Rule{
		{Name: "case", Selector: `.Newsletter-Box, [ID^="Main" i] > P`},
		{Name: "attr-ops", Selector: `[href$=".PDF" i], [lang|=en], [class~="wp-block-quote"]`},
	}, nil)
	require.NoError(t, err)
	pages := testPages(t)
	require.NotEmpty(t, pages)
	pages["synthetic"] = []byte(`<div ID="MainStory"><p>x</p></div><div class="NEWSLETTER-box newsletter-Box"></div>
		<a href="/doc.pdf">d</a><q lang="en-GB">q</q><blockquote class="a wp-block-quote"></blockquote>`)
	matched := 0
	for name, page := range pages {
		doc, err := html.Parse(bytes.NewReader(page))
		require.NoError(t, err)
		for _, stage := range []stageRules{rs.page, rs.body} {
			set := make([]uint64, (len(stage.rules)+63)/64)
			for n := range doc.Descendants() {
				if n.Type != html.ElementNode {
					continue
				}
				clear(set)
				stage.index.candidates(n, set)
				for i, r := range stage.rules {
					if r.sel == nil || !r.sel.Match(n) {
						continue
					}
					matched++
					if set[i/64]&(1<<(i%64)) == 0 {
						t.Errorf("%s: rule %q matches <%s %v> but the index skips it", name, r.Name, n.Data, n.Attr)
					}
				}
			}
		}
	}
	assert.Greater(t, matched, 1000, "the pages exercise the selectors")
}

// TestRuleIndexNarrows checks that the index does narrow: a plain element
// is not a candidate of rules keyed by classes, ids or other tags.
func TestRuleIndexNarrows(t *testing.T) {
	rs, err := compileRules(builtinRules, nil, nil)
	require.NoError(t, err)
	doc, err := html.Parse(strings.NewReader(`<div>x</div><div class="c-Newsletter-box">y</div>`))
	require.NoError(t, err)
	body := doc.FirstChild.LastChild
	plain, widget := body.FirstChild, body.LastChild
	candidates := func(n *html.Node) map[string]bool {
		set := make([]uint64, (len(rs.page.rules)+63)/64)
		rs.page.index.candidates(n, set)
		names := map[string]bool{}
		for i, r := range rs.page.rules {
			if set[i/64]&(1<<(i%64)) != 0 {
				names[r.Name] = true
			}
		}
		return names
	}
	assert.Less(t, len(candidates(plain)), len(rs.page.rules)/2)
	assert.False(t, candidates(plain)["newsletter-form"])
	assert.True(t, candidates(widget)["newsletter-form"])
	assert.False(t, candidates(widget)["cookie-consent"])
}

// TestPhraseSet holds the phrase index to strings.Contains on the texts of
// the testdata pages and on each rule's own phrases, cut and padded.
func TestPhraseSet(t *testing.T) {
	var texts []string
	for _, page := range testPages(t) {
		doc, err := html.Parse(bytes.NewReader(page))
		require.NoError(t, err)
		st := newTextStats(doc)
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && st.chars(n) <= 400 {
				texts = append(texts, strings.ToLower(st.text(n)))
			}
		}
	}
	found := 0
	for _, r := range builtinRules {
		set := newPhraseSet(r.Phrases)
		if set == nil {
			continue
		}
		cases := texts
		for _, p := range r.Phrases {
			cases = append(cases, p, "x"+p+"y", p[:len(p)-1], p[1:])
		}
		for _, s := range cases {
			want := containsAnyOf(s, r.Phrases)
			require.Equal(t, want, set.containsAny(s), "rule %s on %q", r.Name, s)
			if want {
				found++
			}
		}
	}
	assert.Greater(t, found, 50)

	// The candidates' texts keep their case: the index folds ASCII, and
	// a candidate's foldedText lowers a text with any other capital.
	folded := 0
	for _, r := range builtinRules {
		set := newPhraseSet(r.Phrases)
		if set == nil {
			continue
		}
		for _, p := range r.Phrases {
			for _, s := range []string{strings.ToUpper(p), "„" + capitalized(p) + "“", "KELVIN \u212a " + p} {
				want := containsAnyOf(strings.ToLower(s), r.Phrases)
				got := false
				findSubstrings(set, foldedText(s), func([]int) bool { got = true; return false })
				require.Equal(t, want, got, "rule %s on %q", r.Name, s)
				if want {
					folded++
				}
			}
		}
	}
	assert.Greater(t, folded, 50)
	assert.Nil(t, newPhraseSet([]string{"ok", "x"}), "a one-byte phrase is not indexed")
}

// capitalized returns s with its first rune in upper case.
func capitalized(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// foldedText returns the foldedText of a paragraph holding s.
func foldedText(s string) []byte {
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: s})
	var scratch []byte
	x := candidate{n: p, scratch: &scratch}
	return x.foldedText()
}
