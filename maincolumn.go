package declutter

import (
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// On a page that is not one story (a listing, a product, a service page,
// documentation), the readability pass keeps the one container that looks
// most like an article: one group of cards, one section, the intro. What
// a reader wants there is the page's main column: everything between the
// site's header, navigation, sidebars and footer. mainColumn finds it.

// wholeColumn reports whether pages of type t are read as their whole main
// column: listings, collections, products, services and documentation. An
// article is one story, which the readability pass finds; a thread is its
// posts.
func wholeColumn(t PageType) bool {
	switch t {
	case PageListing, PageCollection, PageProduct, PageService, PageDocumentation:
		return true
	}
	return false
}

// mainContainers are the markup pages use to say where their main content
// is, most explicit first.
var mainContainers = []cascadia.Selector{
	cascadia.MustCompile(`main`),
	cascadia.MustCompile(`[role="main"]`),
	cascadia.MustCompile(`#main, #content, #main-content, .main-content, #primary`),
}

// pageChrome is the markup of the regions around the main column.
var pageChrome = cascadia.MustCompile(`nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]`)

// mainColumnGain is how much more text than the body the main column must
// hold to replace it: less is the same content, reshaped.
const mainColumnGain = 1.2

// mainColumn returns the main column of doc when it holds clearly more
// text than body, else nil. The column is the page's own main container;
// on a page without one, the largest ancestor of the body's first
// paragraph (as found in doc) that holds none of the page's chrome. A body
// that reads as one story (articleLike) is kept: the page type was
// likely wrong, and a story's main column holds teasers and comments.
func mainColumn(doc, body *html.Node) *html.Node {
	st := newTextStats(body)
	if articleLike(body, segmentBlocks(body, st), st.chars(body)) {
		return nil
	}
	bodyChars := len(collapsedText(body))
	col := markedMain(doc)
	if col == nil {
		col = chromeFreeAncestor(doc, body)
	}
	if col == nil || float64(len(collapsedText(col))) <= mainColumnGain*float64(bodyChars) {
		return nil
	}
	return col
}

// markedMain returns the first element the page marks as its main
// content, or nil when there is none or it holds next to no text.
func markedMain(doc *html.Node) *html.Node {
	for _, sel := range mainContainers {
		if n := sel.MatchFirst(doc); n != nil {
			if !hasText(n, minBodyChars) {
				return nil
			}
			return n
		}
	}
	return nil
}

// chromeFreeAncestor finds in doc the body's first paragraph of some
// length and climbs from it to the largest ancestor below <body> that
// holds no header, navigation, sidebar or footer.
func chromeFreeAncestor(doc, body *html.Node) *html.Node {
	first := firstProseText(body)
	if first == "" {
		return nil
	}
	var start *html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "p" && collapsedText(n) == first {
			start = n
			break
		}
	}
	if start == nil {
		return nil
	}
	chrome := map[*html.Node]bool{} // elements that hold chrome
	for _, c := range pageChrome.MatchAll(doc) {
		for p := c.Parent; p != nil && !chrome[p]; p = p.Parent {
			chrome[p] = true
		}
	}
	n := start
	for p := n.Parent; p != nil && p.Type == html.ElementNode && p.Data != "body" && !chrome[p]; p = n.Parent {
		n = p
	}
	if n == start {
		return nil
	}
	return n
}

// firstProseText returns the text of the first paragraph under n of at
// least 40 characters, or "".
func firstProseText(n *html.Node) string {
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && c.Data == "p" && hasText(c, 40) {
			return collapsedText(c)
		}
	}
	return ""
}
