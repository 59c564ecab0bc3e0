package declutter

import (
	"sort"

	"golang.org/x/net/html/atom"
)

// depthModel is a small model of the HTML tree builder's stack of open
// elements and list of active formatting elements. limitDepth feeds it the
// page's tags to know how deep html.Parse would nest them: the parser's
// implied end tags (p, li, td, option, ...) make real pages much shallower
// than their tag counts, while formatting elements reopened after a block
// closes (<p><b>x</p><p>y) and implied table rows make hostile ones deeper.
//
// The model errs on the deep side: it may think the page deeper than the
// parser will build it, never (as far as the fuzz tests can tell) shallower.
// Every operation is O(1) amortised, or O(maxFormatting), so a hostile page
// cannot make the model itself quadratic.
type depthModel struct {
	stack    []modelEntry
	top      map[tagID]int32 // topmost stack index of each tag
	bounds   []int32         // indices of default-scope boundaries
	specials []int32         // indices of "special" elements
	liStops  []int32         // specials other than address, div and p
	afe      []afeEntry      // active formatting elements, with markers
	pending  int             // AFE entries not on the stack: reopened later
	elements int             // elements the parser will create, roughly
}

// tagID identifies a tag name: its atom, or a hash of an unknown name;
// foreignID is set for SVG and MathML elements, which HTML scope checks
// never match.
type tagID uint64

const foreignID tagID = 1 << 62

type modelEntry struct {
	id      tagID
	a       atom.Atom
	prev    int32 // previous stack index of the same tag, or -1
	fstart  int32 // first index of the run of foreign elements, or -1
	foreign bool  // svg or math namespace
	math    bool  // math rather than svg, when foreign
	ip      bool  // integration point: HTML rules apply to start tags inside
	inAFE   bool
	raw     bool // raw-text element: the next end tag closes it
	marker  bool // pushed a marker; x/net/html clears it only when the element is closed by name
	spec    bool // table part in a template: perhaps not there at all
	flags   uint8
}

type afeEntry struct {
	a      atom.Atom
	key    uint64 // hash of the raw tag, for the "Noah's Ark" rule
	pos    int32  // stack index, or -1 when not on the stack
	marker bool
}

// maxFormatting caps the active formatting elements after the last marker.
// Each is reopened after every closed block, so it multiplies elements.
const maxFormatting = 24

const (
	fBound = 1 << iota
	fSpecial
	fLiStop
)

func newDepthModel() *depthModel {
	return &depthModel{top: make(map[tagID]int32)}
}

// depth is how deep the parser's stack can get from here: the open
// elements, the formatting elements it would reopen, and html and body.
func (m *depthModel) depth() int { return len(m.stack) + m.pending + 2 }

func (m *depthModel) topIdx(id tagID) int32 {
	if i, ok := m.top[id]; ok {
		return i
	}
	return -1
}

func (m *depthModel) cur() *modelEntry {
	if len(m.stack) == 0 {
		return nil
	}
	return &m.stack[len(m.stack)-1]
}

func (m *depthModel) curIs(as ...atom.Atom) bool {
	c := m.cur()
	if c == nil || c.foreign {
		return false
	}
	for _, a := range as {
		if c.a == a {
			return true
		}
	}
	return false
}

func lastOf(s []int32) int32 {
	if len(s) == 0 {
		return -1
	}
	return s[len(s)-1]
}

func maxIdx(is ...int32) int32 {
	r := int32(-1)
	for _, i := range is {
		r = max(r, i)
	}
	return r
}

func (m *depthModel) push(id tagID, a atom.Atom, foreign, math bool) *modelEntry {
	i := int32(len(m.stack))
	e := modelEntry{id: id, a: a, prev: m.topIdx(id), fstart: -1, foreign: foreign, math: math}
	fb := false
	if foreign {
		e.fstart = i
		if c := m.cur(); c != nil && c.foreign {
			e.fstart = c.fstart
		}
		fb = foreignBoundary(a, math)
	}
	if fb || !foreign && isScopeBoundary(a) {
		e.flags |= fBound
	}
	if fb || !foreign && isSpecial(a) {
		e.flags |= fSpecial
		if foreign || (a != atom.Address && a != atom.Div && a != atom.P) {
			e.flags |= fLiStop
		}
	}
	if e.flags&fBound != 0 {
		m.bounds = append(m.bounds, i)
	}
	if e.flags&fSpecial != 0 {
		m.specials = append(m.specials, i)
	}
	if e.flags&fLiStop != 0 {
		m.liStops = append(m.liStops, i)
	}
	m.top[id] = i
	m.stack = append(m.stack, e)
	m.elements++
	return &m.stack[i]
}

func (m *depthModel) popOne() {
	i := int32(len(m.stack) - 1)
	e := m.stack[i]
	if e.prev >= 0 {
		m.top[e.id] = e.prev
	} else {
		delete(m.top, e.id)
	}
	if e.flags&fBound != 0 {
		m.bounds = m.bounds[:len(m.bounds)-1]
	}
	if e.flags&fSpecial != 0 {
		m.specials = m.specials[:len(m.specials)-1]
	}
	if e.flags&fLiStop != 0 {
		m.liStops = m.liStops[:len(m.liStops)-1]
	}
	m.stack = m.stack[:i]
	if e.inAFE {
		for k := len(m.afe) - 1; k >= 0; k-- {
			if m.afe[k].pos == i {
				m.afe[k].pos = -1 // the parser will reopen it
				m.pending++
				break
			}
		}
	}
}

// popTo pops elements until the stack has i of them.
func (m *depthModel) popTo(i int32) {
	for int32(len(m.stack)) > i {
		m.popOne()
	}
}

func (m *depthModel) clearToMarker() {
	for len(m.afe) > 0 {
		e := m.afe[len(m.afe)-1]
		m.afe = m.afe[:len(m.afe)-1]
		if e.pos < 0 && !e.marker {
			m.pending--
		}
		if e.marker {
			return
		}
	}
}

func (m *depthModel) pushMarker() {
	m.afe = append(m.afe, afeEntry{marker: true, pos: -2})
	m.cur().marker = true
}

// afterMarker returns the index of the first AFE entry after the last marker.
func (m *depthModel) afterMarker() int {
	for k := len(m.afe) - 1; k >= 0; k-- {
		if m.afe[k].marker {
			return k + 1
		}
	}
	return 0
}

// canPushFormatting reports whether another formatting element fits under
// maxFormatting.
func (m *depthModel) canPushFormatting() bool {
	return len(m.afe)-m.afterMarker() < maxFormatting
}

// pushFormatting pushes a formatting element, applying the "Noah's Ark"
// rule: at most three identical entries after the last marker.
func (m *depthModel) pushFormatting(id tagID, a atom.Atom, key uint64) {
	same, first := 0, -1
	for k := m.afterMarker(); k < len(m.afe); k++ {
		if m.afe[k].a == a && m.afe[k].key == key {
			if same == 0 {
				first = k
			}
			same++
		}
	}
	if same >= 3 {
		m.removeAFE(first)
	}
	e := m.push(id, a, false, false)
	e.inAFE = true
	m.afe = append(m.afe, afeEntry{a: a, key: key, pos: int32(len(m.stack) - 1)})
}

func (m *depthModel) removeAFE(k int) {
	if p := m.afe[k].pos; p >= 0 {
		m.stack[p].inAFE = false
	} else {
		m.pending--
	}
	m.afe = append(m.afe[:k], m.afe[k+1:]...)
}

// reconstruct reopens the formatting elements the parser would reopen
// before text and most start tags.
func (m *depthModel) reconstruct() {
	n := len(m.afe)
	if n == 0 || m.afe[n-1].marker || m.afe[n-1].pos >= 0 {
		return
	}
	i := n - 1
	for i > 0 && !m.afe[i-1].marker && m.afe[i-1].pos < 0 {
		i--
	}
	for ; i < n; i++ {
		e := m.afe[i]
		p := m.push(tagID(e.a), e.a, false, false)
		p.inAFE = true
		m.afe[i].pos = int32(len(m.stack) - 1)
		m.pending--
	}
}

// inScope reports whether the topmost id is in scope, given extra scope
// boundaries beyond the default ones.
func (m *depthModel) inScope(id tagID, extra ...atom.Atom) (int32, bool) {
	j := m.topIdx(id)
	b := lastOf(m.bounds)
	for _, a := range extra {
		b = max(b, m.topIdx(tagID(a)))
	}
	return j, j >= 0 && j >= b
}

func (m *depthModel) closeP() {
	if j, ok := m.inScope(tagID(atom.P), atom.Button); ok {
		m.popTo(j)
	}
}

// endFormatting models the adoption agency algorithm for an end tag (or
// an <a> or <nobr> start tag) of formatting element a. It reports false
// when no such formatting element is active.
func (m *depthModel) endFormatting(a atom.Atom) bool {
	k := len(m.afe) - 1
	for ; k >= 0 && !m.afe[k].marker; k-- {
		if m.afe[k].a == a {
			break
		}
	}
	if k < 0 || m.afe[k].marker {
		return false
	}
	j := m.afe[k].pos
	switch {
	case j < 0:
		m.removeAFE(k)
	case j < lastOf(m.bounds):
		// not in scope: ignored
	case lastOf(m.specials) > j:
		// Blocks inside it: the parser's outer loop moves a clone of the
		// element above each block in turn (at most 8 times), then pops
		// the clone and all above it. Err deep: keep the element itself.
		above := len(m.specials) - sort.Search(len(m.specials), func(i int) bool { return m.specials[i] > j })
		m.elements += 2 * min(above, 8)
		if above <= 8 {
			m.removeAFE(k)
			m.popTo(lastOf(m.specials) + 1)
		}
	default:
		m.removeAFE(k)
		m.popTo(j)
	}
	return true
}
