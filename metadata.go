package declutter

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// metadata is what the page says about the article, read from the whole
// page before any cleanup.
type metadata struct {
	Title, Byline       string
	Authors             []string
	Published, Modified time.Time
	SiteName            string
	Language, Direction string
	Excerpt             string
	Image, ImageCaption string
	CanonicalURL        string
	Tags                []string

	// ldBodyChars is the length of the JSON-LD articleBody, which the
	// confidence score compares with the body found.
	ldBodyChars int
}

// readMetadata reads the article's metadata from the whole parsed page.
// pageURL may be nil. It walks the tree once, collecting candidates from
// every source (JSON-LD, OpenGraph, Twitter cards, <meta> names,
// microdata, <time>, byline-ish elements), then decides each field by a
// fixed priority of sources, cleaning values to plain text.
func readMetadata(doc *html.Node, pageURL *url.URL) metadata {
	if doc == nil {
		return metadata{}
	}
	s := scanPage(doc)
	ld := readJSONLD(s.jsonLD)
	base := pageURL
	if s.base != "" {
		if b, err := resolveAgainst(pageURL, s.base); err == nil {
			base = b
		}
	}
	var m metadata
	m.ldBodyChars = ld.bodyChars
	m.Language, m.Direction = chooseLanguage(s, ld), strings.ToLower(strings.TrimSpace(s.dir))
	if m.Direction != "ltr" && m.Direction != "rtl" {
		m.Direction = ""
	}
	m.SiteName = chooseSiteName(s, ld)
	h1s, h1Wholes := s.titleH1s()
	m.Title = chooseTitle(titleInputs{
		candidates: []string{ld.headline, s.meta("og:title"), s.meta("twitter:title"),
			s.meta("title", "parsely-title", "sailthru.title", "dc.title", "dcterms.title", "citation_title", "headline")},
		titleTag:  s.titleTag,
		h1s:       h1s,
		h1Wholes:  h1Wholes,
		soleH1:    s.soleH1(),
		headings:  s.headingTexts(),
		siteNames: append([]string{m.SiteName, ld.publisher, ld.siteName, s.meta("application-name")}, domainNames(pageURL)...),
	})
	m.Byline, m.Authors = chooseByline(s, ld, m.SiteName)
	monthFirst := strings.HasPrefix(strings.ToLower(m.Language), "en-us") || strings.EqualFold(m.Language, "en")
	m.Published = choosePublished(s, ld, pageURL, monthFirst, m.Language)
	m.Modified = chooseModified(s, ld, pageURL, monthFirst, m.Language)
	m.Excerpt = firstPlain(ld.description, s.meta("og:description"), s.meta("description"),
		s.meta("twitter:description"), s.meta("dc.description", "dcterms.description"))
	m.CanonicalURL = absURL(base, firstPlain(s.canonical, s.meta("og:url")))
	m.Image = absURL(base, firstPlain(s.meta("og:image", "og:image:url", "og:image:secure_url"),
		s.meta("twitter:image", "twitter:image:src"), ld.image, s.meta("link:image_src", "thumbnailurl", "image")))
	m.ImageCaption = chooseCaption(s, m.Image, base)
	m.Tags = chooseTags(s, ld)
	return m
}

// applyTo copies the metadata into the article's fields.
func (m metadata) applyTo(a *Article) {
	a.Title, a.Byline, a.Authors = m.Title, m.Byline, m.Authors
	a.Published, a.Modified = m.Published, m.Modified
	a.SiteName, a.Language, a.Direction = m.SiteName, m.Language, m.Direction
	a.Excerpt, a.Image, a.ImageCaption = m.Excerpt, m.Image, m.ImageCaption
	a.CanonicalURL, a.Tags = m.CanonicalURL, m.Tags
}

// kickerWords name the small line above a headline ("Dachzeile") that
// sites set inside the h1 but that is not part of the title.
var kickerWords = []string{"kicker", "dachzeile", "overline", "topline", "roofline", "eyebrow", "supertitle",
	"pretitle", "visually-hidden", "sr-only", "screen-reader"}

// headlineText is an h1's text without its kicker.
func headlineText(h1 *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && b.Len() < 1000; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if c.Data == "script" || c.Data == "style" || containsAnyOf(classAndID(c), kickerWords) {
					continue
				}
				b.WriteByte(' ')
				walk(c)
				b.WriteByte(' ')
			}
		}
	}
	walk(h1)
	if t := metaCollapse(b.String()); t != "" {
		return t
	}
	return metaNodeText(h1, 1000)
}

// headingTexts returns the text of the h2 and h3 elements kept.
func (s *pageScan) headingTexts() []string {
	out := make([]string, 0, len(s.headings))
	for _, h := range s.headings {
		if t := metaNodeText(h.n, 400); t != "" && len(t) < 300 {
			out = append(out, t)
		}
	}
	return out
}

func chooseLanguage(s *pageScan, ld jsonLD) string {
	for _, v := range []string{s.lang, s.meta("content-language", "language", "dc.language", "dcterms.language"),
		s.meta("og:locale"), ld.language} {
		v = strings.TrimSpace(metaPlain(v))
		if i := strings.IndexByte(v, ','); i >= 0 {
			v = v[:i]
		}
		v = strings.ReplaceAll(v, "_", "-")
		if len(v) >= 2 && len(v) <= 35 && !strings.ContainsAny(v, " /") {
			return v
		}
	}
	return ""
}

func chooseSiteName(s *pageScan, ld jsonLD) string {
	return firstPlain(s.meta("og:site_name"), ld.publisher, ld.siteName, s.meta("application-name"),
		s.meta("publisher", "dc.publisher", "dcterms.publisher", "citation_journal_title"))
}

func chooseTags(s *pageScan, ld jsonLD) []string {
	raw := s.metas["article:tag"]
	if len(raw) == 0 {
		raw = ld.keywords
	}
	if len(raw) == 0 {
		raw = strings.Split(s.meta("parsely-tags", "news_keywords"), ",")
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range raw {
		if t = metaPlain(t); t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			out = append(out, t)
		}
	}
	return out
}

// firstPlain returns the first value that is not empty as plain text.
func firstPlain(vals ...string) string {
	for _, v := range vals {
		if v = metaPlain(v); v != "" {
			return v
		}
	}
	return ""
}

// resolveAgainst resolves ref against base (which may be nil).
func resolveAgainst(base *url.URL, ref string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return nil, err
	}
	if base == nil {
		return u, nil
	}
	return base.ResolveReference(u), nil
}

// absURL resolves ref against base; it returns "" for refs that are not
// http(s) URLs once resolved (javascript:, data:, bare fragments).
func absURL(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := resolveAgainst(base, ref)
	if err != nil {
		return ""
	}
	if u.Scheme == "" && strings.HasPrefix(ref, "//") {
		u.Scheme = "https"
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	u.User = nil // credentials in the page URL or the page's own must not spread
	return u.String()
}
