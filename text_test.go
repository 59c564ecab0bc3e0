package declutter

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
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

// TestRawSize holds the size hint of renderText and renderHTML close to
// what they write for the testdata pages' articles: an estimate far under
// the output would leave the builders growing, one far over would waste
// memory.
func TestRawSize(t *testing.T) {
	pages := testPages(t)
	require.NotEmpty(t, pages)
	for name, page := range pages {
		a, err := Extract(context.Background(), bytes.NewReader(page), "")
		require.NoError(t, err)
		body, err := html.Parse(strings.NewReader(a.Content))
		require.NoError(t, err)
		text, est := renderText(body, true), rawSize(body, false)
		assert.LessOrEqual(t, len(text), est+64, "%s: text", name)
		// White space between tags counts in full: renderText clones a
		// text much shorter than its builder.
		assert.Less(t, est, 5*len(text)+1024, "%s: text %d, estimated %d", name, len(text), est)
		markup, est := renderHTML(body), rawSize(body, true)
		assert.InDelta(t, 1, float64(len(markup))/float64(est), 0.15, "%s: markup %d, estimated %d", name, len(markup), est)
	}
}
