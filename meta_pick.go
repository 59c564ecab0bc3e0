package declutter

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// The choosers below decide a field from the candidates of one scan, in a
// fixed priority: structured data first (JSON-LD, then <meta>), then
// microdata, then what the page shows next to its headline.

// authorMetas are the <meta> names and properties that name the author.
var authorMetas = []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
	"dcterms.creator", "citation_author", "byl", "og:article:author", "article.author", "cxenseparse:author"}

// chooseByline returns the byline and the authors, from the first source
// that names anyone. Names equal to the site's are kept only as a last
// resort: an organisation as author usually means the page has no byline.
func chooseByline(s *pageScan, ld jsonLD, siteName string) (string, []string) {
	var fallback []string
	try := func(raws []string) []string {
		var names []string
		for _, r := range raws {
			_, ns := cleanByline(r)
			names = append(names, ns...)
		}
		names = dedupeNames(names)
		if len(names) > 0 && allSite(names, siteName, ld.publisher) {
			if fallback == nil {
				fallback = names
			}
			return nil
		}
		return names
	}
	if ns := try(ld.authors); ns != nil {
		return strings.Join(ns, ", "), ns
	}
	if ns := try(s.microAuthors()); ns != nil {
		return strings.Join(ns, ", "), ns
	}
	for _, k := range authorMetas {
		if ns := try(s.metas[k]); ns != nil {
			return strings.Join(ns, ", "), ns
		}
	}
	for _, ref := range nearHeadline(s, s.bylines) {
		t := metaSpacedText(ref.n, 400)
		if len(t) > 200 || inFigure(ref.n) {
			continue
		}
		if ns := try([]string{t}); ns != nil {
			return strings.Join(ns, ", "), ns
		}
	}
	if ns := try(s.authorLinkNames()); ns != nil {
		return strings.Join(ns, ", "), ns
	}
	return strings.Join(fallback, ", "), fallback
}

// authorLinkNames returns the names of the links to author pages (or with
// rel=author) nearest the headline: the first one and those sharing its
// container, as in "By <a>A</a> and <a>B</a>".
func (s *pageScan) authorLinkNames() []string {
	refs := nearHeadline(s, s.authorRel)
	if len(refs) == 0 {
		return nil
	}
	box := refs[0].n.Parent
	if box != nil && box.Parent != nil && box.Data != "div" && box.Data != "p" {
		box = box.Parent
	}
	var out []string
	for _, r := range refs {
		if r.n == refs[0].n || metaIsAncestor(box, r.n) {
			if t := metaSpacedText(r.n, 200); len(t) < 100 {
				out = append(out, t)
			}
		}
	}
	return out
}

func allSite(names []string, site, publisher string) bool {
	for _, n := range names {
		k := titleKey(n)
		if k != titleKey(site) && k != titleKey(publisher) {
			return false
		}
	}
	return true
}

func dedupeNames(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		if k := strings.ToLower(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// reNotArticleScope matches microdata item types whose author is not the
// article's: a photo's credit, a comment's or a review's writer.
var reNotArticleScope = regexp.MustCompile(`(?i)image|photo|video|media|comment|review|answer|question`)

// microAuthors returns the names microdata gives for itemprop=author:
// the author's nested itemprop=name when there is one, else its text.
func (s *pageScan) microAuthors() []string {
	var out []string
	for _, m := range s.micro {
		if m.prop != "author" && m.prop != "creator" || m.noise || reNotArticleScope.MatchString(m.scope) || inFigure(m.n) {
			continue
		}
		name := ""
		for _, n := range s.micro {
			if n.prop == "name" && n.order > m.order && metaIsAncestor(m.n, n.n) {
				name = metaNodeText(n.n, 200)
				if c := attrOf(n.n, "content"); c != "" {
					name = c
				}
				break
			}
		}
		if name == "" {
			name = attrOf(m.n, "content")
		}
		if name == "" {
			name = metaSpacedText(m.n, 300)
		}
		if len(name) <= 200 {
			out = append(out, name)
		}
	}
	return out
}

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
