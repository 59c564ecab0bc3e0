package declutter

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The byline chooser: moved here from meta_pick.go so that the byline's
// sources and their order live next to the cleaning in meta_byline.go.

// authorMetas are the <meta> names and properties that name the author.
var authorMetas = []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
	"dcterms.creator", "citation_author", "byl", "og:article:author", "article.author", "cxenseparse:author"}

// chooseByline returns the byline and the authors, from the first source
// that names anyone. Names of the site, its domain or a company are kept
// only as a last resort: an organisation as author usually means the
// page has no byline, and beside a person it is the outlet, not a name.
func chooseByline(s *pageScan, ld jsonLD, siteName string) (string, []string) {
	c := bylineChooser{site: newPublisherKeys(s, siteName, ld)}
	if ns := c.try(ld.authors); ns != nil {
		return c.widen(s, ns)
	}
	if ns := c.try(s.microAuthors()); ns != nil {
		return c.widen(s, ns)
	}
	for _, k := range authorMetas {
		if ns := c.try(s.metas[k]); ns != nil {
			return c.widen(s, ns)
		}
	}
	// what the page shows: when the structured data named the site, a
	// single word there is more likely a section than a person
	c.shown = c.fallback != nil
	// byline elements and links to author pages, the nearest the headline
	// first: a related story's byline below must not win over the
	// article's author link above it
	linkDist, linksTried := -1, false
	if links := nearHeadline(s, s.authorRel); len(links) > 0 {
		linkDist = headlineDistance(s, links[0])
	}
	for _, ref := range c.bylineRefs(s) {
		if !linksTried && linkDist >= 0 && headlineDistance(s, ref) > linkDist {
			linksTried = true
			if ns := c.try(s.authorLinkNames()); ns != nil {
				return strings.Join(ns, ", "), ns
			}
		}
		if ns := c.try(bylineElemText(ref)); ns != nil {
			return strings.Join(ns, ", "), ns
		}
	}
	if ns := c.try(s.authorLinkNames()); !linksTried && ns != nil {
		return strings.Join(ns, ", "), ns
	}
	for _, ref := range nearHeadline(s, s.byTexts) {
		if t := byTextSource(ref); t != "" {
			if ns := byTextNames(c.try([]string{t})); len(ns) > 0 {
				return strings.Join(ns, ", "), ns
			}
		}
	}
	if t := s.nameBeforeDate(); t != "" {
		if ns := byTextNames(c.try([]string{t})); len(ns) == 1 && strings.IndexByte(ns[0], ' ') > 0 {
			return ns[0], ns
		}
	}
	return strings.Join(c.fallback, ", "), c.fallback
}

// headlineDistance ranks ref as nearHeadline orders it: after the main
// h1 by distance, then before it by distance.
func headlineDistance(s *pageScan, ref elemRef) int {
	h, ok := s.mainH1()
	if !ok || ref.order > h.order {
		return ref.order - h.order
	}
	return 1<<30 + h.order - ref.order
}

// bylineChooser cleans each source's names and keeps the first source
// naming only the site or a company as the fallback.
type bylineChooser struct {
	site     publisherKeys
	fallback []string
	shown    bool // only names of two words or more count
	refs     []elemRef
	ordered  bool
}

// bylineRefs returns the byline elements in nearHeadline's order,
// ordered once for the several readers.
func (c *bylineChooser) bylineRefs(s *pageScan) []elemRef {
	if !c.ordered {
		c.refs, c.ordered = nearHeadline(s, s.bylines), true
	}
	return c.refs
}

// try returns the names in raws that are not the site's; nil when there
// are none.
func (c *bylineChooser) try(raws []string) []string {
	var names []string
	for _, r := range raws {
		_, ns := cleanBylineSkipping(r, c.site.weak)
		names = append(names, ns...)
	}
	names = dedupeNames(names)
	var people []string
	for _, n := range names {
		if !c.site.weak(n) && (!c.shown || strings.IndexByte(n, ' ') > 0 || hasCJK(n)) {
			people = append(people, n)
		}
	}
	if len(people) == 0 && len(names) > 0 && c.fallback == nil {
		c.fallback = names
	}
	if len(people) == 0 {
		return nil
	}
	return names
}

// widen returns the byline the page shows next to the headline instead
// of ns from structured data when it names all of ns and more: schema
// data often lists only the first of several authors. (The links to
// author pages as the shown byline lost as much as they won: "View All".)
func (c *bylineChooser) widen(s *pageScan, ns []string) (string, []string) {
	if other := c.notEditor(s, ns); other != nil {
		return strings.Join(other, ", "), other
	}
	var shown []string
	for _, t := range shownBylineTexts(c.bylineRefs(s)) {
		if !mayNameMore(t, ns) {
			break // spares cleaning the shown byline on most pages
		}
		_, all := cleanByline(t)
		for _, n := range all {
			if !c.site.weak(n) {
				shown = append(shown, n)
			}
		}
	}
	if shown = dedupeNames(shown); len(shown) > len(ns) && containsNames(shown, ns) && extraArePeople(shown, ns) {
		ns = shown
	}
	return strings.Join(ns, ", "), ns
}

// extraArePeople reports whether every name of shown that ns lacks reads
// as a person's: two words or more, each capitalised. What follows a
// structured author in a shown byline is as often the author's job
// ("…, ACLU Speech, Privacy, and Technology Project") as a co-author.
func extraArePeople(shown, ns []string) bool {
	for _, n := range shown {
		if containsNames(ns, []string{n}) {
			continue
		}
		if hasCJK(n) {
			continue // written without spaces
		}
		words := strings.Fields(n)
		if len(words) < 2 {
			return false
		}
		for _, w := range words {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !nameParticles[w] {
				return false
			}
		}
	}
	return true
}

// reEditorLabel matches the label of an editor's credit.
var reEditorLabel = regexp.MustCompile(`(?i)^(?:editor|edited by|redakteur(?:in)?|redaktur|penyunting|redaksi|redacción|éditeur)\s*:?\s`)

// notEditor returns the author the page shows next to the headline when
// the page credits ns, from structured data, as the editor ("Editor :
// Heryadi"): sites put the editor in schema data as the author.
func (c *bylineChooser) notEditor(s *pageScan, ns []string) []string {
	var texts []string
	editor := -1
	for _, ref := range c.bylineRefs(s) {
		if len(texts) == maxEditorLook {
			break
		}
		if t := bylineElemText(ref); t != nil {
			if editor < 0 && reEditorLabel.MatchString(t[0]) {
				editor = len(texts)
			}
			texts = append(texts, t[0])
		}
	}
	if editor <= 0 { // no editor's credit, or nothing shown before it
		return nil
	}
	if _, ed := cleanByline(reEditorLabel.ReplaceAllString(texts[editor], "")); len(ed) != len(ns) || !containsNames(ed, ns) {
		return nil
	}
	for _, t := range texts[:editor] {
		if _, all := cleanByline(t); len(all) > 0 && !containsNames(ns, all) && !c.site.weak(all[0]) {
			return all
		}
	}
	return nil
}

// maxEditorLook bounds the byline elements notEditor reads.
const maxEditorLook = 8

// mayNameMore reports whether the shown byline t can name all of ns and
// more: it holds each name and is longer than them together.
func mayNameMore(t string, ns []string) bool {
	l, n := strings.ToLower(t), 0
	for _, name := range ns {
		if !strings.Contains(l, strings.ToLower(name)) {
			return false
		}
		n += len(name) + 2
	}
	return len(t) > n
}

// shownBylineTexts returns the text of the first byline element in refs.
func shownBylineTexts(refs []elemRef) []string {
	for _, ref := range refs {
		if t := bylineElemText(ref); t != nil {
			return t
		}
	}
	return nil
}

func containsNames(all, some []string) bool {
	have := make(map[string]bool, len(all))
	for _, n := range all {
		have[strings.ToLower(n)] = true
	}
	for _, n := range some {
		if !have[strings.ToLower(n)] {
			return false
		}
	}
	return true
}

// bylineElemText returns the text of a byline element as a source for
// try, or nil for elements that cannot hold the byline: long ones,
// picture credits, and controls ("Follow" buttons named after authors).
func bylineElemText(ref elemRef) []string {
	switch ref.n.Data {
	case "button", "input", "select", "option", "label", "form":
		return nil
	}
	if inFigure(ref.n) || containsASCIIFold(attrOf(ref.n, "class"), "follow") {
		return nil
	}
	t := metaSpacedText(ref.n, 400)
	if t == "" || len(t) > 200 || isBio(t) {
		return nil
	}
	return []string{t}
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

// isBio reports whether t is an author's biography (sentences) rather
// than a byline: "Alles über Lautsprecher und HiFi. Zudem haben wir
// Tipps." Abbreviations and times before digits ("Jan. 2015", "EDT. 51
// Comments") end no sentence.
func isBio(t string) bool {
	if strings.Count(t, " ") < 12 {
		return false
	}
	ends := 0
	if strings.HasSuffix(t, ".") {
		ends++
	}
	for i := strings.Index(t, ". "); i >= 0 && ends < 2; {
		if r, _ := utf8.DecodeRuneInString(t[i+2:]); unicode.IsUpper(r) {
			ends++
		}
		j := strings.Index(t[i+2:], ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return ends >= 2
}
