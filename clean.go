package declutter

import (
	"context"
	"strings"

	"golang.org/x/net/html"
)

// cleanBody applies the body-stage rules to the isolated body, then the
// structural cleanup: the headline and lead image repeated at the top of
// the body go (they are fields of their own), and so do wrappers left empty.
func (e *Extractor) cleanBody(ctx context.Context, body *html.Node, a *Article) ([]Removal, error) {
	st := newTextStats(body)
	removed, err := applyRules(ctx, e.rules.body, body, st)
	if err != nil {
		return nil, err
	}
	if e.rules.stepOn("repeated-title") {
		if r, ok := removeRepeatedTitle(body, a.Title, st); ok {
			removed = append(removed, r)
		}
	}
	if e.rules.stepOn("lead-image") {
		if r, ok := removeLeadFigure(body, a, st); ok {
			removed = append(removed, r)
		}
	}
	if e.rules.stepOn("menu-list") {
		removed = append(removed, removeMenuLists(body, st)...)
	}
	removeEmpty(body)
	return removed, nil
}

// removeMenuLists removes lists that read as a site menu: several items,
// each only a short link.
func removeMenuLists(body *html.Node, st *textStats) []Removal {
	var lists []*html.Node
	for n := range body.Descendants() {
		if n.Type == html.ElementNode && (n.Data == "ul" || n.Data == "ol") && isMenuList(n, st) {
			lists = append(lists, n)
		}
	}
	var out []Removal
	for _, n := range lists {
		if n.Parent == nil {
			continue
		}
		out = append(out, Removal{Rule: "menu-list", Snippet: removalSnippet(n, st.text(n))})
		st.detach(n)
	}
	return out
}

const (
	menuMinItems     = 4
	menuMaxItemChars = 30
)

func isMenuList(list *html.Node, st *textStats) bool {
	items, chars := 0, 0
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data != "li" {
			continue
		}
		n := st.chars(c)
		if n == 0 {
			continue
		}
		if st.linkDensity(c) < 0.9 {
			return false
		}
		items++
		chars += n
	}
	return items >= menuMinItems && chars/items <= menuMaxItemChars
}

// removeRepeatedTitle removes a heading before the first paragraph whose
// text is the article's title.
func removeRepeatedTitle(body *html.Node, title string, st *textStats) (Removal, bool) {
	want := normalizeKey(title)
	if want == "" {
		return Removal{}, false
	}
	for n := body; n != nil; n = nextSkipping(n, body, false) {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "p" && hasText(n, 1) {
			return Removal{}, false // the story has begun
		}
		if isHeadingTag(n.Data) && normalizeKey(collapsedText(n)) == want {
			st.detach(n)
			return Removal{Rule: "repeated-title", Snippet: snippet(title, 80)}, true
		}
	}
	return Removal{}, false
}

// removeLeadFigure removes the lead image when it opens the body, keeping
// its caption as Article.ImageCaption. An image counts as the lead when it
// is the page's declared lead image or comes before any paragraph text.
func removeLeadFigure(body *html.Node, a *Article, st *textStats) (Removal, bool) {
	for n := body; n != nil; n = nextSkipping(n, body, false) {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "p" && hasText(n, 1) {
			return Removal{}, false
		}
		if n.Data != "img" {
			continue
		}
		if a.Image != "" && !sameImage(imageSource(n), a.Image) {
			return Removal{}, false
		}
		fig := n
		for p := n.Parent; p != nil && p != body; p = p.Parent {
			if p.Data == "figure" {
				fig = p
				break
			}
		}
		caption := ""
		if fig != n {
			for c := range fig.Descendants() {
				if c.Type == html.ElementNode && c.Data == "figcaption" {
					caption = collapsedText(c)
					break
				}
			}
		}
		if a.ImageCaption == "" {
			a.ImageCaption = caption
		}
		if a.Image == "" {
			a.Image = imageSource(n)
		}
		st.detach(fig)
		return Removal{Rule: "lead-image", Snippet: removalSnippet(n, firstNonEmpty(caption, attrOf(n, "alt"), a.Image))}, true
	}
	return Removal{}, false
}

func imageSource(img *html.Node) string {
	for _, k := range []string{"src", "data-src", "data-original"} {
		if v := attrOf(img, k); v != "" && !strings.HasPrefix(v, "data:") {
			return v
		}
	}
	return ""
}

// sameImage compares two image URLs by their file name, since sites serve
// the lead image at other sizes and from other hosts in the body.
func sameImage(a, b string) bool {
	ka := imageKey(a)
	return ka != "" && ka == imageKey(b)
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// removeEmpty drops elements with no text and no media, innermost first.
func removeEmpty(root *html.Node) {
	var empties []*html.Node
	var walk func(n *html.Node) bool // reports whether n has content
	walk = func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			return strings.TrimSpace(n.Data) != ""
		case html.ElementNode:
			if keepsEmpty(n.Data) {
				return true
			}
		}
		has := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				has = true
			}
		}
		if !has && n.Type == html.ElementNode && n != root {
			empties = append(empties, n)
		}
		return has
	}
	walk(root)
	for _, n := range empties {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// keepsEmpty lists elements that carry content without text.
func keepsEmpty(tag string) bool {
	switch tag {
	case "img", "picture", "video", "audio", "iframe", "source", "hr", "br", "td", "th", "embed", "object", "svg", "math":
		return true
	}
	return false
}
