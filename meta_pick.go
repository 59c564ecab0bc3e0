package declutter

import (
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
)

// The choosers below decide a field from the candidates of one scan, in a
// fixed priority: structured data first (JSON-LD, then <meta>), then
// microdata, then what the page shows next to its headline.

// inFigure reports whether n is inside a figure or its caption, whose
// "author" is a photographer's credit.
func inFigure(n *html.Node) bool {
	for p, i := n, 0; p != nil && i < 8; p, i = p.Parent, i+1 {
		if p.Data == "figure" || p.Data == "figcaption" {
			return true
		}
	}
	return false
}

func metaIsAncestor(a, n *html.Node) bool {
	for p, i := n.Parent, 0; p != nil && i < 8; p, i = p.Parent, i+1 {
		if p == a {
			return true
		}
	}
	return false
}

// nearHeadline orders refs outside noise regions by how close they follow
// the main h1: those after it first (nearest first), then those before it
// (nearest first). Without an h1, document order.
func nearHeadline(s *pageScan, refs []elemRef) []elemRef {
	h, ok := s.mainH1()
	var after, before []elemRef
	for _, r := range refs {
		if r.noise {
			continue
		}
		if !ok || r.order > h.order {
			after = append(after, r)
		} else {
			before = append(before, r)
		}
	}
	for i, j := 0, len(before)-1; i < j; i, j = i+1, j-1 {
		before[i], before[j] = before[j], before[i]
	}
	return append(after, before...)
}

// chooseCaption returns the caption of the lead image: the figcaption of
// the figure showing image, else of the first figure near the headline
// that comes before the body's first long paragraph.
func chooseCaption(s *pageScan, image string, base *url.URL) string {
	want := imageKey(image)
	var first string
	for _, f := range nearHeadline(s, s.figures) {
		cap, img := figureParts(f.n)
		if cap == "" || img == nil {
			continue
		}
		if want != "" && (imageKey(absURL(base, attrOf(img, "src"))) == want ||
			strings.Contains(attrOf(img, "srcset")+attrOf(img, "data-src")+attrOf(img, "data-srcset"), want)) {
			return cap
		}
		if first == "" && (s.bodyStart == 0 || f.order < s.bodyStart) {
			first = cap
		}
	}
	return first
}

// figureParts returns a figure's caption text and its first image.
func figureParts(fig *html.Node) (string, *html.Node) {
	var cap string
	var img *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "figcaption":
				if cap == "" {
					cap = metaNodeText(c, 1000)
				}
				continue
			case "img":
				if img == nil {
					img = c
				}
			}
			walk(c)
		}
	}
	walk(fig)
	return cap, img
}

// imageKey is the last path segment of an image URL, which survives the
// resizing query strings and CDN hosts of the same image.
func imageKey(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Path == "" {
		return ""
	}
	b := path.Base(p.Path)
	if b == "/" || b == "." || len(b) < 5 {
		return ""
	}
	return b
}
