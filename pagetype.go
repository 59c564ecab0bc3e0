package declutter

import (
	"bytes"
	"math"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PageType is what kind of page a page is, decided once per page from the
// evidence any page offers: schema.org types, og:type, the generator, the
// URL's shape and the page's structure. Extract's body is meant for
// articles; on other pages it is the main column's text.
type PageType string

// The page types.
const (
	PageArticle       PageType = "article"       // a news story, blog post, essay, guide
	PageForum         PageType = "forum"         // a thread of posts by several people: a forum topic, Q&A
	PageProduct       PageType = "product"       // one product for sale, with its price and details
	PageCollection    PageType = "collection"    // a shop's category or search page: product cards with prices
	PageListing       PageType = "listing"       // a front page, section, tag or archive: teasers of other pages
	PageDocumentation PageType = "documentation" // a manual or reference page, often with code and a navigation tree
	PageService       PageType = "service"       // what an organisation offers: a company, product or service landing page
	PageOther         PageType = "other"         // nothing to go on
)

// pageTypes is the order of the classifier's scores, as the pt constants
// number them.
var pageTypes = [...]PageType{ptArticle: PageArticle, ptForum: PageForum, ptProduct: PageProduct,
	ptCollection: PageCollection, ptListing: PageListing, ptDocumentation: PageDocumentation, ptService: PageService}

const (
	ptArticle = iota
	ptForum
	ptProduct
	ptCollection
	ptListing
	ptDocumentation
	ptService
)

// ClassifyPage tells what kind of page doc is. pageURL is the page's
// address and may be empty. doc is not modified. Extract sets
// Article.PageType the same way; ClassifyPage also serves pages Extract
// refuses with ErrNoContent (a shop's category page, a list of links).
func ClassifyPage(doc *html.Node, pageURL string) PageType {
	u, _ := url.Parse(pageURL)
	return classifyPage(doc, u)
}

// classifyPage reads the evidence from doc, which it does not modify, and
// scores every type with the linear model in pagetype_model.go.
func classifyPage(doc *html.Node, u *url.URL) PageType {
	if doc == nil {
		return PageOther
	}
	f := pageFeatures(doc, u)
	if f[ftText] == 0 && f[ftAnyStructured] == 0 {
		return PageOther
	}
	return pageTypes[decidePageType(&pageTypeModel, &f)]
}

// decidePageType returns the index in pageTypes of the page's type: the
// type a page declares in terms that admit one reading (a forum engine,
// schema.org's DiscussionForumPosting or QAPage, TechArticle or
// APIReference), else the linear model's best score.
func decidePageType(model *[len(pageTypes)][numPageFeatures + 1]float64, f *pageEvidence) int {
	switch {
	case f[ftGenForum] > 0, f[ftLDForumStrong] > 0 && f[ftLDProduct] == 0:
		return ptForum
	case f[ftLDDocs] > 0 && f[ftLDProduct] == 0:
		return ptDocumentation
	case f[ftLDArticle] > 0 && f[ftOGArticle] > 0 && f[ftPublished] > 0 && f[ftLDProduct] == 0 && f[ftURLDepth] >= math.Log1p(2):
		return ptArticle
	}
	best, bestScore := 0, math.Inf(-1)
	for i := range pageTypes {
		s := model[i][0]
		for j, v := range f {
			s += model[i][j+1] * v
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// The features, in the order of pageTypeModel's columns (after the bias).
// Counts are log(1+n); the rest are 0 or 1.
const (
	// URL shape
	ftURLRoot = iota // the site's front page
	ftURLDepth
	ftURLDate // /2025/09/ or a date in the slug
	ftURLSlugWords
	ftURLDigits // a long run of digits: an item or thread id
	ftURLArticle
	ftURLDocs
	ftURLForum
	ftURLProduct
	ftURLCollection
	ftURLListing
	ftURLService
	ftURLHTML // ends in .html, .htm, .php, .aspx

	// declared types: JSON-LD and microdata
	ftLDArticle
	ftLDForum
	ftLDProduct
	ftLDOffer
	ftLDList
	ftLDDocs
	ftLDService
	ftLDOrg
	ftLDFAQ
	ftLDPerson
	ftLDBreadcrumb
	ftLDWebPage
	ftMicroProduct
	ftMicroOffer
	ftMicroArticle
	ftMicroForum
	ftAnyStructured

	// og:type and generator
	ftOGArticle
	ftOGProduct
	ftOGWebsite
	ftGenForum
	ftGenDocs
	ftGenShop
	ftGenBlog

	// template classes on <html> and <body>
	ftTplArticle
	ftTplProduct
	ftTplCollection
	ftTplListing
	ftTplPage
	ftTplHome

	// structure
	ftText
	ftParagraphText
	ftLongParagraphs
	ftLinkShare
	ftPre
	ftCodeText
	ftArticleElems
	ftTimes
	ftHeadings
	ftLinkedHeadings
	ftPrices
	ftCart
	ftPriceClasses
	ftProductClasses
	ftPostClasses
	ftAuthorMarks
	ftNavLinks
	ftForms
	ftImages
	ftH1
	ftCTA
	ftSidebarTree
	ftTables
	ftPublished
	ftAuthorMeta
	ftLinkedHeadingShare
	ftTeasers
	ftCommentClasses
	ftBreadcrumbs
	ftTel
	ftMailto
	ftWeShare
	ftYouShare
	ftReadTime
	ftThreadWords
	ftManyTimes
	ftManyPrices
	ftFewPrices
	ftManyLinkedHeadings
	ftManyArticles
	ftTitleArticle
	ftTitleService
	ftTitleShop
	ftTitleForum
	ftTitleDocs
	ftTitleListing
	ftLDForumStrong
	ftProseRun
	ftProseShare
	ftQuantity
	ftSelects
	ftOneCart
	ftManyCarts
	ftOneLDProduct
	ftManyLDProducts

	numPageFeatures
)

// pageFeatureNames name the features for the fitting test's report.
var pageFeatureNames = [numPageFeatures]string{
	"url-root", "url-depth", "url-date", "url-slug-words", "url-digits", "url-article", "url-docs", "url-forum",
	"url-product", "url-collection", "url-listing", "url-service", "url-html",
	"ld-article", "ld-forum", "ld-product", "ld-offer", "ld-list", "ld-docs", "ld-service", "ld-org", "ld-faq",
	"ld-person", "ld-breadcrumb", "ld-webpage", "micro-product", "micro-offer", "micro-article", "micro-forum",
	"any-structured",
	"og-article", "og-product", "og-website", "gen-forum", "gen-docs", "gen-shop", "gen-blog",
	"tpl-article", "tpl-product", "tpl-collection", "tpl-listing", "tpl-page", "tpl-home",
	"text", "paragraph-text", "long-paragraphs", "link-share", "pre", "code-text", "article-elems", "times",
	"headings", "linked-headings", "prices", "cart", "price-classes", "product-classes", "post-classes",
	"author-marks", "nav-links", "forms", "images", "h1", "cta", "sidebar-tree", "tables",
	"published", "author-meta", "linked-heading-share", "teasers", "comment-classes", "breadcrumbs",
	"tel", "mailto", "we-share", "you-share", "read-time", "thread-words", "many-times", "many-prices",
	"few-prices", "many-linked-headings", "many-articles",
	"title-article", "title-service", "title-shop", "title-forum", "title-docs", "title-listing",
	"ld-forum-strong", "prose-run", "prose-share", "quantity", "selects", "one-cart", "many-carts",
	"one-ld-product", "many-ld-products",
}

type pageEvidence [numPageFeatures]float64

// pageFeatures reads the evidence in one walk of doc.
func pageFeatures(doc *html.Node, u *url.URL) pageEvidence {
	var f pageEvidence
	urlFeatures(&f, u)
	w := &ptWalk{f: &f}
	w.walk(doc, 0)
	for i, c := range w.n {
		if c > 0 {
			f[i] = math.Log1p(float64(c))
		}
	}
	f[ftText] = math.Log1p(float64(w.text) / 100)
	f[ftParagraphText] = math.Log1p(float64(w.pText) / 100)
	f[ftCodeText] = math.Log1p(float64(w.codeText) / 100)
	if w.text > 0 {
		f[ftLinkShare] = float64(w.linkText) / float64(w.text)
	}
	if w.n[ftHeadings] > 0 {
		f[ftLinkedHeadingShare] = float64(w.n[ftLinkedHeadings]) / float64(w.n[ftHeadings])
	}
	if w.pWords > 0 {
		f[ftWeShare] = 10 * float64(w.we) / float64(w.pWords)
		f[ftYouShare] = 10 * float64(w.you) / float64(w.pWords)
	}
	f[ftManyTimes] = step(w.n[ftTimes] >= 5)
	f[ftManyPrices] = step(w.n[ftPrices] >= 6)
	f[ftFewPrices] = step(w.n[ftPrices] >= 1 && w.n[ftPrices] <= 4)
	f[ftManyLinkedHeadings] = step(w.n[ftLinkedHeadings] >= 10)
	f[ftManyArticles] = step(w.n[ftArticleElems] >= 4)
	f[ftOneCart] = step(w.n[ftCart] == 1)
	f[ftManyCarts] = step(w.n[ftCart] >= 4)
	f[ftOneLDProduct] = step(w.n[ftLDProduct] == 1)
	f[ftManyLDProducts] = step(w.n[ftLDProduct] >= 3)
	f[ftProseRun] = math.Log1p(float64(w.proseRun) / 100)
	if w.text > 0 {
		f[ftProseShare] = float64(w.proseRun) / float64(w.text)
	}
	f[ftPublished] = min(f[ftPublished], 1)
	f[ftAuthorMeta] = min(f[ftAuthorMeta], 1)
	for _, i := range []int{ftLDArticle, ftLDForum, ftLDProduct, ftLDOffer, ftLDList, ftLDDocs, ftLDService, ftLDOrg,
		ftLDFAQ, ftLDWebPage, ftMicroProduct, ftMicroOffer, ftMicroArticle, ftMicroForum, ftOGArticle, ftOGProduct,
		ftGenForum, ftGenDocs, ftGenShop} {
		if f[i] > 0 {
			f[ftAnyStructured] = 1
		}
	}
	return f
}

// urlFeatures reads the URL's shape.
func urlFeatures(f *pageEvidence, u *url.URL) {
	if u == nil || u.Host == "" && u.Path == "" {
		// Unknown: not the front page a bare path would say, but a page
		// of typical depth and slug, so that only the page itself speaks.
		f[ftURLDepth], f[ftURLSlugWords] = math.Log1p(2), math.Log1p(4)
		return
	}
	host := strings.ToLower(u.Hostname())
	path := strings.ToLower(u.EscapedPath())
	segs := strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
	if len(segs) == 0 {
		f[ftURLRoot] = 1
	}
	f[ftURLDepth] = math.Log1p(float64(len(segs)))
	for _, p := range []string{"docs.", "doc.", "developer.", "developers.", "wiki.", "learn.", "devdocs.", "api."} {
		if strings.HasPrefix(host, p) || strings.Contains(host, "."+p) {
			f[ftURLDocs] = 1
		}
	}
	for _, p := range []string{"forum.", "forums.", "community.", "discuss.", "discussion.", "discourse.", "answers.", "boards.", "bbs."} {
		if strings.HasPrefix(host, p) || strings.Contains(host, "."+p) {
			f[ftURLForum] = 1
		}
	}
	if strings.HasPrefix(host, "shop.") || strings.HasPrefix(host, "store.") {
		f[ftURLCollection] = math.Max(f[ftURLCollection], 0.5)
	}
	digits := 0
	for i, s := range segs {
		last := i == len(segs)-1
		if n := runOfDigits(s); n > digits {
			digits = n
		}
		if i+1 < len(segs) && isYear(s) {
			f[ftURLDate] = 1
		}
		switch s {
		case "docs", "doc", "documentation", "manual", "reference", "api", "apis", "guide", "guides", "handbook",
			"tutorial", "tutorials", "library", "wiki", "howto", "sdk", "man", "usersguide", "kb":
			f[ftURLDocs] = 1
		case "forum", "forums", "community", "threads", "thread", "t", "topic", "questions", "question", "discussion",
			"discussions", "comments", "showtopic", "viewtopic.php", "showthread.php", "post", "r", "board", "boards":
			f[ftURLForum] = 1
		case "product", "products", "p", "dp", "item", "itm", "ip", "app", "gp", "pd", "sku", "buy":
			if !last || s == "p" {
				f[ftURLProduct] = 1
			}
		case "collections", "collection", "category", "categories", "c", "shop", "browse", "catalog", "catalogue",
			"b", "department", "departments", "product-category", "s", "search", "genre", "store", "catpage":
			f[ftURLCollection] = 1
		case "tag", "tags", "section", "sections", "hub", "list", "lists", "archive", "archives", "topics", "latest",
			"jobs", "directory", "feed", "page", "author", "authors", "podcasts", "shows", "events":
			f[ftURLListing] = 1
		case "blog", "blogs", "news", "article", "articles", "story", "stories", "posts", "insights", "magazine",
			"opinion", "features", "learn-more", "resources":
			if !last {
				f[ftURLArticle] = 1
			} else {
				f[ftURLListing] = 1
			}
		case "services", "service", "solutions", "solution", "pricing", "platform", "about", "about-us", "contact",
			"plans", "features-and-pricing", "enterprise", "business", "consulting", "company", "pages", "industries":
			f[ftURLService] = 1
		}
		if last {
			words := strings.Count(s, "-") + strings.Count(s, "_")
			if words > 0 {
				words++
			}
			f[ftURLSlugWords] = math.Log1p(float64(words))
			for _, ext := range []string{".html", ".htm", ".php", ".aspx", ".asp", ".shtml"} {
				if strings.HasSuffix(s, ext) {
					f[ftURLHTML] = 1
				}
			}
		}
	}
	if digits >= 5 {
		f[ftURLDigits] = 1
	}
}

func step(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func runOfDigits(s string) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && runOfDigits(s) == 4
}

// ptWalk gathers the structural evidence.
type ptWalk struct {
	f                               *pageEvidence
	n                               [numPageFeatures]int // counts, turned into features at the end
	text, linkText, pText, codeText int                  // bytes of text
	pWords, we, you                 int                  // paragraph words, and how many are we/our/us and you/your
	buf                             []byte               // scratch for lowered text
	proseRun                        int                  // the most paragraph text under one parent: the story's column
}

func (w *ptWalk) walk(n *html.Node, ctx uint8) {
	run := 0 // paragraph text among n's children
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.addText(c.Data, ctx)
			continue
		case html.ElementNode:
		default:
			continue
		}
		cctx := ctx
		switch c.DataAtom {
		case atom.Script:
			w.script(c)
			continue
		case atom.Style, atom.Template, atom.Noscript:
			continue
		case atom.Svg:
			cctx |= inSVG
		case atom.Meta:
			w.meta(c)
		case atom.Html, atom.Body:
			w.templateClasses(c)
		case atom.Title:
			if ctx&inSVG == 0 && c.FirstChild != nil {
				w.title(c.FirstChild.Data)
			}
			continue
		case atom.A:
			cctx |= inLink
		case atom.P:
			cctx |= inPara
			t := textLen(c)
			if t >= 200 {
				w.n[ftLongParagraphs]++
			}
			if ctx&(inNav|inLink) == 0 {
				run += t
			}
		case atom.Pre:
			w.n[ftPre]++
			cctx |= inCode
		case atom.Code:
			if ctx&inCode == 0 {
				cctx |= inCode
			}
		case atom.Article:
			w.n[ftArticleElems]++
		case atom.Time:
			w.n[ftTimes]++
		case atom.H1:
			w.n[ftH1]++
		case atom.H2, atom.H3, atom.H4:
			w.n[ftHeadings]++
			if hasChildElem(c, atom.A) {
				w.n[ftLinkedHeadings]++
			}
		case atom.Nav, atom.Aside:
			cctx |= inNav
		case atom.Form:
			w.n[ftForms]++
		case atom.Img:
			w.n[ftImages]++
		case atom.Table:
			w.n[ftTables]++
		case atom.Ul, atom.Ol:
			if ctx&inNav != 0 && ctx&inList != 0 {
				w.n[ftSidebarTree]++
			}
			cctx |= inList
		case atom.Button, atom.Input:
			w.button(c)
			if c.DataAtom == atom.Input {
				if nm := strings.ToLower(attrOf(c, "name") + " " + attrOf(c, "id")); strings.Contains(nm, "quantity") || strings.Contains(nm, "qty") {
					w.n[ftQuantity]++
				}
			}
		case atom.Select:
			w.n[ftSelects]++
		}
		if c.DataAtom == atom.A && ctx&inNav != 0 {
			w.n[ftNavLinks]++
		}
		if c.DataAtom == atom.A {
			w.button(c)
		}
		w.attrs(c)
		w.walk(c, cctx)
	}
	w.proseRun = max(w.proseRun, run)
}

const (
	inLink uint8 = 1 << iota
	inPara
	inCode
	inNav
	inList
	inSVG
)

// titleWords are words of a <title> that say what a page is: wording that
// holds across sites, in English, the language of most of the web.
var titleWords = []struct {
	ft    int
	words []string
}{
	{ftTitleArticle, []string{"how to", "what is", "what are", "why ", "guide", "tips", "best ", " vs", "ways to", "explained", "review", "things", "ideas", "trends", " 2024", " 2025", " 2026", "?"}},
	{ftTitleService, []string{"services", "service", "company", "agency", "consult", "solution", "software", "platform", "near me", "lawyer", "attorney", "contractor", "repair", "official", "free trial", "pricing", "calculator", "insurance", "program", "certificate", "course", "plans", "tools", "near you", "hire", "experts"}},
	{ftTitleShop, []string{"shop", "buy ", "sale", "store", "collection", "price", "free shipping"}},
	{ftTitleForum, []string{"forum", "community", "thread", "discussion", "question", "reddit", "stack overflow", "help"}},
	{ftTitleDocs, []string{"documentation", "docs", "reference", "api", "manual", "tutorial", "handbook", "developer", "sdk", "function", "module", "library"}},
	{ftTitleListing, []string{"news", "latest", "archive", "jobs", "list of", "category", "topics", "podcasts", "recipes", "rankings", "trending", "directory", "home"}},
}

func textLen(n *html.Node) int {
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t += len(strings.TrimSpace(c.Data))
		case html.ElementNode:
			if c.DataAtom != atom.Script && c.DataAtom != atom.Style {
				t += textLen(c)
			}
		}
	}
	return t
}

func hasChildElem(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || hasChildElem(c, a)) {
			return true
		}
	}
	return false
}

func (w *ptWalk) addText(s string, ctx uint8) {
	t := len(strings.TrimSpace(s))
	if t == 0 {
		return
	}
	w.text += t
	if ctx&inLink != 0 {
		w.linkText += t
	}
	if ctx&inPara != 0 {
		w.pText += t
		w.countWords(s)
	}
	if ctx&inCode != 0 {
		w.codeText += t
	}
	if t <= 40 {
		if looksLikePrice(s) {
			w.n[ftPrices]++
		}
		w.buf = appendLowerASCII(w.buf[:0], s)
		if containsAnyBytes(w.buf, "min read", "minute read", "mins read") {
			w.n[ftReadTime]++
		}
		if containsAnyBytes(w.buf, "replies", "reply", "joined", "posts:", "messages:", "quote", "solved", "upvote", "votes") {
			w.n[ftThreadWords]++
		}
	}
}

// countWords counts the words of a paragraph's text, and among them the
// first person plural (a business about itself) and the second person
// (a page speaking to its customer).
func (w *ptWalk) countWords(s string) {
	var buf [6]byte
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		w.pWords++
		if j-i <= len(buf) {
			word := buf[:j-i]
			for k := range word {
				word[k] = lowerASCII(s[i+k])
			}
			switch string(word) {
			case "we", "our", "us", "we're", "we've", "ours":
				w.we++
			case "you", "your", "you'll", "you're", "yours":
				w.you++
			}
		}
		i = j
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || c == '\''
}

// looksLikePrice reports whether a short text is a price: a currency sign
// or code next to a number.
func looksLikePrice(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	s = strings.ToLower(s)
	for _, cur := range []string{"$", "€", "£", "¥", "₹", "usd", "eur", "gbp", "kr", "zł", "chf"} {
		i := strings.Index(s, cur)
		if i < 0 {
			continue
		}
		before, after := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(cur):])
		if startsWithDigit(after) || endsWithDigit(before) {
			return true
		}
	}
	return false
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
func endsWithDigit(s string) bool   { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

// title reads the words of the page's <title>.
func (w *ptWalk) title(s string) {
	s = " " + strings.ToLower(s) + " "
	for _, g := range titleWords {
		for _, word := range g.words {
			if strings.Contains(s, word) {
				w.f[g.ft] = 1
				break
			}
		}
	}
}

// meta reads og:type and the generator.
func (w *ptWalk) meta(n *html.Node) {
	key := strings.ToLower(attrOf(n, "property") + attrOf(n, "name"))
	val := strings.ToLower(attrOf(n, "content"))
	switch key {
	case "og:type":
		switch {
		case strings.Contains(val, "article"), val == "blog", strings.Contains(val, "news"):
			w.f[ftOGArticle] = 1
		case strings.Contains(val, "product"):
			w.f[ftOGProduct] = 1
		case val == "website":
			w.f[ftOGWebsite] = 1
		}
	case "generator":
		w.generator(val)
	case "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dcterms.created",
		"parsely-pub-date", "sailthru.date", "article.published", "publish-date", "og:article:published_time":
		w.n[ftPublished]++
	case "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl":
		w.n[ftAuthorMeta]++
	}
}

func (w *ptWalk) generator(val string) {
	for _, g := range []struct {
		words []string
		ft    int
	}{
		{[]string{"discourse", "phpbb", "vbulletin", "xenforo", "invision", "mybb", "smf", "simple machines", "nodebb", "flarum", "vanilla", "lemmy", "khoros", "lithium"}, ftGenForum},
		{[]string{"docusaurus", "mkdocs", "sphinx", "gitbook", "readthedocs", "read the docs", "docsy", "hugo-book", "vuepress", "vitepress", "nextra", "mintlify", "jekyll just-the-docs", "starlight", "antora", "docfx", "mediawiki", "confluence", "rustdoc", "javadoc", "doxygen"}, ftGenDocs},
		{[]string{"shopify", "woocommerce", "magento", "prestashop", "bigcommerce", "opencart", "shopware", "oxid", "salesforce commerce", "ecwid", "squarespace commerce"}, ftGenShop},
		{[]string{"wordpress", "ghost", "blogger", "medium", "substack", "hugo", "jekyll", "drupal", "joomla", "typo3", "arc publishing"}, ftGenBlog},
	} {
		for _, word := range g.words {
			if strings.Contains(val, word) {
				w.f[g.ft] = 1
				return
			}
		}
	}
}

// templateClasses reads the page template a CMS names on <html> or <body>:
// WordPress's single-post and archive, Shopify's template-product.
func (w *ptWalk) templateClasses(n *html.Node) {
	for _, tok := range strings.Fields(strings.ToLower(attrOf(n, "class"))) {
		switch {
		case tok == "single-post", tok == "single-format-standard", tok == "template-article", tok == "post-template-default",
			tok == "blog-post", tok == "article-template", strings.HasPrefix(tok, "postid-"), tok == "template-blog-post":
			w.f[ftTplArticle] = 1
		case tok == "single-product", tok == "template-product", tok == "product-template", tok == "catalog-product-view",
			tok == "product-page", tok == "page-product", strings.HasPrefix(tok, "product-template-"):
			w.f[ftTplProduct] = 1
		case tok == "template-collection", tok == "collection-template", tok == "catalog-category-view", tok == "tax-product_cat",
			tok == "post-type-archive-product", tok == "woocommerce-shop", tok == "page-category", tok == "category-page", tok == "template-search":
			w.f[ftTplCollection] = 1
		case tok == "archive", tok == "category", tok == "tag", tok == "blog", tok == "template-blog", tok == "search-results", tok == "author":
			w.f[ftTplListing] = 1
		case tok == "page-template-default", tok == "template-page", strings.HasPrefix(tok, "page-id-"), tok == "page-template":
			w.f[ftTplPage] = 1
		case tok == "home", tok == "front-page", tok == "template-index", tok == "homepage", tok == "page-home":
			w.f[ftTplHome] = 1
		}
	}
}

// button counts add-to-cart controls and calls to action.
func (w *ptWalk) button(n *html.Node) {
	w.buf = w.buf[:0]
	w.appendText(n, 60)
	t := bytes.TrimSpace(w.buf)
	if len(t) == 0 && n.DataAtom == atom.Input {
		w.buf = appendLowerASCII(w.buf[:0], attrOf(n, "value"))
		t = w.buf
	}
	if len(t) == 0 || len(t) > 40 {
		return
	}
	switch {
	case containsAnyBytes(t, "add to cart", "add to bag", "add to basket", "buy now", "in den warenkorb", "ajouter au panier", "add to trolley", "pre-order", "preorder"):
		w.n[ftCart]++
	case containsAnyBytes(t, "get started", "request a demo", "book a demo", "get a demo", "free trial", "contact us", "get a quote", "talk to sales",
		"contact sales", "sign up free", "start free", "try it free", "schedule a", "book a call", "book now", "request a quote", "free consultation"):
		w.n[ftCTA]++
	}
}

// appendText appends n's text, lowered (ASCII), to w.buf until it holds
// more than limit bytes.
func (w *ptWalk) appendText(n *html.Node, limit int) {
	for c := n.FirstChild; c != nil && len(w.buf) <= limit; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			d := c.Data
			if room := limit + 1 - len(w.buf); len(d) > room {
				d = d[:room]
			}
			w.buf = appendLowerASCII(w.buf, d)
		case html.ElementNode:
			w.appendText(c, limit)
		}
	}
}

func appendLowerASCII(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b = append(b, lowerASCII(s[i]))
	}
	return b
}

func containsAnyBytes(b []byte, pats ...string) bool {
	for _, p := range pats {
		if bytes.Contains(b, []byte(p)) {
			return true
		}
	}
	return false
}

// attrs reads microdata types and the class names of cards and posts.
func (w *ptWalk) attrs(n *html.Node) {
	for _, a := range n.Attr {
		switch a.Key {
		case "itemtype":
			t := strings.ToLower(a.Val)
			switch {
			case strings.HasSuffix(t, "/product"), strings.HasSuffix(t, "/productgroup"):
				w.n[ftMicroProduct]++
			case strings.HasSuffix(t, "/offer"), strings.HasSuffix(t, "/aggregateoffer"):
				w.n[ftMicroOffer]++
			case strings.HasSuffix(t, "article"), strings.HasSuffix(t, "/blogposting"):
				w.n[ftMicroArticle]++
			case strings.HasSuffix(t, "/discussionforumposting"), strings.HasSuffix(t, "/question"), strings.HasSuffix(t, "/answer"), strings.HasSuffix(t, "/comment"):
				w.n[ftMicroForum]++
			}
		case "itemprop":
			switch strings.ToLower(a.Val) {
			case "price", "lowprice":
				w.n[ftPriceClasses]++
			case "author", "creator":
				w.n[ftAuthorMarks]++
			case "datepublished":
				w.n[ftPublished]++
			}
		case "rel":
			if strings.EqualFold(a.Val, "author") {
				w.n[ftAuthorMeta]++
			}
		case "href":
			switch {
			case strings.HasPrefix(a.Val, "tel:"):
				w.n[ftTel]++
			case strings.HasPrefix(a.Val, "mailto:"):
				w.n[ftMailto]++
			}
		case "class":
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "price") {
				w.n[ftPriceClasses]++
			}
			if strings.Contains(v, "product") {
				w.n[ftProductClasses]++
			}
			for _, p := range []string{"post-body", "postbody", "message-body", "post-content", "topic-body", "cooked", "post_message", "comment-body", "answer", "reply", "message-content"} {
				if strings.Contains(v, p) {
					w.n[ftPostClasses]++
					break
				}
			}
			for _, p := range []string{"username", "user-name", "author", "poster", "avatar"} {
				if strings.Contains(v, p) {
					w.n[ftAuthorMarks]++
					break
				}
			}
			for _, p := range []string{"card", "teaser", "tile", "promo", "listing", "grid-item"} {
				if strings.Contains(v, p) {
					w.n[ftTeasers]++
					break
				}
			}
			if strings.Contains(v, "comment") {
				w.n[ftCommentClasses]++
			}
			if strings.Contains(v, "breadcrumb") {
				w.n[ftBreadcrumbs]++
			}
		}
	}
}

// script reads the schema.org types of an ld+json script, nested ones
// included (an ItemList's products, a product's offers), with a scan for
// "@type" rather than a parse: only the types and their number matter.
func (w *ptWalk) script(n *html.Node) {
	if !strings.EqualFold(strings.TrimSpace(attrOf(n, "type")), "application/ld+json") || n.FirstChild == nil {
		return
	}
	src := n.FirstChild.Data
	if strings.Contains(src, `"datePublished"`) {
		w.n[ftPublished]++
	}
	if strings.Contains(src, `"author"`) {
		w.n[ftAuthorMeta]++
	}
	for {
		i := strings.Index(src, `"@type"`)
		if i < 0 {
			return
		}
		src = src[i+len(`"@type"`):]
		j := 0
		for j < len(src) && (src[j] == ' ' || src[j] == ':' || src[j] == '\n' || src[j] == '\t' || src[j] == '\r') {
			j++
		}
		src = src[j:]
		if strings.HasPrefix(src, "[") {
			end := strings.IndexByte(src, ']')
			if end < 0 {
				return
			}
			types := strings.ToLower(src[1:end])
			// ["CreativeWork", "Product"] is the paywall markup schema.org
			// and search engines ask news sites for: the subscription, not
			// a product on sale.
			paywall := strings.Contains(types, "creativework") && strings.Contains(types, "product")
			for _, t := range strings.Split(types, ",") {
				if t = strings.Trim(strings.TrimSpace(t), `"`); !paywall || t != "product" {
					w.ldType(t)
				}
			}
			src = src[end:]
			continue
		}
		if !strings.HasPrefix(src, `"`) {
			continue
		}
		end := strings.IndexByte(src[1:], '"')
		if end < 0 {
			return
		}
		w.ldType(src[1 : end+1])
		src = src[end+1:]
	}
}

func (w *ptWalk) ldType(t string) {
	t = strings.ToLower(t)
	if i := strings.LastIndexAny(t, "/:"); i >= 0 {
		t = t[i+1:]
	}
	switch t {
	case "techarticle", "apireference", "softwaresourcecode":
		w.n[ftLDDocs]++
	case "discussionforumposting", "qapage":
		w.n[ftLDForum]++
		w.n[ftLDForumStrong]++
	case "question", "answer", "comment", "socialmediaposting":
		w.n[ftLDForum]++
	case "product", "productgroup", "individualproduct", "productmodel", "car", "vehicle", "book", "videogame":
		w.n[ftLDProduct]++
	case "offer", "aggregateoffer":
		w.n[ftLDOffer]++
	case "itemlist", "collectionpage", "searchresultspage", "offercatalog", "listitem":
		w.n[ftLDList]++
	case "service", "localbusiness", "professionalservice", "softwareapplication", "webapplication", "mobileapplication",
		"financialservice", "legalservice", "medicalbusiness", "homeandconstructionbusiness", "movingcompany",
		"medicalclinic", "dentist", "attorney", "insuranceagency", "accountingservice", "physician", "store":
		w.n[ftLDService]++
	case "organization", "corporation", "website", "ngo", "governmentorganization", "educationalorganization":
		w.n[ftLDOrg]++
	case "faqpage":
		w.n[ftLDFAQ]++
	case "person":
		w.n[ftLDPerson]++
	case "breadcrumblist":
		w.n[ftLDBreadcrumb]++
	case "webpage", "aboutpage", "contactpage", "itempage", "medicalwebpage":
		w.n[ftLDWebPage]++
	default:
		if _, ok := articleTypes[t]; ok && t != "webpage" && t != "itempage" && t != "collectionpage" && t != "aboutpage" && t != "medicalwebpage" {
			w.n[ftLDArticle]++
		}
	}
}
