package declutter

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Bylines without markup: "By <span>Yomi Kazeem</span>", "<p> von
// <em>Klaus Stanjek</em></p>", "Posted on September 21, 2020 by Adi
// Tzlil" in elements whose class says nothing. The scan keeps the short
// text nodes that start with a by-word; the chooser reads their parent's
// text as the last source before the site's name.

// maxByTexts bounds the by-word text nodes kept per page.
const maxByTexts = 16

// reByText matches the start of a byline: a by-word, after a "Posted on
// ..." lead at most.
var reByText = regexp.MustCompile(`(?i)^(?:(?:posted|written|published|geschrieben|veröffentlicht|erstellt|verfasst|eingestellt)\b[^|.]{0,60}?\s)?(?:by|von|par|por|door|text|autor|autorin|author|auteur|autore)(?:\s*:|\s|$)`)

// byTextStarts are the first two letters, lowercased, of the texts
// reByText matches: most text nodes are ruled out without the regexp.
var byTextStarts = map[[2]byte]bool{{'b', 'y'}: true, {'v', 'o'}: true, {'p', 'a'}: true, {'p', 'o'}: true,
	{'d', 'o'}: true, {'t', 'e'}: true, {'a', 'u'}: true, {'w', 'r'}: true, {'p', 'u'}: true, {'g', 'e'}: true,
	{'v', 'e'}: true, {'e', 'r'}: true, {'e', 'i'}: true}

// ("au" covers auteur and author, "te" text.)

// addByText keeps a short text node that may start a byline.
func (s *pageScan) addByText(c *html.Node, order int) {
	if len(c.Data) < 2 || len(c.Data) > 160 || len(s.byTexts) >= maxByTexts {
		return
	}
	t := strings.TrimSpace(c.Data)
	if len(t) < 2 || !byTextStarts[[2]byte{lowerASCII(t[0]), lowerASCII(t[1])}] {
		return
	}
	if p := c.Parent; p == nil || p.Data == "script" || p.Data == "style" || p.Data == "option" || p.Data == "title" {
		return
	}
	if reByText.MatchString(t) {
		s.byTexts = append(s.byTexts, elemRef{n: c, order: order})
	}
}

// byTextSource returns the byline a by-word text node starts: the text
// of its parent, which holds the names set in links or emphasis, or of
// the grandparent when the parent holds the label alone ("Autor:"). It
// returns "" when that text does not start with the by-word (the node
// continues a sentence: "Bild 1 von 4") or is a heading.
func byTextSource(ref elemRef) string {
	p := ref.n.Parent
	for i := 0; p != nil && i < 2; i, p = i+1, p.Parent {
		switch p.Data {
		case "h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "label":
			return ""
		}
		t := metaSpacedText(p, 300)
		if len(t) > 200 || !reByText.MatchString(t) {
			return ""
		}
		if hasLetters(reByText.ReplaceAllString(t, "")) {
			return t
		}
	}
	return ""
}

// byTextNames returns the names of a byline read from text without
// markup, written as names. Of several names only those of two words or
// more count: the single words beside them are places or agencies ("Von
// Ines Zöttl, Washington"), and a list of single words ("von Künstlern,
// Bands, DJs") is a sentence.
func byTextNames(names []string) []string {
	var out []string
	for _, n := range names {
		if !isPlainName(n) {
			return nil
		}
		if len(names) == 1 || strings.IndexByte(n, ' ') > 0 {
			out = append(out, n)
		}
	}
	return out
}

// isPlainName reports whether n, read from text without markup, is
// written as a name: every word capitalised but particles, or a single
// handle.
func isPlainName(n string) bool {
	words := strings.Fields(n)
	if len(words) > 4 {
		return false
	}
	if len(words) == 1 {
		return true
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameParticles[w] {
			return false
		}
	}
	return true
}

// nameBeforeDate returns the name set without markup just before the
// article's date line: "<span>Sehernur Karsu |</span><span
// class="date">05.04.2025</span>". Only a name followed by a separator
// counts, as a section or a breadcrumb also sits before dates.
func (s *pageScan) nameBeforeDate() string {
	// the nearest date element, or element of a dated text (a date line
	// without a date class)
	var date *html.Node
	dist := -1
	if refs := nearHeadline(s, s.dateElems); len(refs) > 0 {
		date, dist = refs[0].n, headlineDistance(s, refs[0])
	}
	if refs := nearHeadline(s, s.dateTexts); len(refs) > 0 && refs[0].n.Parent != nil &&
		(dist < 0 || headlineDistance(s, refs[0]) < dist) {
		date = refs[0].n.Parent
	}
	if date == nil {
		return ""
	}
	prev := date.PrevSibling
	for prev != nil && prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" {
		prev = prev.PrevSibling
	}
	if prev == nil || prev.Type != html.ElementNode || prev.FirstChild == nil || prev.FirstChild.NextSibling != nil {
		return "" // one text node only: no link list, no nested markup
	}
	t := metaNodeText(prev, 100)
	if last, _ := utf8.DecodeLastRuneInString(t); len(t) > 60 || !strings.ContainsRune("|·,-–—", last) {
		return ""
	}
	return t
}
