package declutter

import (
	"golang.org/x/net/html/atom"
)

// This file holds the tree-construction rules of depthModel: what a start
// or end tag does to the stack of open elements, after the "in body",
// "in table" and foreign-content insertion modes of the HTML standard,
// simplified where erring deep is harmless.

// tagInfo is a start or end tag as the model needs it.
type tagInfo struct {
	id      tagID
	a       atom.Atom
	self    bool   // written self-closing (<x/>)
	key     uint64 // hash of the raw tag, for formatting elements
	font    bool   // <font> with color, face or size: leaves foreign content
	htmlEnc bool   // <annotation-xml encoding=text/html>: HTML inside
}

// startEffect is what a start tag does.
type startEffect uint8

const (
	startPushed  startEffect = iota // opened an element
	startVoid                       // an element that holds nothing
	startIgnored                    // the parser ignores it
	startTooDeep                    // would exceed the limit; not applied
)

// start applies a start tag unless it would take the depth past limit (or
// the formatting elements past maxFormatting). One level below limit is
// kept for raw-text elements (script, style, title, ...), which are never
// refused: the tokenizer's raw-text mode depends on their start tags.
// notRaw reports that the element is foreign, so the tokenizer must not
// switch to raw text for it (the parser calls NextIsNotRawText there).
func (m *depthModel) start(t tagInfo, limit int) (eff startEffect, notRaw bool) {
	c := m.cur()
	foreign := c != nil && c.foreign && !m.htmlRulesFor(c, t)
	inForeign := foreign && !isBreakout(t.a) && !(t.a == atom.Font && t.font)
	tooDeep := m.depth()+startCost(t.a) > limit-1 || isFormatting(t.a) && !m.canPushFormatting()
	if tooDeep && (inForeign || !isRawText(t.a)) {
		return startTooDeep, false
	}
	if inForeign {
		e := m.push(t.id|foreignID, t.a, true, c.math)
		e.ip = foreignIP(t.a, e.math, t.htmlEnc)
		if t.self {
			m.popOne()
		}
		return startPushed, true
	}
	if foreign {
		m.popForeign()
	}
	return m.startHTML(t)
}

// htmlRulesFor reports whether a start tag under foreign element c is
// processed by the HTML rules (integration points).
func (m *depthModel) htmlRulesFor(c *modelEntry, t tagInfo) bool {
	if c.math && c.a == atom.AnnotationXml && t.a == atom.Svg {
		return true
	}
	if c.math && isMathTextIP(c.a) {
		return t.a != atom.Mglyph && t.a != atom.Malignmark
	}
	return c.ip
}

func startCost(a atom.Atom) int {
	switch a {
	case atom.Td, atom.Th:
		return 3 // tbody and tr may be implied
	case atom.Tr, atom.Col:
		return 2
	}
	return 1
}

func (m *depthModel) startHTML(t tagInfo) (startEffect, bool) {
	a := t.a
	switch {
	case a == atom.Frameset:
		// Framesets nest when the page opens with one (the parser's
		// frameset mode); elsewhere the parser ignores them, and counting
		// them anyway only overestimates the depth.
		m.push(t.id, a, false, false)
		return startPushed, false
	case a == atom.Html || a == atom.Head || a == atom.Body || a == atom.Frame:
		return startIgnored, false
	case a == atom.Svg || a == atom.Math:
		m.reconstruct()
		m.push(t.id|foreignID, a, true, a == atom.Math)
		if t.self {
			m.popOne()
		}
		return startPushed, false
	case isTableTag(a):
		return m.startTable(t), false
	case isVoid(a):
		m.startVoid(a)
		return startVoid, false
	case closesP(a):
		m.startBlock(a)
	case a == atom.Button:
		if j, ok := m.inScope(tagID(a)); ok {
			m.popTo(j)
		}
		m.reconstruct()
	case a == atom.A || a == atom.Nobr:
		m.endFormatting(a)
		m.reconstruct()
		m.pushFormatting(t.id, a, t.key)
		return startPushed, false
	case isFormatting(a):
		m.reconstruct()
		m.pushFormatting(t.id, a, t.key)
		return startPushed, false
	case a == atom.Option || a == atom.Optgroup:
		if _, ok := m.inScope(tagID(atom.Select)); ok {
			except := atom.Atom(0)
			if a == atom.Option {
				except = atom.Optgroup
			}
			m.popImplied(except)
		} else if m.curIs(atom.Option) {
			m.popOne()
		}
		m.reconstruct()
	case a == atom.Select:
		if j, ok := m.inScope(tagID(a)); ok {
			m.popTo(j) // a select in a select closes it
			return startIgnored, false
		}
		m.reconstruct()
	case a == atom.Template:
		m.push(t.id, a, false, false)
		m.pushMarker()
		return startPushed, false
	case a == atom.Applet || a == atom.Marquee || a == atom.Object:
		m.reconstruct()
		m.push(t.id, a, false, false)
		m.pushMarker()
		return startPushed, false
	case a == atom.Rb || a == atom.Rtc || a == atom.Rp || a == atom.Rt:
		if _, ok := m.inScope(tagID(atom.Ruby)); ok {
			except := atom.Atom(0)
			if a == atom.Rp || a == atom.Rt {
				except = atom.Rtc
			}
			m.popImplied(except)
		}
	case noReconstruct(a):
	default:
		m.reconstruct()
	}
	e := m.push(t.id, a, false, false)
	e.raw = isRawText(a)
	return startPushed, false
}

// startVoid applies an element that holds nothing (br, img, hr, input...).
func (m *depthModel) startVoid(a atom.Atom) {
	_, inSelect := m.inScope(tagID(atom.Select))
	switch {
	case a == atom.Hr:
		m.closeP()
		if inSelect {
			m.popImplied(0)
		}
	case a == atom.Input && inSelect:
		j, _ := m.inScope(tagID(atom.Select))
		m.popTo(j)
	}
	if a != atom.Hr && a != atom.Param && a != atom.Source && a != atom.Track && a != atom.Base &&
		a != atom.Link && a != atom.Meta && a != atom.Basefont && a != atom.Bgsound {
		m.reconstruct()
	}
	m.elements++
}

// startBlock closes what a block start tag closes: an open p, and for a
// heading, list item or definition the previous one.
func (m *depthModel) startBlock(a atom.Atom) {
	m.closeP()
	switch {
	case isHeading(a):
		if m.curIs(atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) {
			m.popOne()
		}
	case a == atom.Li:
		m.closeListItem(atom.Li)
	case a == atom.Dd || a == atom.Dt:
		m.closeListItem(atom.Dd, atom.Dt)
	}
	if a == atom.Xmp {
		m.reconstruct()
	}
}

// closeListItem closes an open li (or dd/dt) unless a special element other
// than address, div or p comes first.
func (m *depthModel) closeListItem(as ...atom.Atom) {
	j := int32(-1)
	for _, a := range as {
		j = max(j, m.topIdx(tagID(a)))
	}
	if j >= 0 && j >= lastOf(m.liStops) {
		m.popTo(j)
	}
}

// startTable handles table, its sections, rows, cells and columns, adding
// the tbody, tr and colgroup elements the parser implies.
func (m *depthModel) startTable(t tagInfo) startEffect {
	a := t.a
	tbl := m.topIdx(tagID(atom.Table))
	tmpl := m.topIdx(tagID(atom.Template))
	cell := maxIdx(m.topIdx(tagID(atom.Td)), m.topIdx(tagID(atom.Th)), m.topIdx(tagID(atom.Caption)))
	if a == atom.Table {
		if tbl >= 0 && tbl > tmpl && tbl > cell {
			m.popTo(tbl) // a table directly in a table closes it
		}
		m.push(t.id, a, false, false)
		return startPushed
	}
	if tmpl > tbl {
		// Template contents switch modes per tag; err deep: a plain
		// element, after a colgroup for a col.
		if a == atom.Col {
			m.push(tagID(atom.Colgroup), atom.Colgroup, false, false).spec = true
		}
		m.push(t.id, a, false, false).spec = true
		if a == atom.Td || a == atom.Th || a == atom.Caption {
			m.pushMarker()
		}
		return startPushed
	}
	if tbl < 0 {
		return startIgnored // table parts outside a table are ignored
	}
	if a == atom.Th && cell > tbl && cell == m.topIdx(tagID(atom.Caption)) {
		return startIgnored // x/net/html ignores <th> in a caption
	}
	if cell > tbl {
		m.popTo(cell) // a new cell, row or section closes the open cell
		m.clearToMarker()
	}
	// Back to the table, section or row the new tag belongs in.
	row := m.topIdx(tagID(atom.Tr))
	sec := maxIdx(m.topIdx(tagID(atom.Tbody)), m.topIdx(tagID(atom.Thead)), m.topIdx(tagID(atom.Tfoot)))
	switch a {
	case atom.Td, atom.Th:
		switch {
		case row > tbl:
			m.popTo(row + 1)
		case sec > tbl:
			m.popTo(sec + 1)
			m.push(tagID(atom.Tr), atom.Tr, false, false)
		default:
			m.popTo(tbl + 1)
			m.push(tagID(atom.Tbody), atom.Tbody, false, false)
			m.push(tagID(atom.Tr), atom.Tr, false, false)
		}
		m.push(t.id, a, false, false)
		m.pushMarker()
	case atom.Tr:
		if sec > tbl {
			m.popTo(sec + 1)
		} else {
			m.popTo(tbl + 1)
			m.push(tagID(atom.Tbody), atom.Tbody, false, false)
		}
		m.push(t.id, a, false, false)
	case atom.Col:
		m.popTo(tbl + 1)
		m.push(tagID(atom.Colgroup), atom.Colgroup, false, false)
		m.elements++
		return startVoid
	default: // tbody, thead, tfoot, caption, colgroup
		m.popTo(tbl + 1)
		m.push(t.id, a, false, false)
		if a == atom.Caption {
			m.pushMarker()
		}
	}
	return startPushed
}

// end applies an end tag. It reports whether the parser would ignore the
// tag entirely, so that a hostile page of stray end tags, each costing the
// parser a scan of its stack, can be thinned before parsing.
func (m *depthModel) end(t tagInfo) (ignored bool) {
	c := m.cur()
	if c == nil {
		return t.a != atom.P && t.a != atom.Br && t.a != atom.Form
	}
	if c.raw {
		m.popOne()
		return false
	}
	if c.foreign {
		if j := m.topIdx(t.id | foreignID); j >= 0 && j >= c.fstart {
			m.popTo(j)
			return false
		}
	}
	a := t.a
	switch {
	case a == atom.Body || a == atom.Html:
		return true
	case a == atom.Br:
		m.popForeign() // "</br>" is parsed as "<br>", which ends foreign content
		m.elements++
		return false
	case a == atom.Form:
		return false // the parser tracks the form element apart; keep it open
	case a == atom.P:
		if j, ok := m.inScope(t.id, atom.Button); ok {
			m.popTo(j)
			return false
		}
		m.popForeign() // "</p>" alone is parsed as "<p></p>"
		m.elements++
		return true
	case a == atom.Li:
		return !m.popInScope(t.id, atom.Ol, atom.Ul)
	case isHeading(a):
		j := maxIdx(m.topIdx(tagID(atom.H1)), m.topIdx(tagID(atom.H2)), m.topIdx(tagID(atom.H3)),
			m.topIdx(tagID(atom.H4)), m.topIdx(tagID(atom.H5)), m.topIdx(tagID(atom.H6)))
		if j >= 0 && j >= lastOf(m.bounds) {
			m.popTo(j)
			return false
		}
		return true
	case a == atom.Template || isTableTag(a):
		return m.endTable(t)
	case isFormatting(a):
		if m.endFormatting(a) {
			return false
		}
	case a == atom.Applet || a == atom.Marquee || a == atom.Object:
		if m.popInScope(t.id) {
			m.clearToMarker()
			return false
		}
		return true
	case closesP(a) || a == atom.Button || a == atom.Select:
		return !m.popInScope(t.id)
	}
	// Any other end tag: the nearest element of that name, unless a special
	// element comes first.
	if j := m.topIdx(t.id); j >= 0 && j >= lastOf(m.specials) {
		m.popTo(j)
		return false
	}
	return true
}

// endTable applies the end tag of a template or a table part.
func (m *depthModel) endTable(t tagInfo) (ignored bool) {
	j := m.topIdx(t.id)
	switch {
	case j < 0:
		return true
	case t.a == atom.Template: // closes whatever is open inside
		m.popTo(j)
		m.clearToMarker()
		return false
	case m.stack[j].spec:
		return false // perhaps not there at all; err deep
	case j < maxIdx(m.topIdx(tagID(atom.Table)), m.topIdx(tagID(atom.Template))):
		return true // not in table scope
	}
	marker := m.stack[j].marker
	m.popTo(j)
	if marker {
		m.clearToMarker()
	}
	return false
}

func (m *depthModel) popInScope(id tagID, extra ...atom.Atom) bool {
	j, ok := m.inScope(id, extra...)
	if ok {
		m.popTo(j)
	}
	return ok
}

// text applies a text token: the parser reopens formatting elements first.
func (m *depthModel) text() {
	c := m.cur()
	if c != nil && (c.raw || c.foreign && !c.ip && !(c.math && isMathTextIP(c.a))) {
		return // raw text, or text in foreign content: nothing reopened
	}
	m.reconstruct()
}

// popImplied pops the elements whose end tags the parser implies (p, li,
// option, ...), down to one named except.
func (m *depthModel) popImplied(except atom.Atom) {
	for m.curIs(atom.Dd, atom.Dt, atom.Li, atom.Optgroup, atom.Option, atom.P, atom.Rb, atom.Rp, atom.Rt, atom.Rtc) {
		if m.curIs(except) {
			return
		}
		m.popOne()
	}
}

// popForeign pops foreign elements down to an HTML element or an
// integration point, as an HTML start tag inside foreign content does.
func (m *depthModel) popForeign() {
	for c := m.cur(); c != nil && c.foreign && !c.ip && !(c.math && isMathTextIP(c.a)); c = m.cur() {
		m.popOne()
	}
}
