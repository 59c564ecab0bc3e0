package declutter

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The readability pass sometimes settles on the wrong container: a list of
// signatures instead of the letter above it, a sidebar instead of a short
// story. recoverBody cross-checks its choice against the page's prose
// paragraphs and, when the body holds too little of them, takes the
// container that holds the most prose instead.

const (
	proseMinChars    = 80   // a paragraph shorter than this is not counted
	proseMaxLinkDens = 0.25 // nor one that is mostly links
	proseMinTotal    = 400  // pages with less prose are left alone
	proseKeptShare   = 0.3  // the body must hold at least this share
	proseClimb       = 4    // ancestors credited with a paragraph's prose
	proseWinFactor   = 2.5  // the new container must hold this much more
	proseKeyLen      = 60   // paragraph identity: its first characters
)

// unlikelyProse lists words in the class and id names of regions whose
// paragraphs are not the article's (the cues the readability pass uses).
var unlikelyProse = [][]byte{
	[]byte("comment"), []byte("disqus"), []byte("footer"), []byte("sidebar"), []byte("related"), []byte("remark"),
	[]byte("replies"), []byte("sponsor"), []byte("promo"), []byte("newsletter"), []byte("subscribe"), []byte("cookie"),
	[]byte("consent"), []byte("modal"), []byte("popup"), []byte("teaser-list"), []byte("recommend"), []byte("legend"),
	[]byte("gallery"), []byte("slideshow"), []byte("carousel"), []byte("caption"), []byte("share"), []byte("social"),
}

// recoverBody returns a better body container found in doc, or nil when
// the readability result holds enough of the page's prose.
func recoverBody(doc, body *html.Node) *html.Node {
	var m proseMeter
	var prose []proseParagraph
	credit := make(map[*html.Node]int)
	total := 0
	var best *html.Node
	for n := doc; n != nil; {
		next := nextSkipping(n, doc, false)
		if n.Type == html.ElementNode {
			if skipText(n) || unlikelyRegion(n) {
				next = nextSkipping(n, doc, true)
			} else if n.Data == "p" {
				chars := m.proseChars(n)
				if chars > 0 {
					prose = append(prose, proseParagraph{n, chars})
					total += chars
				}
				best = creditAncestors(n, chars, credit, best)
			}
		}
		n = next
	}
	// Which paragraphs the body holds is asked last: most pages are
	// settled before it.
	if total < proseMinTotal || best == nil || m.keeps(prose, body, proseKeptShare*float64(total)) {
		return nil
	}
	// The new container must hold far more prose than the body holds text
	// of any kind, so a long body whose paragraphs were merely reshaped by
	// the readability pass is never swapped for a smaller one.
	if float64(credit[best]) < proseWinFactor*float64(m.textLen(body)) {
		return nil
	}
	return best
}

type proseParagraph struct {
	p     *html.Node
	chars int
}

// proseMeter measures paragraphs in buffers reused from one to the next:
// a page has hundreds of them.
type proseMeter struct {
	c     collapser // the paragraph's text, as collapsedText makes it
	links []int     // start and end in c.buf of each link's text
	extra collapser // the text of a link inside hidden markup
}

// text returns n's collapsed text; it is valid until the next call.
func (m *proseMeter) text(n *html.Node) []byte {
	m.c = collapser{buf: m.c.buf[:0]}
	m.c.walk(n)
	return m.c.buf
}

// textLen is collapsedLen(collapsedText(n)).
func (m *proseMeter) textLen(n *html.Node) int {
	m.text(n)
	return m.c.runes
}

// key returns keyOf(collapsedText(n)), reading no more of n than the key
// needs.
func (m *proseMeter) key(n *html.Node) string {
	m.c = collapser{buf: m.c.buf[:0], stopAt: proseKeyLen + 1}
	m.c.walk(n)
	return keyOf(m.c.buf)
}

// keeps reports whether the body holds at least want characters of the
// prose: the paragraphs whose text it holds too. It reads the body's
// paragraphs only until it has seen enough, which is early on most pages.
func (m *proseMeter) keeps(prose []proseParagraph, body *html.Node, want float64) bool {
	// chars of the prose paragraphs by text; a text met again in the body
	// counts once, as each paragraph of the page counts once.
	chars := make(map[string]int, len(prose))
	for _, pp := range prose {
		chars[m.key(pp.p)] += pp.chars
	}
	kept := 0
	for n := body; n != nil; n = nextSkipping(n, body, false) {
		if n.Type != html.ElementNode || n.Data != "p" {
			continue
		}
		k := m.key(n)
		if c, ok := chars[k]; ok {
			kept += c
			delete(chars, k)
			if float64(kept) >= want {
				return true
			}
		}
	}
	return float64(kept) >= want
}

// proseChars returns the length of paragraph p's text, or 0 if it is not
// prose: too short or mostly links. It reads p once for both.
func (m *proseMeter) proseChars(p *html.Node) int {
	m.c, m.links = collapser{buf: m.c.buf[:0]}, m.links[:0]
	linkChars := m.gather(p)
	if p.Type == html.ElementNode && p.Data == "a" {
		m.links = m.links[:len(m.links)-2] // a link is not its own descendant
	}
	chars := m.c.runes
	if chars < proseMinChars {
		return 0
	}
	for i := 0; i < len(m.links); i += 2 {
		// A link's own text is what was written while in it, less the
		// space written before its first word.
		text := m.c.buf[m.links[i]:m.links[i+1]]
		if m.links[i] > 0 && len(text) > 0 && text[0] == ' ' {
			text = text[1:]
		}
		linkChars += utf8.RuneCount(text) // collapsed already: every rune counts
	}
	if float64(linkChars)/float64(chars) > proseMaxLinkDens {
		return 0
	}
	return chars
}

// gather is collapser.walk noting where each link's text lies in m.c.buf.
// Links inside hidden markup (which the text leaves out) still count as
// link text: their lengths are returned.
func (m *proseMeter) gather(n *html.Node) (hiddenLinkChars int) {
	switch n.Type {
	case html.TextNode:
		m.c.write(n.Data)
		return 0
	case html.ElementNode:
		if skipText(n) {
			return m.hiddenLinks(n)
		}
		if isBlock(n.Data) || n.Data == "br" {
			m.c.space = true
		}
	}
	start := len(m.c.buf)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		hiddenLinkChars += m.gather(c)
	}
	if n.Type == html.ElementNode && n.Data == "a" {
		m.links = append(m.links, start, len(m.c.buf))
	}
	if n.Type == html.ElementNode && isBlock(n.Data) {
		m.c.space = true
	}
	return hiddenLinkChars
}

func (m *proseMeter) hiddenLinks(n *html.Node) int {
	chars := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.Data == "a" {
			m.extra = collapser{buf: m.extra.buf[:0]}
			m.extra.walk(d)
			chars += m.extra.runes
		}
	}
	return chars
}

// creditAncestors credits p's nearest ancestors with its prose and returns
// the best-credited container so far.
func creditAncestors(p *html.Node, chars int, credit map[*html.Node]int, best *html.Node) *html.Node {
	if chars == 0 {
		return best
	}
	a := p.Parent
	for i := 0; i < proseClimb && a != nil && a.Type == html.ElementNode && a.Data != "body"; i++ {
		credit[a] += chars
		if best == nil || credit[a] > credit[best] {
			best = a
		}
		a = a.Parent
	}
	return best
}

// unlikelyRegion reports elements whose paragraphs are not the article's:
// by tag, or by a word of unlikelyProse in the class or id.
func unlikelyRegion(n *html.Node) bool {
	switch n.Data {
	case "nav", "aside", "footer", "header", "form":
		return true
	}
	// No word holds a space, so class and id can be searched apart.
	return hasUnlikelyWord(attrOf(n, "class")) || hasUnlikelyWord(attrOf(n, "id"))
}

// lowerName returns name in lower case, folded in buf when it is ASCII
// (nearly all class and id names are) and allocated only when it is not.
func lowerName(buf *[128]byte, name string) []byte {
	lower, ok := foldASCII(buf[:0], name)
	if !ok {
		lower = []byte(strings.ToLower(name))
	}
	return lower
}

// hasUnlikelyWord reports whether name, folded to lower case, holds a
// word of unlikelyProse. ASCII names, nearly all, are folded on the stack.
func hasUnlikelyWord(name string) bool {
	if name == "" {
		return false
	}
	var buf [128]byte
	lower := lowerName(&buf, name)
	for i, c := range lower {
		for _, w := range unlikelyByFirst[c] {
			if bytes.HasPrefix(lower[i:], w) {
				return true
			}
		}
	}
	return false
}

// unlikelyByFirst holds the words of unlikelyProse by their first byte,
// so that a name is read once rather than once per word.
var unlikelyByFirst = func() (t [256][][]byte) {
	for _, w := range unlikelyProse {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// foldASCII appends s in lower case to dst; ok is false, and dst
// unchanged, when s is not all ASCII.
func foldASCII(dst []byte, s string) (_ []byte, ok bool) {
	n := len(dst)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return dst[:n], false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// keyOf returns a paragraph's identity from its collapsed text: its first
// proseKeyLen runes, folded by normalizeKey.
func keyOf(text []byte) string {
	if len(text) > 4*proseKeyLen {
		// Only the start matters; cut at a rune boundary before folding.
		cut := 4 * proseKeyLen
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var buf [4 * proseKeyLen]byte // ToLower's runes take at most 4 bytes
	if k, ok := appendFolded(buf[:0], text, proseKeyLen); ok {
		return string(k)
	}
	return keyOfAnyText(string(text))
}

// keyOfAnyText is keyOf for text whose white space is not collapsed.
func keyOfAnyText(text string) string {
	k := normalizeKey(text)
	if r := []rune(k); len(r) > proseKeyLen {
		k = string(r[:proseKeyLen])
	}
	return k
}
