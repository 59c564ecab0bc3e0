package declutter

import (
	"bytes"
	"hash/maphash"

	"golang.org/x/net/html/atom"
)

// scanWorkPerByte bounds the parser's work the fast scan accepts: the sum
// over tags of the depth at which they occur, which is what the parser's
// scope checks cost. Real pages stay far below it; a page of stray end
// tags under 500 open elements does not.
const scanWorkPerByte = 8

// scanDepth reports whether src certainly parses within limit (less the
// level kept for raw-text elements) and maxElements, at a cost linear in its
// size. It reads the bytes directly, as html.Tokenizer would, and gives up
// (false) on whatever it does not follow exactly: <plaintext>, comments in
// scripts, unusual comment endings, long tag names, <font> and
// <annotation-xml> in foreign content. A false only means the careful pass
// must run.
func scanDepth(src []byte, limit, maxElements int) bool {
	m := newDepthModel()
	m.elements = 3
	work, budget := 0, scanWorkPerByte*len(src)+1<<20
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			m.text()
			break
		}
		if j > 0 {
			m.text()
		}
		i += j
		if i+1 >= len(src) {
			m.text()
			break
		}
		var ok bool
		switch c := src[i+1]; {
		case isASCIILetter(c):
			i, ok = scanStartTag(m, src, i, limit)
		case c == '/':
			i, ok = scanEndTag(m, src, i)
		case c == '!' && bytes.HasPrefix(src[i:], []byte("<![CDATA[")) && m.cur() != nil && m.cur().foreign:
			i, ok = skipCDATA(m, src, i)
		case c == '!' || c == '?':
			i, ok = skipDeclaration(src, i)
		default:
			m.text()
			i++
			ok = true
		}
		work += m.depth()
		if !ok || work > budget || maxElements >= 0 && m.elements > maxElements {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isTagSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// tagNameBuf holds a lower-cased tag name. Custom elements run long
// ("registration-confirmation-overlay"); a longer name sends the page to
// the careful pass.
type tagNameBuf [64]byte

// scanTagName returns the lower-cased name of the tag whose name starts at
// i (into buf) and the index after it.
func scanTagName(src []byte, i int, buf *tagNameBuf) ([]byte, int, bool) {
	n := 0
	for ; i < len(src); i++ {
		c := src[i]
		if isTagSpace(c) || c == '/' || c == '>' {
			break
		}
		if n == len(buf) || c == 0 {
			return nil, i, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return buf[:n], i, true
}

// skipAttributes skips a tag's attributes as html.Tokenizer reads them
// (quoted values may hold '>') and returns the index after the closing '>'
// and whether the tag is self-closing ("/>" not ending an unquoted value).
func skipAttributes(src []byte, i int) (int, bool, bool) {
	unquotedEnd := -1
	for i < len(src) {
		c := src[i]
		switch {
		case c == '>':
			return i + 1, i > 0 && src[i-1] == '/' && unquotedEnd != i, true
		case isTagSpace(c) || c == '/':
			i++
			continue
		}
		// An attribute name; a leading '=' belongs to it.
		i++
		for i < len(src) && !isTagSpace(src[i]) && src[i] != '/' && src[i] != '>' && src[i] != '=' {
			i++
		}
		for i < len(src) && isTagSpace(src[i]) {
			i++
		}
		if i >= len(src) || src[i] != '=' {
			continue
		}
		i++
		for i < len(src) && isTagSpace(src[i]) {
			i++
		}
		if i >= len(src) {
			break
		}
		switch q := src[i]; q {
		case '"', '\'':
			k := bytes.IndexByte(src[i+1:], q)
			if k < 0 {
				return len(src), false, false
			}
			i += k + 2
		case '>':
		default:
			for i < len(src) && !isTagSpace(src[i]) && src[i] != '>' {
				i++
			}
			unquotedEnd = i
		}
	}
	return len(src), false, false
}

func scanStartTag(m *depthModel, src []byte, i, limit int) (int, bool) {
	var buf tagNameBuf
	name, end, ok := scanTagName(src, i+1, &buf)
	if !ok {
		return end, false
	}
	a := atom.Lookup(name)
	c := m.cur()
	if a == atom.Plaintext || c != nil && c.foreign && (a == atom.Font || a == atom.AnnotationXml) {
		return end, false // to EOF; or the attributes decide
	}
	t := tagInfo{a: a, id: idOf(a, name)}
	end, t.self, ok = skipAttributes(src, end)
	if !ok {
		return end, false
	}
	if isFormatting(a) {
		t.key = maphash.Bytes(tagSeed, src[i:end])
	}
	eff, notRaw := m.start(t, limit)
	if eff == startTooDeep {
		return end, false
	}
	if !isRawText(a) || notRaw {
		return end, true
	}
	return skipRawText(m, src, end, name)
}

// skipRawText skips the content of the raw-text element name and its end
// tag, as the tokenizer does.
func skipRawText(m *depthModel, src []byte, i int, name []byte) (int, bool) {
	for k := i; k < len(src); {
		j := bytes.Index(src[k:], []byte("</"))
		if j < 0 {
			break
		}
		k += j
		if bytes.Equal(name, []byte("script")) && scriptMayDoubleEscape(src[i:k]) {
			return k, false // leave to the tokenizer
		}
		e := k + 2 + len(name)
		if e < len(src) && bytes.EqualFold(src[k+2:e], name) && (isTagSpace(src[e]) || src[e] == '/' || src[e] == '>') {
			if k > i {
				m.text()
			}
			return scanEndTag(m, src, k)
		}
		k += 2
	}
	return len(src), !bytes.Equal(name, []byte("script")) || !scriptMayDoubleEscape(src[i:])
}

// scriptMayDoubleEscape reports whether script content may hold a
// "double-escaped" section, in which "</script>" does not end the script:
// that takes a "<!--" and then a "<script". With no "<!--", or no
// "<script" in any case, the first "</script" followed by a delimiter ends
// the script in every state of the tokenizer's script reading.
func scriptMayDoubleEscape(s []byte) bool {
	k := bytes.Index(s, []byte("<!--"))
	if k < 0 {
		return false
	}
	for s = s[k:]; ; s = s[1:] {
		j := bytes.IndexByte(s, '<')
		if j < 0 {
			return false
		}
		s = s[j:]
		if len(s) >= 7 && bytes.EqualFold(s[1:7], []byte("script")) {
			return true
		}
	}
}

func scanEndTag(m *depthModel, src []byte, i int) (int, bool) {
	if i+2 >= len(src) {
		return len(src), true
	}
	if src[i+2] == '>' {
		return i + 3, true // "</>" is ignored
	}
	if !isASCIILetter(src[i+2]) {
		return skipToAngle(src, i) // a bogus comment
	}
	var buf tagNameBuf
	name, end, ok := scanTagName(src, i+2, &buf)
	if !ok {
		return end, false
	}
	end, _, ok = skipAttributes(src, end)
	if !ok {
		return end, false
	}
	a := atom.Lookup(name)
	m.end(tagInfo{a: a, id: idOf(a, name)})
	return end, true
}

// skipDeclaration skips a comment, doctype or bogus comment at i.
func skipDeclaration(src []byte, i int) (int, bool) {
	if !bytes.HasPrefix(src[i:], []byte("<!--")) {
		return skipToAngle(src, i)
	}
	body := src[i+4:]
	if bytes.HasPrefix(body, []byte(">")) || bytes.HasPrefix(body, []byte("->")) {
		return i, false // <!--> and <!---> end at once
	}
	j := bytes.Index(body, []byte("-->"))
	if j < 0 || bytes.Contains(body[:j], []byte("--!")) {
		return i, false // unterminated, or "--!>" may end it earlier
	}
	return i + 4 + j + 3, true
}

func skipToAngle(src []byte, i int) (int, bool) {
	j := bytes.IndexByte(src[i:], '>')
	if j < 0 {
		return len(src), true
	}
	return i + j + 1, true
}

// skipCDATA skips a CDATA section, which the tokenizer reads as text in
// foreign content only.
func skipCDATA(m *depthModel, src []byte, i int) (int, bool) {
	m.text()
	j := bytes.Index(src[i:], []byte("]]>"))
	if j < 0 {
		return len(src), true
	}
	return i + j + 3, true
}
