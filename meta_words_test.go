package declutter

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// The one-pass matchers must agree with the plain definitions they
// replace (lowercase, then one substring test per word) on every input,
// the runes that lowercase to another length or into ASCII included.

func refClassOf(n *html.Node) (int, uint8) {
	l := classAndID(n)
	var mask uint8
	for i, words := range [][]string{noiseWords, bylineWords, dateWords} {
		if containsAnyOf(l, words) {
			mask |= 1 << i
		}
	}
	return len(l), mask
}

func refIsAuthorHref(href string) bool {
	return len(href) >= 8 && containsAnyOf(strings.ToLower(href), authorPaths)
}

// randomClassText builds strings from pieces of the words, separators,
// upper case and the runes whose lowercase differs in size or script.
func randomClassText(r *rand.Rand) string {
	pieces := []string{"-", "_", " ", "/", "a", "Z", "\u212a", "\u0130", "\u212b", "\xff", "é", "SIDE", "bar",
		"Author", "by", "date", "Time", "redaKteur", "reda\u212ateur", "comment", "related", "/by/", "/Autor/", "x"}
	var b strings.Builder
	for i, n := 0, r.Intn(12); i < n; i++ {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

func TestElemInfoMatchesPlainDefinition(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	s := &pageScan{}
	for i := 0; i < 20000; i++ {
		n := &html.Node{Type: html.ElementNode, Data: "div"}
		if cls := randomClassText(r); cls != "" || r.Intn(2) == 0 {
			n.Attr = append(n.Attr, html.Attribute{Key: "class", Val: cls})
		}
		if id := randomClassText(r); id != "" {
			n.Attr = append(n.Attr, html.Attribute{Key: "id", Val: id})
		}
		if r.Intn(4) == 0 {
			n.Attr = append(n.Attr, html.Attribute{Key: "class", Val: randomClassText(r)})
		}
		for _, k := range []string{"itemprop", "itemscope", "datetime"} {
			for j := r.Intn(3); j > 0; j-- {
				ns := []string{"", "", "xlink"}[r.Intn(3)]
				n.Attr = append(n.Attr, html.Attribute{Namespace: ns, Key: k, Val: randomClassText(r)})
			}
		}
		r.Shuffle(len(n.Attr), func(i, j int) { n.Attr[i], n.Attr[j] = n.Attr[j], n.Attr[i] })
		e := s.elemInfo(n)
		if e.itemprop != attrOf(n, "itemprop") || e.itemscope != hasNodeAttr(n, "itemscope") ||
			e.datetime != hasNodeAttr(n, "datetime") {
			t.Fatalf("elemInfo(%q) = %+v", n.Attr, e)
		}
		gs, gm := e.size, e.mask
		ws, wm := refClassOf(n)
		if gs != ws || gm != wm {
			t.Fatalf("elemInfo(%q) = %d, %03b; want %d, %03b", n.Attr, gs, gm, ws, wm)
		}
		h := "https://example.org" + randomClassText(r) + "/" + randomClassText(r)
		if got, want := isAuthorHref(h), refIsAuthorHref(h); got != want {
			t.Fatalf("isAuthorHref(%q) = %v, want %v", h, got, want)
		}
		rel := randomClassText(r)
		if got, want := containsASCIIFold(rel, "author"), strings.Contains(strings.ToLower(rel), "author"); got != want {
			t.Fatalf("containsASCIIFold(%q) = %v, want %v", rel, got, want)
		}
	}
}

func TestIsAuthorHref(t *testing.T) {
	for href, want := range map[string]bool{
		"https://example.org/author/jane-doe":      true,
		"https://example.org/AUTOREN/jane":         true,
		"/people/jane/":                            true,
		"https://example.org/by/jane":              true,
		"https://example.org/reda\u212ateur/jane":  true, // Kelvin sign lowercases to k
		"https://example.org/authority/page":       false,
		"https://example.org/2024/author":          false, // no closing slash
		"https://example.org/news/story?by=/x":     false,
		"/by/":                                     false, // too short to be a link
		"https://example.org/staff-picks/1/2/3/4/": false,
	} {
		if got := isAuthorHref(href); got != want {
			t.Errorf("isAuthorHref(%q) = %v, want %v", href, got, want)
		}
	}
}

func refTitleKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(b.String(), "com"), "org"), "net")
}

func TestTitleHelpersMatchPlainDefinition(t *testing.T) {
	pieces := []string{" ", "\t", "|", " | ", " - ", "–", " — ", ":", "·", "•", "»", "/", "~", "*", "｜", "：", "A", "z",
		"9", "É", "İ", "\u212a", "Ⱥ", "\xff", "ß", "Ω", "com", "Net", ".", "漢"}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j, n := 0, r.Intn(10); j < n; j++ {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := titleKey(s), refTitleKey(s); got != want {
			t.Fatalf("titleKey(%q) = %q, want %q", s, got, want)
		}
		if got, want := titleSeps(s), reTitleSep.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("titleSeps(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestClassMatcherOnWordFragments feeds the matcher strings glued from
// pieces of its own words, with random case: where a window jump that is
// too long would skip a word.
func TestClassMatcherOnWordFragments(t *testing.T) {
	var words []string
	for _, l := range classWords.lists {
		words = append(words, l...)
	}
	r := rand.New(rand.NewSource(4))
	for i := 0; i < 50000; i++ {
		var b []byte
		for j, n := 0, 1+r.Intn(6); j < n; j++ {
			w := words[r.Intn(len(words))]
			from := r.Intn(len(w))
			to := from + 1 + r.Intn(len(w)-from)
			if r.Intn(3) == 0 {
				from, to = 0, len(w)
			}
			b = append(b, w[from:to]...)
			if r.Intn(4) == 0 {
				b = append(b, " -_x1"[r.Intn(5)])
			}
		}
		for k := range b {
			if r.Intn(5) == 0 && b[k] >= 'a' && b[k] <= 'z' {
				b[k] -= 'a' - 'A'
			}
		}
		s := string(b)
		var want uint8
		for li, l := range classWords.lists {
			if containsAnyOf(strings.ToLower(s), l) {
				want |= 1 << li
			}
		}
		if got, ok := classWords.matchASCII(s); !ok || got != want {
			t.Fatalf("matchASCII(%q) = %03b, %v; want %03b", s, got, ok, want)
		}
	}
}

func TestIsCollapsedAgreesWithMetaCollapse(t *testing.T) {
	pieces := []string{"", " ", "  ", "\t", "\n", "\x01", "\x7f", "a", "Z", ".", "é", "\u00a0", "\u200b", "\ufeff",
		"\u00ad", "\u0085", "\u2028", "\u3000", "\xff", "\xc3", "\ufffd", "漢", "\u2060", "\u200d"}
	r := rand.New(rand.NewSource(5))
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for j, n := 0, r.Intn(6); j < n; j++ {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		if want := collapseSpace(s) == s; isCollapsed(s) != want {
			t.Fatalf("isCollapsed(%q) = %v, but collapseSpace gives %q", s, !want, collapseSpace(s))
		}
	}
}

// TestNoiseRegionLayoutClasses keeps the dates inside a page's layout
// wrappers, whose class names describe the page ("sidebar" in
// "has-sidebar"), and drops those of the regions noiseWords name.
func TestNoiseRegionLayoutClasses(t *testing.T) {
	for class, noise := range map[string]bool{
		"has-sidebar":                  false,
		"layoutTwoColumnsRightSidebar": false,
		"site-content sidebar":         false,
		"comments-open":                false,
		"sidebar":                      true,
		"related-posts":                true,
		"widget sidebar-right":         true,
		"comment-list":                 true,
	} {
		page := `<html><body><div class="` + class + `"><div><p>Intro</p><p>More</p>` +
			`<time datetime="2021-11-25 16:11">25. November 2021</time><p>Text</p></div></div></body></html>`
		doc, err := html.Parse(strings.NewReader(page))
		require.NoError(t, err)
		s := scanPage(doc) // a <time> in a noise region is not a candidate
		if noise {
			assert.Empty(t, s.times, "class %q", class)
		} else if assert.Len(t, s.times, 1, "class %q", class) {
			assert.False(t, s.times[0].noise, "class %q", class)
		}
	}
}
