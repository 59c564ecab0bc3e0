package declutter

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Thresholds of isNoContent. An article, however short, has a few sentences
// of prose; what the readability pass returns for a login page, a section
// index or decoded binary junk does not.
const (
	minContentLetters  = 1    // any letter: a one-line post is still a post (the readability tests have "Test")
	loginMinLetters    = 80   // a page with a password field and less text is a login form
	loginMaxLetters    = 400  // a page with a password field, less text ...
	loginLinkDensity   = 0.2  // ... and some of it in links is a login page
	linkListDensity    = 0.6  // share of the text inside links ...
	linkListSentences  = 3    // ... with fewer full sentences than this
	junkMaxOddShare    = 0.25 // share of runes that are neither letters, digits, spaces nor punctuation
	junkMaxReplacement = 0.01 // share of U+FFFD, left by undecodable bytes
)

// placeholderText is what a page shows until its scripts load the story.
var placeholderText = regexp.MustCompile(`(?i)^\s*(loading|please wait|wird geladen|lädt|chargement|cargando|caricamento)\s*(…|\.\.\.)?\s*$`)

// isNoContent reports whether body, the isolated article body, and text,
// its rendered plain text, hold no readable article: too little text, a
// login form, a list of links, or junk decoded as text. login says the page
// has a password field (hasPasswordInput on the whole page, before the
// readability pass, which removes inputs).
func isNoContent(body *html.Node, text string, login bool) bool {
	tc := countRunes(sample(text))
	switch {
	case tc.letters < minContentLetters, placeholderText.MatchString(text):
		return true
	case tc.odd > junkMaxOddShare*float64(tc.total-tc.spaces),
		float64(tc.replacement) > junkMaxReplacement*float64(tc.total):
		return true
	case body == nil:
		return false
	}
	density := newTextStats(body).linkDensity(body)
	if login && (tc.letters < loginMinLetters || tc.letters < loginMaxLetters && density > loginLinkDensity) {
		return true // "Forgot your password?", "Create an account"
	}
	return density > linkListDensity && tc.sentences < linkListSentences
}

type runeCounts struct {
	total, letters, spaces, replacement, sentences int
	odd                                            float64
}

// countRunes classifies text's runes. A sentence is counted at a full stop,
// question or exclamation mark (Latin or CJK) after at least three words.
func countRunes(text string) runeCounts {
	var c runeCounts
	words, inWord := 0, false
	for _, r := range text {
		c.total++
		switch {
		case r == utf8.RuneError:
			c.replacement++
		case writesNoSpaces(r):
			c.letters += 3 // a CJK character carries about a word
		case unicode.IsLetter(r) || unicode.IsMark(r):
			c.letters++
		case unicode.IsSpace(r):
			c.spaces++
		case unicode.IsDigit(r) || unicode.IsPunct(r):
		case unicode.IsSymbol(r) && r < 0x2000:
			c.odd++ // ¤ ¦ ¨ ¬ ¯ ° ´ ¸ and such: frequent in junk, rare in prose
		case unicode.IsSymbol(r):
			c.odd += 0.25 // arrows, currency, emoji: prose uses some
		default:
			c.odd++ // controls, private use, unassigned
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
		if writesNoSpaces(r) {
			words++ // CJK writes no spaces: count each character as a word
		}
	}
	return c
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '。', '！', '？', '।', '؟':
		return true
	}
	return false
}

func writesNoSpaces(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// hasPasswordInput reports whether n holds an <input type=password>.
func hasPasswordInput(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type != html.ElementNode || d.DataAtom != atom.Input {
			continue
		}
		for _, a := range d.Attr {
			if a.Key == "type" && strings.EqualFold(a.Val, "password") {
				return true
			}
		}
	}
	return false
}

// maxSampleBytes bounds the text the no-content checks read: a longer text
// is never "too little", and its start is a fair sample for junk.
const maxSampleBytes = 256 << 10

func sample(text string) string {
	if len(text) <= maxSampleBytes {
		return text
	}
	cut := maxSampleBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut]
}
