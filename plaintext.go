package declutter

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markupStart matches what an HTML parser reads as the start of markup
// rather than text: a tag or end tag, a comment, a doctype, a processing
// instruction. A '<' before anything else ("a < b", "<3") is text.
var markupStart = regexp.MustCompile(`<[A-Za-z/!?]`)

// maxMarkupPasses bounds stripMarkup's re-parsing of values whose text,
// once parsed, holds markup again (entities escaped many times over).
const maxMarkupPasses = 8

// stripMarkup returns s without markup: the text a browser shows for s
// parsed as an HTML fragment in a <div>, rendered the way Article.Text is
// (tags, comments and the content of script, style and the like gone,
// entities decoded, blocks apart by white space). Parsing decodes
// entities, so text that spells out markup ("&lt;img ...&gt;") is markup
// again after one pass; it is parsed again until no markup is left. A
// value without markup is returned as it is, entities and all.
func stripMarkup(s string) string {
	for i := 0; i < maxMarkupPasses && markupStart.MatchString(s); i++ {
		// Control characters go first each time: dropped later, they
		// could join a '<' to a letter ("<\x7fb>").
		s = sanitizeText(fragmentText(s))
	}
	return dropMarkupStarts(s)
}

// dropMarkupStarts deletes the '<' of every markup opener left in s, again
// until none is left ("<<b" leaves "<b" after one round). It is the last
// resort for values escaped more often than any page means to, or that do
// not parse.
func dropMarkupStarts(s string) string {
	for markupStart.MatchString(s) {
		s = markupStart.ReplaceAllStringFunc(s, func(m string) string { return m[1:] })
	}
	return s
}

// fragmentText parses s as the content of a <div> and renders its text.
// Every markup opener in s is consumed by the parse (a tag, an end tag,
// a comment or a bogus comment), so the result is shorter than s.
func fragmentText(s string) string {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return dropMarkupStarts(s)
	}
	var w textWriter
	for _, n := range nodes {
		w.node(n)
	}
	return w.b.String()
}
