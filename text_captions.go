package declutter

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Figure captions and photo credits describe a picture, not the story:
// Article.Text leaves them out unless Options.TextCaptions is set, while
// Content and Markdown keep each figure with its caption. A caption is a
// <figcaption>, schema.org's itemprop="caption", WordPress's
// wp-caption-text, or an element named for a caption beside an image; a
// credit is an element named for a credit or copyright, or a line such as
// "Foto: dpa" or "© Agency", inside a figure. Captions of figures that
// hold text (a quote, a table, a code listing) are kept: there the caption
// is the source or title of what the reader reads.

const (
	maxCaptionChars    = 600 // a longer block named for a caption is prose
	maxCreditChars     = 160 // a credit is a name or two and an agency
	maxBoxProseChars   = 100 // text beside a caption in an image's box
	captionBoxAncestry = 2   // levels above a caption where its image may be
)

// reFigureCredit matches the whole text of a photo credit inside a figure.
var reFigureCredit = regexp.MustCompile(`(?i)^[(\[]?\s*(?:©|\(c\)|copyright\b|(?:photos?|fotos?|bild(?:er)?|images?|pictures?|illustration|grafik|graphic|credits?|source|quelle|fuente|fonte|crédits?)\s*(?::|\b(?:by|von|de|di|via)\b)|(?:photo|image)s?\s+courtesy\b|courtesy\s+of\b|(?:getty images|ap photo|reuters|afp|dpa|epa|imago|keystone|shutterstock|istock)\b)`)

// findCaptions returns the captions and credits of body (elements, or text
// nodes of a credit), and how many characters they hold.
func findCaptions(body *html.Node) (map[*html.Node]bool, int) {
	f := captionFinder{root: body}
	f.walk(body, false)
	return f.found, f.chars
}

type captionFinder struct {
	root  *html.Node
	found map[*html.Node]bool
	chars int
}

func (f *captionFinder) add(n *html.Node) {
	if f.found == nil {
		f.found = make(map[*html.Node]bool)
	}
	f.found[n] = true
	f.chars += len([]rune(collapsedText(n)))
}

// walk looks for captions in n's children; inFigure says n is in an
// image's figure (or WordPress's caption box), where credits are looked for
// too.
func (f *captionFinder) walk(n *html.Node, inFigure bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if inFigure && isCreditText(c.Data) {
				f.add(c)
			}
			continue
		case c.Type != html.ElementNode || skipText(c):
			continue
		}
		if f.isCaption(c, inFigure) {
			f.add(c)
			continue
		}
		switch box := c.Data == "figure" || hasCaptionName(c) && hasMedia(c); {
		case box && holdsReadableContent(c):
			// A quote, a table, a listing: its caption goes with it.
		case box:
			f.walk(c, true)
		default:
			f.walk(c, inFigure)
		}
	}
}

// isCaption reports whether n is a caption or, in a figure, a credit.
func (f *captionFinder) isCaption(n *html.Node, inFigure bool) bool {
	switch n.Data {
	case "figcaption":
		return true // not in a figure that holds a quote or a table: walk does not go there
	case "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "li", "ul", "ol", "pre",
		"h1", "h2", "h3", "h4", "h5", "h6":
		return false // a table's caption is its title; lists and headings are read
	}
	if hasMedia(n) {
		return false
	}
	if hasToken(attrOf(n, "itemprop"), "caption") || hasToken(attrOf(n, "class"), "wp-caption-text") {
		return true
	}
	if hasCaptionName(n) {
		return len([]rune(collapsedText(n))) <= maxCaptionChars && (inFigure || f.besideMedia(n))
	}
	if !inFigure {
		return false
	}
	switch attrOf(n, "itemprop") {
	case "copyrightHolder", "copyrightNotice", "creditText", "author", "creator":
		return true
	}
	text := collapsedText(n)
	if len(text) > 4*maxCreditChars || len([]rune(text)) > maxCreditChars {
		return false
	}
	return hasCreditName(n) || reFigureCredit.MatchString(text)
}

// isCreditText reports whether a text node in a figure is a credit.
func isCreditText(s string) bool {
	s = strings.Join(strings.Fields(s), " ")
	return s != "" && len(s) <= 4*maxCreditChars && reFigureCredit.MatchString(s)
}

// besideMedia reports whether n sits in a small box with an image: its
// parent or grandparent holds media outside n and little other text.
func (f *captionFinder) besideMedia(n *html.Node) bool {
	for a, up := n.Parent, 0; a != nil && a != f.root && up < captionBoxAncestry; a, up = a.Parent, up+1 {
		media, prose := false, 0
		for d := a.FirstChild; d != nil; d = nextSkipping(d, a, d == n || d.Type == html.ElementNode && skipText(d)) {
			switch {
			case d == n:
			case d.Type == html.TextNode:
				prose += len(strings.TrimSpace(d.Data))
			case d.Type == html.ElementNode && isMedia(d.Data):
				media = true
			}
		}
		if media {
			return prose <= maxBoxProseChars
		}
	}
	return false
}

// holdsReadableContent reports whether a figure holds text to read (a
// quote, a table, a listing) outside its caption, rather than a picture.
func holdsReadableContent(fig *html.Node) bool {
	for d := fig.FirstChild; d != nil; d = nextSkipping(d, fig, d.Type == html.ElementNode && d.Data == "figcaption") {
		if d.Type == html.ElementNode {
			switch d.Data {
			case "blockquote", "table", "pre", "code", "q":
				return true
			}
		}
	}
	return false
}

func isMedia(tag string) bool {
	switch tag {
	case "img", "picture", "video", "audio", "iframe", "svg", "canvas", "object", "embed":
		return true
	}
	return false
}

func hasMedia(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && isMedia(d.Data) {
			return true
		}
	}
	return false
}

// hasCaptionName reports whether n's class or id names a caption
// ("image-caption", "caption__text"), not a state ("has-caption",
// "no-caption") or a container ("captioned-image").
func hasCaptionName(n *html.Node) bool {
	return namesCaption(attrOf(n, "class")) || namesCaption(attrOf(n, "id"))
}

func namesCaption(s string) bool {
	for _, tok := range strings.Fields(s) {
		tok = strings.ToLower(tok)
		i := strings.Index(tok, "caption")
		if i < 0 {
			continue
		}
		before := strings.TrimRight(tok[:i], "-_")
		after := tok[i+len("caption"):]
		if strings.HasSuffix(before, "no") || strings.HasSuffix(before, "has") || strings.HasSuffix(before, "with") ||
			strings.HasSuffix(before, "without") || strings.HasPrefix(after, "ed") {
			continue
		}
		return true
	}
	return false
}

// hasCreditName reports whether n's class names a credit.
func hasCreditName(n *html.Node) bool {
	cls := strings.ToLower(attrOf(n, "class"))
	return strings.Contains(cls, "credit") || strings.Contains(cls, "copyright") || strings.Contains(cls, "photographer")
}

// hasToken reports whether the space-separated list s holds tok.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
