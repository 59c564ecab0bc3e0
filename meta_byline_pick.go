package declutter

import (
	"regexp"
	"strings"
)

// The byline chooser: moved here from meta_pick.go so that the byline's
// sources and their order live next to the cleaning in meta_byline.go.

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
