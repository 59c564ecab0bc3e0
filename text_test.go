package declutter

import (
	"strings"
	"testing"
	"unicode"
)

// The definitions below are the first, rune-by-rune versions of the text
// functions; the faster ones must agree with them.

func countWordsDefinition(s string) int {
	n, in := 0, false
	for _, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		cjk := unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
		switch {
		case word && cjk:
			n++
			in = false
		case word && !in:
			n++
			in = true
		case !word:
			in = false
		}
	}
	return n
}

func isCleanTextDefinition(s string) bool {
	for _, r := range s {
		if r == unicode.ReplacementChar || (unicode.IsControl(r) && r != '\n' && r != '\t') {
			return false
		}
	}
	return true
}

func wordsDefinition(w *textWriter, s string) {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				w.flush()
				w.b.WriteString(s[start:i])
				start = -1
			}
			w.owe(sepSpace)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.flush()
		w.b.WriteString(s[start:])
	}
}

func textSamples(t *testing.T) []string {
	texts := append(randomTexts(), "Ein Satz: 日本語の文。한국어 ÷ \u0301\u0300 x\x7f\x1b\u0085\u009f\ufffd\xff", "a\tb\nc")
	for _, page := range savedPages(t) {
		texts = append(texts, string(page))
	}
	var all strings.Builder
	for r := rune(0); r <= unicode.MaxRune; r += 5 {
		all.WriteRune(r)
		all.WriteByte(' ')
	}
	return append(texts, all.String())
}

func TestTextFunctionsMatchDefinitions(t *testing.T) {
	for _, s := range textSamples(t) {
		if got, want := countWords(s), countWordsDefinition(s); got != want {
			t.Fatalf("countWords(%.80q) = %d, want %d", s, got, want)
		}
		if got, want := isCleanText(s), isCleanTextDefinition(s); got != want {
			t.Fatalf("isCleanText(%.80q) = %v, want %v", s, got, want)
		}
		for _, before := range []string{"", "x"} {
			var got, want textWriter
			got.b.WriteString(before)
			want.b.WriteString(before)
			got.words(s)
			wordsDefinition(&want, s)
			if got.b.String() != want.b.String() || got.pending != want.pending {
				t.Fatalf("words(%.80q) = %.80q, want %.80q", s, got.b.String(), want.b.String())
			}
		}
	}
}

func TestIsCJK(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
		if isCJK(r) != want {
			t.Fatalf("isCJK(%U) = %v", r, !want)
		}
	}
}
