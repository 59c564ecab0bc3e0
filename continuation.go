package declutter

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Some sites split a story into blocks of the same markup with an ad or a
// teaser between them (<div class="story-block">…</div><aside>ad</aside>
// <div class="story-block">…</div>). The readability pass picks one block.
// appendContinuations finds, in the page, the block that holds the body's
// first paragraph and adds to the body copies of its siblings of the same
// tag and class that hold prose the body lacks.

// continuationClimb is how far above a paragraph its block may be.
const continuationClimb = 4

// appendContinuations adds the story's other blocks to body and reports
// how many it added. doc is the page the readability pass left.
func appendContinuations(doc, body *html.Node) int {
	var m proseMeter
	inBody := make(map[string]bool)
	for n := range body.Descendants() {
		if n.Type == html.ElementNode && n.Data == "p" {
			if k := m.key(n); len(k) >= 20 {
				inBody[k] = true
			}
		}
	}
	if len(inBody) < 2 {
		return 0
	}
	first := firstBodyParagraph(doc, inBody, &m)
	if first == nil {
		return 0
	}
	// The nearest repeated ancestor may be one paragraph's wrapper, whose
	// twins the body holds already; the block is the first whose twins
	// bring prose.
	a := first.Parent
	for i := 0; i < continuationClimb && a != nil && a.Type == html.ElementNode && a.Data != "body"; i++ {
		if namedBlock(a) && hasTwin(a) {
			if before, after := continuations(a, inBody, &m); len(before)+len(after) > 0 {
				for i := len(before) - 1; i >= 0; i-- {
					body.InsertBefore(cloneTree(before[i]), body.FirstChild)
				}
				for _, s := range after {
					body.AppendChild(cloneTree(s))
				}
				return len(before) + len(after)
			}
		}
		a = a.Parent
	}
	return 0
}

// firstBodyParagraph returns the first paragraph of doc, outside unlikely
// regions, whose key the body holds.
func firstBodyParagraph(doc *html.Node, inBody map[string]bool, m *proseMeter) *html.Node {
	for n := doc; n != nil; n = nextSkipping(n, doc, n.Type == html.ElementNode && (skipText(n) || unlikelyRegion(n))) {
		if n.Type == html.ElementNode && n.Data == "p" && inBody[m.key(n)] {
			return n
		}
	}
	return nil
}

// hasTwin reports whether an element sibling of a has a's tag and class.
func hasTwin(a *html.Node) bool {
	for s := a.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s != a && sameBlock(a, s) {
			return true
		}
	}
	return false
}

func sameBlock(a, b *html.Node) bool {
	return b.Type == html.ElementNode && b.Data == a.Data && attrOf(b, "class") == attrOf(a, "class") &&
		attrOf(b, "data-testid") == attrOf(a, "data-testid")
}

// namedBlock reports whether a's class names something: a grid cell
// ("col-xs-12", "row") repeats all over a page, whatever it holds.
func namedBlock(a *html.Node) bool {
	for _, tok := range strings.Fields(attrOf(a, "class")) {
		if !reGridClass.MatchString(tok) {
			return true
		}
	}
	return false
}

// reGridClass matches the layout grid classes of CSS frameworks.
var reGridClass = regexp.MustCompile(`^(col(-[a-z]{2})?(-\d+)?|row|container(-fluid)?|clearfix|columns?|grid|cell)$`)

// continuations returns block's twins before and after it, in document
// order, that hold prose the body lacks and none it has.
func continuations(block *html.Node, inBody map[string]bool, m *proseMeter) (before, after []*html.Node) {
	seen := false
	for s := block.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == block {
			seen = true
			continue
		}
		if !sameBlock(block, s) || !isContinuation(s, inBody, m) {
			continue
		}
		if seen {
			after = append(after, s)
		} else {
			before = append(before, s)
		}
	}
	return before, after
}

// isContinuation reports whether block s holds prose paragraphs, none of
// them already in the body. A block under a headline that links elsewhere
// with one paragraph is a teaser of another story, built like a story's
// block; a listicle entry under a linked name has more to say.
func isContinuation(s *html.Node, inBody map[string]bool, m *proseMeter) bool {
	prose, paragraphs := 0, 0
	for n := s; n != nil; n = nextSkipping(n, s, n.Type == html.ElementNode && (skipText(n) || unlikelyRegion(n))) {
		if n.Type != html.ElementNode || n.Data != "p" {
			continue
		}
		if inBody[m.key(n)] {
			return false
		}
		if c := m.proseChars(n); c > 0 {
			prose += c
			paragraphs++
		}
	}
	if paragraphs < 2 && hasLinkedHeading(s, m) {
		return false
	}
	return prose >= proseMinChars
}

// hasLinkedHeading reports whether a heading in s is, for the most part,
// the text of a link: the headline of a teaser, not a section of a story.
func hasLinkedHeading(s *html.Node, m *proseMeter) bool {
	for n := range s.Descendants() {
		if n.Type != html.ElementNode || len(n.Data) != 2 || n.Data[0] != 'h' || n.Data[1] < '1' || n.Data[1] > '6' {
			continue
		}
		total := m.textLen(n)
		if total == 0 {
			continue
		}
		linked := 0
		for a := range n.Descendants() {
			if a.Type == html.ElementNode && a.Data == "a" && attrOf(a, "href") != "" {
				linked += m.textLen(a)
			}
		}
		if 2*linked > total {
			return true
		}
	}
	return false
}
