package declutter

import (
	"strings"
	"unicode"

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
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				w.flush()
				w.b.WriteString(s[start:i])
				start = -1
			}
			w.owe(sepSpace)
			continue
		}
		if start < 0 {
			start = i
		}
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

// renderText renders the body as plain text.
func renderText(body *html.Node) string {
	var w textWriter
	w.node(body)
	return sanitizeText(w.b.String())
}

// sanitizeText drops control characters other than newline and tab, and
// replaces invalid UTF-8, so that text fields are always safe plain text.
func sanitizeText(s string) string {
	clean := true
	for _, r := range s {
		if r == unicode.ReplacementChar || (unicode.IsControl(r) && r != '\n' && r != '\t') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// countWords counts runs of letters and digits, so that punctuation and
// CJK text without spaces are counted sensibly.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case word && isCJK(r):
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

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// renderHTML renders n's children (the body container itself is dropped).
func renderHTML(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&b, c)
	}
	return b.String()
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
