package declutter

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// pageScan holds every metadata candidate found in one walk over the page.
// Decisions are made afterwards from these candidates, so the tree is
// walked once whatever the number of sources.
type pageScan struct {
	lang, dir string
	base      string // <base href>
	titleTag  string
	canonical string
	metas     map[string][]string // lowercased name/property/itemprop/http-equiv -> contents, in order
	jsonLD    []string
	h1s       []elemRef
	headings  []elemRef // h2 and h3, at most maxHeadings
	times     []timeRef
	bylines   []elemRef
	authorRel []elemRef // <a rel=author>
	dateElems []elemRef // elements whose class says date/time
	micro     []microRef
	figures   []elemRef
	dateTexts []elemRef // short text nodes with digits, or long ones opening with a date: a date line without markup
	byTexts   []elemRef // short text nodes starting with a by-word: a byline without markup
	bodyStart int       // order of the first long paragraph after an h1: where the body starts
}

// elemRef is an element with its position in document order and whether
// it sits in a region that never holds the article's own metadata
// (comments, related items, sidebars, footers).
type elemRef struct {
	n     *html.Node
	order int
	noise bool
}

// timeRef is a <time> element or an element with a datetime attribute.
type timeRef struct {
	elemRef
	datetime string
	pubdate  bool
	prop     string // itemprop, e.g. datePublished
}

// microRef is an element carrying a schema.org itemprop we read.
type microRef struct {
	elemRef
	prop  string
	scope string // itemtype of the nearest itemscope ancestor, lowercased
}

var (
	// noiseWords name containers whose dates and names belong to someone
	// or something else than the article. Class names are matched by
	// substring on the lowercased class and id: cheaper than a regexp on
	// every element of the page.
	noiseWords = []string{"comment", "related", "sidebar", "recommend", "popular", "trending", "more-stories",
		"read-more", "readmore", "newsletter", "outbrain", "taboola", "replies"}
	// bylineWords name elements that hold the byline.
	bylineWords = []string{"byline", "author", "writer", "autor", "auteur", "reporter", "journalist", "verfasser",
		"contributor", "creator"}
	// dateWords name elements that hold the publication date.
	dateWords = []string{"date", "time", "publish", "posted", "datum", "fecha", "meta-info", "entry-meta",
		"post-meta", "article-meta", "dateline"}
)

// scanPage walks doc once and collects the metadata candidates. Elements
// in noise regions are kept only where a chooser looks at them: h1s and
// microdata; the other lists are only read through nearHeadline or with
// the same noise filter.
func scanPage(doc *html.Node) *pageScan {
	s := &pageScan{metas: make(map[string][]string, 64)}
	order := 0
	var walk func(n *html.Node, noise bool, scope string)
	walk = func(n *html.Node, noise bool, scope string) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && !noise {
				s.addDateText(c, order)
				s.addByText(c, order)
			}
			if c.Type != html.ElementNode {
				continue
			}
			order++
			cNoise, cScope := noise, scope
			e := s.elemInfo(c)
			if !cNoise && isNoiseRegion(c, e.size, e.mask) {
				cNoise = true
			}
			if e.itemscope {
				cScope = strings.ToLower(attrOf(c, "itemtype"))
			}
			if s.visit(c, order, cNoise, cScope, e) {
				walk(c, cNoise, cScope)
			}
		}
	}
	walk(doc, false, "")
	return s
}

// classAndID returns n's class and id, lowercased, for substring tests.
func classAndID(n *html.Node) string {
	var cls, id string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			cls = a.Val
		case "id":
			id = a.Val
		}
	}
	if id == "" {
		return strings.ToLower(cls)
	}
	return strings.ToLower(cls + " " + id)
}

// isNoiseRegion reports whether n is a noise region; size and mask are
// from its elemInfo.
func isNoiseRegion(n *html.Node, size int, mask uint8) bool {
	switch n.Data {
	case "nav":
		return true
	case "footer", "aside":
		// an article's own footer or meta column holds its byline and date
		return !insideArticle(n)
	case "body", "html", "main", "article", "h1":
		return false
	}
	if size < 4 || mask&classNoise == 0 {
		return false
	}
	toks := strings.Fields(classAndID(n))
	noise := false
	for _, tok := range toks {
		if layoutTokens[tok] {
			// "site-content content-area sidebar": a layout wrapper
			return false
		}
		if containsAnyOf(tok, noiseWords) && !reLayoutToken.MatchString(tok) && !reNotRegionToken.MatchString(tok) {
			noise = true
		}
	}
	return noise
}

// layoutTokens are class names of the page's main layout wrappers, which
// other class names on the same element ("sidebar") only describe.
var layoutTokens = map[string]bool{"main": true, "content": true, "content-area": true, "site-content": true,
	"container": true, "wrapper": true, "primary": true, "layout": true, "page": true, "site-main": true}

func insideArticle(n *html.Node) bool {
	for p, i := n.Parent, 0; p != nil && i < 12; p, i = p.Parent, i+1 {
		if p.Data == "article" || p.Data == "main" || attrOf(p, "itemprop") == "articleBody" {
			return true
		}
	}
	return false
}

// reLayoutToken matches class names that describe a page layout ("has-
// sidebar", "content-sidebar", "comments-open", "layoutTwoColumnsRight-
// Sidebar", lowercased) rather than a region.
var reLayoutToken = regexp.MustCompile(`^(?:has|no|with|without|content|show|hide|is|enable|disable|layout|page|site|one|two|three|left|right)[-_]|^layout|[-_](?:open|closed|enabled|disabled|layout|count)$`)

// reNotRegionToken matches class names with a noise word that name no
// region: a layout that has a sidebar ("with-sidebar", "wsidebar",
// "hasrightsidebar", "sidebar-on", "two-col-sidebar", the Theia sticky
// sidebar wrapper put on both columns), WordPress's post classes for the
// post's categories and tags ("category-popular"), an opinion piece
// ("commentary").
var reNotRegionToken = regexp.MustCompile(`(?:with|has|[-_]w)[-_]?(?:right|left)?[-_]?sidebar|sidebar[-_](?:on|off|included|postition|position)(?:$|[-_])|(?:col|one|for)[-_]sidebar|^theiastickysidebar$|^(?:category|tag)-|^commentary$`)

// authorPaths are the URL path parts of author pages, in the languages of
// common CMSs.
var authorPaths = []string{"/author/", "/authors/", "/profile/", "/profiles/", "/autor/", "/autoren/", "/auteur/",
	"/autore/", "/people/", "/staff/", "/contributor/", "/contributors/", "/writer/", "/writers/", "/journalist/",
	"/journalisten/", "/reporter/", "/redakteur/", "/by/"}

// containsAnyOf reports whether s contains any of subs.
func containsAnyOf(s string, subs []string) bool {
	for _, w := range subs {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// visit records c's candidates and reports whether to descend into it;
// e is c's elemInfo.
func (s *pageScan) visit(c *html.Node, order int, noise bool, scope string, e elemInfo) bool {
	ref := elemRef{n: c, order: order, noise: noise}
	switch c.Data {
	case "html":
		s.lang, s.dir = attrOf(c, "lang"), attrOf(c, "dir")
		if s.lang == "" {
			s.lang = attrOf(c, "xml:lang")
		}
	case "base":
		if s.base == "" {
			s.base = attrOf(c, "href")
		}
	case "title":
		if s.titleTag == "" && c.Parent != nil && c.Parent.Data != "svg" {
			s.titleTag = metaNodeText(c, 2000)
		}
		return false
	case "meta":
		s.addMeta(c)
	case "link":
		s.addLink(c)
	case "script":
		if strings.Contains(strings.ToLower(attrOf(c, "type")), "ld+json") && c.FirstChild != nil {
			s.jsonLD = append(s.jsonLD, c.FirstChild.Data)
		}
		return false
	case "style", "template", "noscript", "svg":
		return false
	case "h1":
		s.h1s = append(s.h1s, ref)
	case "h2", "h3":
		if !noise && len(s.headings) < maxHeadings {
			s.headings = append(s.headings, ref)
		}
	case "time":
		if !noise {
			s.times = append(s.times, timeRef{elemRef: ref, datetime: attrOf(c, "datetime"),
				pubdate: hasNodeAttr(c, "pubdate"), prop: e.itemprop})
		}
	case "figure":
		if !noise {
			s.figures = append(s.figures, ref)
		}
	case "p":
		if s.bodyStart == 0 && len(s.h1s) > 0 && !noise && len(metaNodeText(c, 200)) >= minBodyParagraph {
			s.bodyStart = order
		}
	case "a":
		if !noise && (containsASCIIFold(attrOf(c, "rel"), "author") || isAuthorHref(attrOf(c, "href"))) {
			s.authorRel = append(s.authorRel, ref)
		}
	}
	if e.itemprop != "" && c.Data != "meta" {
		s.addMicro(ref, e.itemprop, scope)
	}
	if noise {
		return true
	}
	if e.datetime && c.Data != "time" && c.Data != "meta" {
		s.times = append(s.times, timeRef{elemRef: ref, datetime: attrOf(c, "datetime")})
	}
	if e.size > 2 && c.Data != "body" && c.Data != "html" && c.Data != "article" && c.Data != "main" {
		if e.mask&classByline != 0 || containsASCIIFold(attrOf(c, "rel"), "author") {
			s.bylines = append(s.bylines, ref)
		}
		if e.mask&classDate != 0 {
			s.dateElems = append(s.dateElems, ref)
		}
	}
	return true
}

// minBodyParagraph is the length from which a paragraph is body text.
const minBodyParagraph = 120

// maxHeadings bounds the h2/h3 kept as title candidates.
const maxHeadings = 12

// maxDateTexts bounds the short dated text nodes kept per page.
const maxDateTexts = 400

// addDateText keeps a short text node that may be a date line ("10.
// September 2017", "Posted on March 3, 2019"): a digit run of four.
func (s *pageScan) addDateText(c *html.Node, order int) {
	// the tests that need not read the text come first: most text nodes
	// are short white space or link text
	if len(c.Data) < 6 || len(s.dateTexts) >= maxDateTexts {
		return
	}
	if p := c.Parent; p != nil && (p.Data == "script" || p.Data == "style" || p.Data == "a" || p.Data == "option") {
		return
	}
	if t := strings.TrimSpace(c.Data); len(t) < 6 || (len(t) > 80 && !leadsWithDate(t)) || !hasYearDigits(t) {
		return
	}
	s.dateTexts = append(s.dateTexts, elemRef{n: c, order: order})
}

// leadsWithDate reports whether a long text may open with a date, as a
// paragraph that starts with its dateline ("27.1.2022 - Bei der ...").
func leadsWithDate(t string) bool {
	return t[0] >= '0' && t[0] <= '9' && hasYearDigits(t[:12])
}

func hasYearDigits(t string) bool {
	run := 0
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func (s *pageScan) addMeta(c *html.Node) {
	content, ok := "", false
	for _, a := range c.Attr {
		if a.Key == "content" {
			content, ok = a.Val, true
		}
	}
	if !ok {
		if v := attrOf(c, "value"); v != "" {
			content = v
		} else if v := attrOf(c, "datetime"); v != "" {
			content = v
		} else {
			return
		}
	}
	for _, k := range [...]string{"property", "name", "itemprop", "http-equiv"} {
		key := attrOf(c, k)
		if key == "" {
			continue
		}
		// one attribute may hold several space-separated keys (RDFa);
		// lowercasing each field is lowercasing the whole, and FieldsSeq
		// spares the slice Fields would allocate on every <meta>
		for f := range strings.FieldsSeq(key) {
			f = strings.ToLower(f)
			s.metas[f] = append(s.metas[f], content)
		}
	}
}

func (s *pageScan) addLink(c *html.Node) {
	// lowercasing each field is lowercasing the whole; FieldsSeq spares
	// the slice Fields would allocate on every <link>
	for r := range strings.FieldsSeq(attrOf(c, "rel")) {
		switch strings.ToLower(r) {
		case "canonical":
			if s.canonical == "" {
				s.canonical = attrOf(c, "href")
			}
		case "image_src":
			s.metas["link:image_src"] = append(s.metas["link:image_src"], attrOf(c, "href"))
		case "author":
			if h := attrOf(c, "href"); h != "" && !strings.HasPrefix(h, "http") {
				s.metas["link:author"] = append(s.metas["link:author"], h)
			}
		}
	}
}

func (s *pageScan) addMicro(ref elemRef, prop, scope string) {
	for _, p := range strings.Fields(strings.ToLower(prop)) {
		switch p {
		case "datepublished", "datecreated", "datemodified", "author", "creator", "headline", "name":
			s.micro = append(s.micro, microRef{elemRef: ref, prop: p, scope: scope})
		}
	}
}

// meta returns the first non-empty content of the first key that has one.
func (s *pageScan) meta(keys ...string) string {
	for _, k := range keys {
		for _, v := range s.metas[k] {
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// mainH1 returns the page's headline element: the first h1 outside noise
// regions, else the first h1.
func (s *pageScan) mainH1() (elemRef, bool) {
	for _, h := range s.h1s {
		if !h.noise {
			return h, true
		}
	}
	if len(s.h1s) > 0 {
		return s.h1s[0], true
	}
	return elemRef{}, false
}
