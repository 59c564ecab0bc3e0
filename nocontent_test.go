package declutter

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// countRunesDefinition is countRunes as first written, rune by rune
// through the unicode tables.
func countRunesDefinition(text string) runeCounts {
	cjk := func(r rune) bool {
		return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
	}
	var c runeCounts
	words, inWord := 0, false
	for _, r := range text {
		c.total++
		switch {
		case r == utf8.RuneError:
			c.replacement++
		case cjk(r):
			c.letters += 3
		case unicode.IsLetter(r) || unicode.IsMark(r):
			c.letters++
		case unicode.IsSpace(r):
			c.spaces++
		case unicode.IsDigit(r) || unicode.IsPunct(r):
		case unicode.IsSymbol(r) && r < 0x2000:
			c.odd++
		case unicode.IsSymbol(r):
			c.odd += 0.25
		default:
			c.odd++
		}
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if letter && !inWord {
			words++
		}
		inWord = letter
		if isSentenceEnd(r) && words >= 3 {
			c.sentences++
			words = 0
		}
		if cjk(r) {
			words++
		}
	}
	return c
}

func TestCountRunes(t *testing.T) {
	texts := append(randomTexts(), "Ein Satz mit Wörtern. Noch einer! Und? 日本語の文。한국어 문장입니다. ¤¦ → € 😀 \x01\ufffd\xff")
	for _, page := range savedPages(t) {
		texts = append(texts, string(page))
	}
	var all strings.Builder
	for r := rune(0); r <= unicode.MaxRune; r += 7 {
		all.WriteRune(r)
	}
	texts = append(texts, all.String())
	for _, s := range texts {
		if got, want := countRunes(s), countRunesDefinition(s); got != want {
			t.Fatalf("countRunes(%.80q) = %+v, want %+v", s, got, want)
		}
	}
}

func TestWritesNoSpaces(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
		if writesNoSpaces(r) != want {
			t.Fatalf("writesNoSpaces(%U) = %v", r, !want)
		}
	}
}

// TestMeasureSubtree checks it against newTextStats on every element of
// the saved pages.
func TestMeasureSubtree(t *testing.T) {
	for _, page := range savedPages(t) {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		st := newTextStats(doc)
		for n := range doc.Descendants() {
			want, ok := st.n[n]
			if !ok {
				continue // inside hidden markup, which newTextStats skips
			}
			if got := measureSubtree(n, underLink(n)); got != want {
				t.Fatalf("<%s>: measureSubtree = %+v, want %+v", n.Data, got, want)
			}
		}
	}
}

// underLink reports whether n is inside an <a>.
func underLink(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && a.Data == "a" {
			return true
		}
	}
	return false
}
