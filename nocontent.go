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
	if login && tc.letters < loginMinLetters {
		return true // "Forgot your password?"
	}
	shortLogin := login && tc.letters < loginMaxLetters
	if !shortLogin && tc.sentences >= linkListSentences {
		return false // the link density, a walk of the body, cannot change the answer
	}
	density := measureSubtree(body, false).linkDensity()
	if shortLogin && density > loginLinkDensity {
		return true // "Forgot your password?", "Create an account"
	}
	return density > linkListDensity && tc.sentences < linkListSentences
}

// measureSubtree returns the figures newTextStats(n) holds for n, without
// keeping those of every element under it.
func measureSubtree(n *html.Node, inLink bool) nodeStats {
	return measureEach(n, inLink, nil)
}

// measureEach is measureSubtree that also calls visit, when not nil, with
// each element under n and its figures, children before parents.
func measureEach(n *html.Node, inLink bool, visit func(*html.Node, nodeStats)) nodeStats {
	var s nodeStats
	switch n.Type {
	case html.TextNode:
		s.chars = collapsedLen(n.Data)
		if inLink {
			s.linkChars = s.chars
		}
		return s
	case html.ElementNode:
		if skipText(n) {
			return s
		}
		inLink = inLink || n.Data == "a"
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := measureEach(c, inLink, visit)
		s.chars += cs.chars
		s.linkChars += cs.linkChars
	}
	if visit != nil && n.Type == html.ElementNode {
		visit(n, s)
	}
	return s
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
		k := asciiKinds[r&0x7f]
		if r >= utf8.RuneSelf {
			k = kindOf(r)
		}
		c.total++
		switch k.class {
		case classReplacement:
			c.replacement++
		case classCJK:
			c.letters += 3 // a CJK character carries about a word
		case classLetter:
			c.letters++
		case classSpace:
			c.spaces++
		case classSymbol:
			c.odd++ // ¤ ¦ ¨ ¬ ¯ ° ´ ¸ and such: frequent in junk, rare in prose
		case classRareSymbol:
			c.odd += 0.25 // arrows, currency, emoji: prose uses some
		case classOdd:
			c.odd++ // controls, private use, unassigned
		}
		if k.word && !inWord {
			words++
		}
		inWord = k.word
		if k.sentenceEnd && words >= 3 {
			c.sentences++
			words = 0
		}
		if k.class == classCJK {
			words++ // CJK writes no spaces: count each character as a word
		}
	}
	return c
}

// runeKind is what countRunes needs to know of a rune.
type runeKind struct {
	class       runeClass
	word        bool // a letter or digit
	sentenceEnd bool
}

type runeClass uint8

const (
	classPlain       runeClass = iota // digits and punctuation
	classReplacement                  // U+FFFD, or invalid UTF-8
	classCJK                          // writesNoSpaces
	classLetter
	classSpace
	classSymbol     // below U+2000
	classRareSymbol // from U+2000
	classOdd
)

// asciiKinds holds kindOf for ASCII, the bulk of most texts.
var asciiKinds = func() (t [utf8.RuneSelf]runeKind) {
	for r := range t {
		t[r] = kindOf(rune(r))
	}
	return t
}()

func kindOf(r rune) runeKind {
	k := runeKind{word: unicode.IsLetter(r) || unicode.IsDigit(r), sentenceEnd: isSentenceEnd(r)}
	switch {
	case r == utf8.RuneError:
		k.class = classReplacement
	case writesNoSpaces(r):
		k.class = classCJK
	case unicode.IsLetter(r) || unicode.IsMark(r):
		k.class = classLetter
	case unicode.IsSpace(r):
		k.class = classSpace
	case unicode.IsDigit(r) || unicode.IsPunct(r):
		k.class = classPlain
	case unicode.IsSymbol(r) && r < 0x2000:
		k.class = classSymbol
	case unicode.IsSymbol(r):
		k.class = classRareSymbol
	default:
		k.class = classOdd
	}
	return k
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '。', '！', '？', '।', '؟':
		return true
	}
	return false
}

// noSpaceScripts are the scripts written without spaces between words.
var noSpaceScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul}

// noSpaceMin is the lowest rune of noSpaceScripts: Latin, Greek, Cyrillic
// and the like, below it, need no table look-up.
var noSpaceMin = lowestRune(noSpaceScripts)

// lowestRune returns the lowest rune in any of tables.
func lowestRune(tables []*unicode.RangeTable) rune {
	lo := rune(unicode.MaxRune)
	for _, t := range tables {
		if len(t.R16) > 0 {
			lo = min(lo, rune(t.R16[0].Lo))
		} else if len(t.R32) > 0 {
			lo = min(lo, rune(t.R32[0].Lo))
		}
	}
	return lo
}

func writesNoSpaces(r rune) bool {
	return r >= noSpaceMin && unicode.IsOneOf(noSpaceScripts, r)
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
