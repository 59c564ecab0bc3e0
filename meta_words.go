package declutter

import (
	"strings"

	"golang.org/x/net/html"
)

// Class names and hrefs are tested against word lists on every element of
// the page. Lowercasing each class and id and searching it once per word
// cost a third of readMetadata on big pages (long utility-class strings),
// so the words are matched here in one pass that folds ASCII case on the
// fly. Values with other than ASCII bytes take the plain path
// (strings.ToLower, then substring tests), so results never differ.

// Bits of a classMatcher's mask: which word list matched.
const (
	classNoise uint8 = 1 << iota
	classByline
	classDate
)

// classMatcher finds which of up to eight word lists occur in a string,
// ignoring ASCII case. Words are lowercase ASCII without spaces.
type classMatcher struct {
	lists [][]string
	// pairs[a] has bit b set when a word starts with the bytes a, b: most
	// positions of a class are ruled out by this test alone.
	pairs [128][2]uint64
	first [128][]classWord // by first byte
}

type classWord struct {
	w    string
	mask uint8
}

func newClassMatcher(lists ...[]string) *classMatcher {
	m := &classMatcher{lists: lists}
	for i, l := range lists {
		for _, w := range l {
			m.first[w[0]] = append(m.first[w[0]], classWord{w, 1 << i})
			m.pairs[w[0]][w[1]>>6] |= 1 << (w[1] & 63)
		}
	}
	return m
}

// classWords matches the lists noise, byline and date words, in the bit
// order of classNoise, classByline, classDate.
var classWords = newClassMatcher(noiseWords, bylineWords, dateWords)

// matchASCII returns the mask of the lists with a word in s; ok is false
// when s holds a byte outside ASCII, whose lowercase form may differ in
// length or letters.
func (m *classMatcher) matchASCII(s string) (mask uint8, ok bool) {
	if len(s) == 0 {
		return 0, true
	}
	c := lowerASCII(s[0])
	for i := 1; i < len(s); i++ {
		d := lowerASCII(s[i])
		if c >= 0x80 || d >= 0x80 {
			return 0, false
		}
		if m.pairs[c][d>>6]&(1<<(d&63)) != 0 {
			for _, e := range m.first[c] {
				if mask&e.mask == 0 && hasLowerPrefix(s[i-1:], e.w) {
					mask |= e.mask
				}
			}
		}
		c = d
	}
	return mask, c < 0x80
}

// lowerASCII lowercases an ASCII letter and leaves any other byte as is.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// match returns the mask of the lists with a word in the lowercased s.
func (m *classMatcher) match(s string) uint8 {
	if mask, ok := m.matchASCII(s); ok {
		return mask
	}
	l := strings.ToLower(s)
	var mask uint8
	for i, words := range m.lists {
		if containsAnyOf(l, words) {
			mask |= 1 << i
		}
	}
	return mask
}

// elemInfo is what the scan reads from every element's attributes, in
// one pass over them.
type elemInfo struct {
	size      int   // the length of classAndID
	mask      uint8 // the classWords in classAndID
	itemscope bool
	itemprop  string // attrOf(n, "itemprop")
	datetime  bool   // hasNodeAttr(n, "datetime")
}

// elemInfo reads n's attributes. size and mask are computed without
// building classAndID's string: a word cannot span the space it puts
// between class and id, so they are matched apart. (Remembering the mask
// per class value, as pages repeat classes, measured no faster.)
func (s *pageScan) elemInfo(n *html.Node) elemInfo {
	var e elemInfo
	var cls, id string
	prop := false
	for _, a := range n.Attr {
		switch a.Key {
		case "class": // classAndID's rules: any namespace, the last one
			cls = a.Val
		case "id":
			id = a.Val
		case "itemscope": // attrOf's rules: no namespace, the first one
			e.itemscope = e.itemscope || a.Namespace == ""
		case "itemprop":
			if !prop && a.Namespace == "" {
				e.itemprop, prop = a.Val, true
			}
		case "datetime":
			e.datetime = e.datetime || a.Namespace == ""
		}
	}
	cm, cok := classWords.matchASCII(cls)
	im, iok := classWords.matchASCII(id)
	switch {
	case !cok || !iok:
		l := classAndID(n)
		e.size, e.mask = len(l), classWords.match(l)
	case id == "":
		e.size, e.mask = len(cls), cm
	default:
		e.size, e.mask = len(cls)+1+len(id), cm|im
	}
	return e
}

// containsASCIIFold reports whether s contains the lowercase ASCII word
// w, ignoring case: strings.Contains(strings.ToLower(s), w) for words
// without 'i' or 'k', the only ASCII letters other runes lowercase into.
func containsASCIIFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if c := s[i]; (c == w[0] || c == w[0]-'a'+'A') && hasLowerPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

// authorSegments are authorPaths without their slashes.
var authorSegments = func() map[string]bool {
	m := make(map[string]bool, len(authorPaths))
	for _, p := range authorPaths {
		m[strings.Trim(p, "/")] = true
	}
	return m
}()

// isAuthorHref reports whether href links to an author's page: whether
// the lowercased href contains one of authorPaths. Every path is a
// single segment between slashes, so the segments are looked up instead
// of searching the (often long) href once per path.
func isAuthorHref(href string) bool {
	if len(href) < 8 {
		return false
	}
	i := strings.IndexByte(href, '/')
	for i >= 0 {
		rest := href[i+1:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			return false
		}
		if isAuthorSegment(rest[:j]) {
			return true
		}
		i += 1 + j
	}
	return false
}

func isAuthorSegment(seg string) bool {
	var buf [16]byte
	if len(seg) < 2 || len(seg) > 3*len(buf) {
		return false
	}
	for k := 0; k < len(seg); k++ {
		c := seg[k]
		if c >= 0x80 {
			// a rune that lowercases to another length (the Kelvin sign)
			return authorSegments[strings.ToLower(seg)]
		}
		if k == len(buf) {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return authorSegments[string(buf[:len(seg)])]
}
