package declutter

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// isBlock reports whether an element starts a new block of text.
func isBlock(tag string) bool {
	switch tag {
	case "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
		"header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
		"tr", "td", "th", "thead", "tbody", "tfoot", "caption", "summary", "body", "html", "center",
		"picture", "video", "audio", "iframe", "img", "br", "option", "legend", "menu":
		return true
	}
	return false
}

// separator is the break owed between what was written and what comes next.
type separator int

const (
	sepNone  separator = iota
	sepSpace           // between inline words
	sepCell            // between table cells
	sepLine            // between list items and table rows, after <br>
	sepBlock           // between paragraphs and other blocks
)

// textWriter renders a tree as plain text: blocks apart by one blank line,
// list items and table rows on lines of their own, cells apart by a tab,
// white space collapsed except inside <pre>.
type textWriter struct {
	b       strings.Builder
	pending separator
	skip    map[*html.Node]bool // captions left out
}

func (w *textWriter) owe(s separator) {
	if s > w.pending {
		w.pending = s
	}
}

func (w *textWriter) flush() {
	if w.b.Len() > 0 {
		switch w.pending {
		case sepSpace:
			w.b.WriteByte(' ')
		case sepCell:
			w.b.WriteByte('\t')
		case sepLine:
			w.b.WriteByte('\n')
		case sepBlock:
			w.b.WriteString("\n\n")
		}
	}
	w.pending = sepNone
}

// words writes s with white space collapsed.
func (w *textWriter) words(s string) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		space := r < utf8.RuneSelf && asciiSpace[r]
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if !space {
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if start >= 0 && r == ' ' && i+1 < len(s) && s[i+1] < utf8.RuneSelf && !asciiSpace[s[i+1]] {
			i++ // one space between words is written as it is, with them
			continue
		}
		if start >= 0 {
			w.flush()
			w.b.WriteString(s[start:i])
			start = -1
		}
		w.owe(sepSpace)
		i += size
	}
	if start >= 0 {
		w.flush()
		w.b.WriteString(s[start:])
	}
}

// pre writes the text of a whole <pre> block as it is, trimming only its
// edges.
func (w *textWriter) pre(s string) {
	s = strings.Trim(s, "\n")
	if strings.TrimSpace(s) == "" {
		return
	}
	w.flush()
	w.b.WriteString(strings.TrimRight(s, " \t\n"))
}

func (w *textWriter) node(n *html.Node) {
	if w.skip != nil && w.skip[n] {
		w.owe(max(elementSeparator(n), sepSpace))
		return
	}
	switch n.Type {
	case html.TextNode:
		w.words(n.Data)
		return
	case html.ElementNode:
		if skipText(n) {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	sep := elementSeparator(n)
	w.owe(sep)
	if n.Type == html.ElementNode && n.Data == "pre" {
		w.pre(preText(n))
		w.owe(sep)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	w.owe(sep)
}

// preText returns the text of a <pre> as it is laid out, <br> as newlines.
func preText(pre *html.Node) string {
	var b strings.Builder
	for n := range pre.Descendants() {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == "br":
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func elementSeparator(n *html.Node) separator {
	if n.Type != html.ElementNode {
		return sepNone
	}
	switch n.Data {
	case "td", "th":
		return sepCell
	case "li", "tr", "br", "dt", "dd", "option":
		return sepLine
	}
	if isBlock(n.Data) {
		return sepBlock
	}
	return sepNone
}

// renderText renders the body as plain text. Without captions, figure
// captions and photo credits are left out, unless they are most of the
// text (a gallery, whose captions are what there is to read).
func renderText(body *html.Node, captions bool) string {
	if !captions {
		if skip, chars := findCaptions(body); skip != nil {
			text := writeText(body, skip)
			if chars <= utf8.RuneCountInString(text) {
				return text
			}
		}
	}
	return writeText(body, nil)
}

// writeText renders body as plain text, leaving out the nodes in skip.
func writeText(body *html.Node, skip map[*html.Node]bool) string {
	w := textWriter{skip: skip}
	// The text is about the text nodes' bytes plus a break per element:
	// growing the builder to that at once saves copying it as it grows.
	w.b.Grow(rawSize(body, false) + 64)
	w.node(body)
	text := w.b.String()
	if w.b.Cap()-len(text) > len(text)/8 {
		// Article.Text would hold on to the spare room (the white space
		// the estimate counted) as long as it lives.
		text = strings.Clone(text)
	}
	return sanitizeText(text)
}

// sanitizeText drops control characters other than newline and tab, and
// replaces invalid UTF-8, so that text fields are always safe plain text.
func sanitizeText(s string) string {
	if isCleanText(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// isCleanText reports whether s has no control character but newline and
// tab, no invalid UTF-8 and no U+FFFD.
func isCleanText(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && c != '\n' && c != '\t' {
				return false // the ASCII controls
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == unicode.ReplacementChar || unicode.IsControl(r) {
			return false
		}
		i += size
	}
	return true
}

// countWords counts runs of letters and digits, so that punctuation and
// CJK text without spaces are counted sensibly.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		var word, cjk bool
		if r < utf8.RuneSelf {
			word = asciiWord[r]
		} else {
			word = isWordRune(r)
			cjk = word && isCJK(r)
		}
		switch {
		case cjk:
			n++ // each ideograph or kana counts as a word
			in = false
		case word && !in:
			n++
			in = true
		case !word:
			in = false
		}
	}
	return n
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord holds isWordRune for ASCII, which has no CJK.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = isWordRune(rune(r))
	}
	return t
}()

// cjkScripts are the scripts whose every character counts as a word.
var cjkScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana}

// cjkMin is the lowest rune of cjkScripts, so that the alphabets below it
// need no table look-up.
var cjkMin = lowestRune(cjkScripts)

func isCJK(r rune) bool {
	return r >= cjkMin && unicode.IsOneOf(cjkScripts, r)
}

// renderHTML renders n's children (the body container itself is dropped).
func renderHTML(n *html.Node) string {
	var b strings.Builder
	b.Grow(rawSize(n, true) + 64)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&b, c)
	}
	return b.String()
}

// rawSize estimates the bytes of n's rendering: its text nodes and, with
// markup, its tags and attributes, before any escaping. It sizes buffers.
func rawSize(n *html.Node, markup bool) int {
	size := 0
	for d := n; d != nil; d = nextSkipping(d, n, !markup && d.Type == html.ElementNode && skipText(d)) {
		switch d.Type {
		case html.TextNode:
			size += len(d.Data)
		case html.ElementNode:
			if !markup {
				size += 2 // a break between blocks
				continue
			}
			size += 2*len(d.Data) + 5
			for _, a := range d.Attr {
				size += len(a.Key) + len(a.Val) + 4
			}
		}
	}
	return size
}

// firstParagraph returns the text of the first paragraph of the body that
// reads like prose, for an excerpt when the page gives none.
func firstParagraph(body *html.Node) string {
	for n := body; n != nil; n = nextSkipping(n, body, false) {
		if n.Type == html.ElementNode && n.Data == "p" {
			if t := collapsedText(n); len(t) >= 40 {
				return t
			}
		}
	}
	return ""
}
