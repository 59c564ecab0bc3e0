package declutter

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// textStats holds per-element text measures computed in one walk, so rules
// can test text length and link density without re-walking subtrees.
type textStats struct {
	n map[*html.Node]nodeStats

	// lastParent and its chars answer parentChars for siblings after
	// the first without a lookup in n, which is large.
	lastParent      *html.Node
	lastParentChars int
}

type nodeStats struct {
	chars     int // characters of collapsed text
	linkChars int // of which inside <a>
}

// newTextStats measures every element under root.
func newTextStats(root *html.Node) *textStats {
	// Sized once: growing a map of every element rehashes it several times.
	elements := 0
	for n := root; n != nil; n = nextSkipping(n, root, false) {
		if n.Type == html.ElementNode {
			elements++
		}
	}
	st := &textStats{n: make(map[*html.Node]nodeStats, elements+1)}
	st.measure(root, false)
	return st
}

func (st *textStats) measure(n *html.Node, inLink bool) nodeStats {
	var s nodeStats
	switch n.Type {
	case html.TextNode:
		c := collapsedLen(n.Data)
		s.chars = c
		if inLink {
			s.linkChars = c
		}
		return s
	case html.ElementNode:
		if skipText(n) {
			st.n[n] = s
			return s
		}
		if n.Data == "a" {
			inLink = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := st.measure(c, inLink)
		s.chars += cs.chars
		s.linkChars += cs.linkChars
	}
	if n.Type == html.ElementNode || n.Type == html.DocumentNode {
		st.n[n] = s
	}
	return s
}

func (st *textStats) chars(n *html.Node) int { return st.n[n].chars }

// detach removes n from the tree and its counts from its ancestors', so
// that decisions taken after a removal read counts that match the tree
// they decide on.
func (st *textStats) detach(n *html.Node) {
	s := st.n[n]
	if n.Type == html.TextNode {
		s = nodeStats{chars: collapsedLen(n.Data)}
		if insideLink(n) {
			s.linkChars = s.chars
		}
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if ps, ok := st.n[p]; ok {
			ps.chars -= s.chars
			ps.linkChars -= s.linkChars
			st.n[p] = ps
		}
	}
	st.lastParent = nil
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// insideLink reports whether n is inside an <a>.
func insideLink(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "a" {
			return true
		}
	}
	return false
}

// parentChars is chars(n.Parent).
func (st *textStats) parentChars(n *html.Node) int {
	if n.Parent != st.lastParent {
		st.lastParent, st.lastParentChars = n.Parent, st.chars(n.Parent)
	}
	return st.lastParentChars
}

func (st *textStats) linkDensity(n *html.Node) float64 { return st.n[n].linkDensity() }

// linkDensity is the share of the text inside links.
func (s nodeStats) linkDensity() float64 {
	if s.chars == 0 {
		return 0
	}
	return float64(s.linkChars) / float64(s.chars)
}

// text returns n's text with whitespace collapsed and trimmed.
func (st *textStats) text(n *html.Node) string { return collapsedText(n) }

// skipText reports elements whose content is never visible text.
func skipText(n *html.Node) bool {
	switch n.Data {
	case "script", "style", "noscript", "template", "svg", "math", "head", "title",
		"video", "audio": // their content is a fallback for browsers without media support
		return true
	}
	return false
}

// collapsedLen counts the runes of s with runs of white space as one, not
// counting leading white space.
func collapsedLen(s string) int {
	count, space := 0, true
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if r < utf8.RuneSelf && isASCIISpace(byte(r)) || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			if !space {
				count++
				space = true
			}
			continue
		}
		space = false
		count++
	}
	return count
}

// collapsedText returns the text under n, words separated by single spaces.
// Block boundaries count as spaces so that words never run together. It
// equals strings.Join(strings.Fields(text), " ") without building the
// intermediate text, except that an invalid UTF-8 sequence split across
// text nodes is not joined into a rune.
func collapsedText(n *html.Node) string {
	var c collapser
	c.walk(n)
	return string(c.buf)
}

// hasText reports whether the collapsed text under n has at least min
// runes, reading no further than it needs to.
func hasText(n *html.Node, min int) bool {
	c := collapser{countOnly: true, stopAt: min}
	c.walk(n)
	return c.runes >= min
}

// collapser appends text with runs of white space (unicode.IsSpace) as one
// space, dropping leading and trailing white space, and counts the runes
// it writes. It stops once it has stopAt of them, when that is set. In
// countOnly mode it only counts.
type collapser struct {
	buf       []byte
	space     bool // white space seen since the last word
	countOnly bool
	lower     bool // write as strings.ToLower would
	upper     bool // a rune beyond ASCII that unicode.ToLower changes was written
	runes     int
	stopAt    int

	// afterText, when set, runs after each text node; it sets done to end
	// the walk early.
	afterText func()
	done      bool
}

func (c *collapser) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		c.write(n.Data)
		if c.afterText != nil {
			c.afterText()
		}
		return
	case html.ElementNode:
		if skipText(n) {
			return
		}
		if isBlock(n.Data) || n.Data == "br" {
			c.space = true
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if c.done || c.stopAt > 0 && c.runes >= c.stopAt {
			return
		}
		c.walk(ch)
	}
	if n.Type == html.ElementNode && isBlock(n.Data) {
		c.space = true
	}
}

func (c *collapser) write(s string) {
	for i := 0; i < len(s); {
		if c.stopAt > 0 && c.runes >= c.stopAt {
			return
		}
		if b := s[i]; b < utf8.RuneSelf {
			if isASCIISpace(b) {
				c.space = true
				i++
				continue
			}
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && !isASCIISpace(s[j]) {
				j++
			}
			c.word(s[i:j], j-i)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			c.space = true
		} else {
			c.word(s[i:i+size], 1)
			c.upper = c.upper || unicode.ToLower(r) != r
		}
		i += size
	}
}

// word adds w, of n runes, after a space if white space came before it.
func (c *collapser) word(w string, n int) {
	if c.space && c.runes > 0 {
		c.runes++
		if !c.countOnly {
			c.buf = append(c.buf, ' ')
		}
	}
	c.space = false
	c.runes += n
	switch {
	case c.countOnly:
	case c.lower:
		c.appendLower(w)
	default:
		c.buf = append(c.buf, w...)
	}
}

// appendLower appends w in lower case, invalid bytes as U+FFFD, the way
// strings.ToLower writes it. write passes either a run of ASCII or one
// rune.
func (c *collapser) appendLower(w string) {
	if w[0] < utf8.RuneSelf {
		start := len(c.buf)
		c.buf = append(c.buf, w...)
		for i := start; i < len(c.buf); i++ {
			c.buf[i] = lowerASCII(c.buf[i])
		}
		return
	}
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		c.buf = utf8.AppendRune(c.buf, unicode.ToLower(r))
		i += size
	}
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isASCIISpace is unicode.IsSpace for a byte below utf8.RuneSelf.
func isASCIISpace(b byte) bool { return asciiSpace[b] }

// snippet shortens s to about max runes for Article.Removed.
func snippet(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max])) + "…"
}
