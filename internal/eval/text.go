package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// shingleSize is the number of tokens in one body shingle.
const shingleSize = 4

// isWordRune reports whether r belongs to a word token: a Unicode letter,
// mark, number or connector punctuation (such as '_'), the \w of Unicode
// regular expressions (UTS #18). Marks are included so that words in
// scripts with combining vowel signs stay whole.
func isWordRune(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc)
}

// Tokens returns the runs of word characters in s, in order.
func Tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

// Shingles returns the multiset of shingleSize-token windows of s's
// tokens; a text with fewer tokens is one shingle, and a text with no
// token has none.
func Shingles(s string) map[string]int {
	toks := Tokens(s)
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	if len(toks) < shingleSize {
		m[strings.Join(toks, " ")]++
		return m
	}
	for i := 0; i+shingleSize <= len(toks); i++ {
		m[strings.Join(toks[i:i+shingleSize], " ")]++ // tokens hold no space
	}
	return m
}

// collapseSpace trims s and turns each run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// NormalizeName is how titles and site names are compared: NFKC, white
// space collapsed, quotes and punctuation trimmed from both ends, case
// folded. Invisible format characters (a zero-width space, a soft hyphen)
// are trimmed from the ends too.
func NormalizeName(s string) string {
	s = collapseSpace(norm.NFKC.String(s))
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == '`'
	})
	return cases.Fold().String(s) // a Caser is not safe to share
}

// tokenSet returns the case-folded word tokens of s as a set.
func tokenSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range Tokens(cases.Fold().String(norm.NFKC.String(s))) {
		set[t] = true
	}
	return set
}

// tokenSetF1 is the F1 of the token sets of got against want.
func tokenSetF1(got, want string) float64 {
	g, w := tokenSet(got), tokenSet(want)
	if len(g) == 0 || len(w) == 0 {
		return 0
	}
	common := 0
	for t := range g {
		if w[t] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(g)+len(w))
}

// primaryLang returns the primary subtag of a language tag, lower case.
func primaryLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}
