package declutter

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// trickyText holds strings where white space and runes are easy to get
// wrong: non-ASCII spaces, invalid and truncated UTF-8, upper case.
var trickyText = []string{
	"", " ", "a", " a  b ", "\t\n\v\f\r", "x\u00a0y\u0085z", "\u2003\u3000wide\u2029",
	"\xc2", "\xc2 ", "a\xc2\xa0b", "a\xc2", "\xff\xfe", "\xe2\x80", "tail\xe2\x80",
	"Grüße,  Welt", "日本語 のテキスト", "emoji 😀  end", "\x00\x01 ctl", "İSTANBUL Kelvin \u212A",
}

// randomText builds text from pieces that stress splitting and folding.
func randomText(r *rand.Rand, pieces int) string {
	parts := []string{"a", "Bc", " ", "  ", "\n", "\u00a0", "\u0085", "\u2003", "\xc2", "\xa0", "\xe2", "\x80", "é", "Ä", "日", "😀", "\xff", ".", "-"}
	var b strings.Builder
	for range r.IntN(pieces) {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

func randomTexts() []string {
	r := rand.New(rand.NewPCG(3, 4))
	texts := append([]string{}, trickyText...)
	for range 5000 {
		texts = append(texts, randomText(r, 40), randomText(r, 300))
	}
	return append(texts, strings.Repeat("Ab ", 100), strings.Repeat("Äb ", 100), strings.Repeat("x", 239)+" é tail")
}

// keyOfDefinition is keyOf as first written.
func keyOfDefinition(text string) string {
	if len(text) > 4*proseKeyLen {
		cut := 4 * proseKeyLen
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	k := normalizeKey(text)
	if r := []rune(k); len(r) > proseKeyLen {
		k = string(r[:proseKeyLen])
	}
	return k
}

func TestKeyOf(t *testing.T) {
	for _, s := range randomTexts() {
		for _, text := range []string{s, strings.Join(strings.Fields(s), " ")} {
			if got, want := keyOf([]byte(text)), keyOfDefinition(text); got != want {
				t.Fatalf("keyOf(%q) = %q, want %q", text, got, want)
			}
		}
	}
}

// TestProseChars holds the one-walk measure to its definition, the
// paragraph's text length and its share of link text, on every element of
// the saved pages; and textLen and the paragraph key, which read only the
// text's start, to theirs.
func TestProseChars(t *testing.T) {
	definition := func(p *html.Node) int {
		chars := collapsedLen(collapsedText(p))
		links := 0
		for d := range p.Descendants() {
			if d.Type == html.ElementNode && d.Data == "a" {
				links += collapsedLen(collapsedText(d))
			}
		}
		if chars < proseMinChars || float64(links)/float64(chars) > proseMaxLinkDens {
			return 0
		}
		return chars
	}
	docs := []string{
		`<p>` + strings.Repeat("word ", 30) + `<a href=x> a  link </a><a>b</a>` + `</p>`,
		`<p><a>` + strings.Repeat("all link ", 30) + `</a></p>`,
		`<p>` + strings.Repeat("text ", 20) + `<svg><a>hidden link text that counts</a></svg><a><b>bold</b><div>block</div></a>x</p>`,
		`<p>` + strings.Repeat("text ", 20) + `wo<a>rd</a> <a> </a><a><a>nested</a></a></p>`,
	}
	for _, page := range savedPages(t) {
		docs = append(docs, string(page))
	}
	var m proseMeter
	for _, d := range docs {
		doc, err := html.Parse(strings.NewReader(d))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if got, want := m.proseChars(n), definition(n); got != want {
				var b bytes.Buffer
				_ = html.Render(&b, n)
				t.Fatalf("proseChars = %d, want %d for %.300s", got, want, b.String())
			}
			if got, want := m.textLen(n), collapsedLen(collapsedText(n)); got != want {
				t.Fatalf("textLen = %d, want %d", got, want)
			}
			if got, want := m.key(n), keyOf([]byte(collapsedText(n))); got != want {
				t.Fatalf("key = %q, want %q", got, want)
			}
		}
	}
}

func TestUnlikelyRegion(t *testing.T) {
	tests := []struct {
		class, id string
		want      bool
	}{
		{"", "", false},
		{"article-body", "main", false},
		{"Comments-Section", "", true},
		{"", "SIDEBAR", true},
		{"teaser", "list", false}, // "teaser-list" must not span class and id
		{"x teaser-list", "", true},
		{"soc", "ial", false},
		{"cöokie", "", false},
		{"coo\u212Aie", "", true}, // the Kelvin sign folds to k
		{"COOKIE-banner-ß", "", true},
		{strings.Repeat("a", 200) + "Share", "", true},
	}
	for _, tt := range tests {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: tt.class}, {Key: "id", Val: tt.id}}}
		if got := unlikelyRegion(n); got != tt.want {
			t.Errorf("unlikelyRegion(class %q, id %q) = %v, want %v", tt.class, tt.id, got, tt.want)
		}
	}
}
