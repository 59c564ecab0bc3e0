package declutter

import (
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"golang.org/x/net/html"
)

func TestMetadataJSONLDGraph(t *testing.T) {
	doc := parseHTML(t, `<html><head><script type="application/ld+json">
	{"@context":"https://schema.org","@graph":[
	  {"@type":"WebSite","@id":"#site","name":"Example Times"},
	  {"@type":"Organization","@id":"#org","name":"Example Times Group"},
	  {"@type":["NewsArticle"],"headline":"Council approves &amp; budget",
	   "author":[{"@type":"Person","name":"Ann Lee"},{"@id":"#p2"}],
	   "publisher":{"@id":"#org"},
	   "datePublished":"2024-10-18T12:14:00+02:00","dateModified":1729260000,
	   "image":[{"@type":"ImageObject","url":"/img/lead.jpg"}],
	   "keywords":"council, budget ,city","inLanguage":"de-AT",
	   "description":"The council <b>approved</b> it."},
	  {"@type":"Person","@id":"#p2","name":"Bo Chen"}
	]}</script>
	<script type="application/ld+json"><![CDATA[ {"@type":"BreadcrumbList"} ]]></script>
	</head><body><h1>Council approves &amp; budget</h1></body></html>`)
	m := readMetadata(doc, mustURL(t, "https://example.com/news/1"))
	assert.Equal(t, "Council approves & budget", m.Title)
	assert.Equal(t, []string{"Ann Lee", "Bo Chen"}, m.Authors)
	assert.Equal(t, "Ann Lee, Bo Chen", m.Byline)
	assert.Equal(t, "Example Times Group", m.SiteName)
	assert.Equal(t, "2024-10-18T12:14:00+02:00", m.Published.Format(time.RFC3339))
	assert.Equal(t, int64(1729260000), m.Modified.Unix())
	assert.Equal(t, "https://example.com/img/lead.jpg", m.Image)
	assert.Equal(t, []string{"council", "budget", "city"}, m.Tags)
	assert.Equal(t, "de-AT", m.Language)
	assert.Equal(t, "The council approved it.", m.Excerpt)
}

func TestMetadataOpenGraphAndMeta(t *testing.T) {
	doc := parseHTML(t, `<html lang="en_GB" dir="RTL"><head>
	<base href="https://cdn.example.org/site/">
	<meta property="og:title" content="Headline">
	<meta property="og:site_name" content="Example">
	<meta property="og:image" content="img/a.jpg">
	<meta property="og:description" content="An excerpt.">
	<meta property="article:published_time" content="2020-05-06T07:08:09Z">
	<meta property="article:modified_time" content="2020-05-07T07:08:09Z">
	<meta property="article:tag" content="One"><meta property="article:tag" content="Two">
	<meta name="author" content="Ann Lee">
	<link rel="canonical" href="/site/headline">
	</head><body><h1>Headline</h1></body></html>`)
	m := readMetadata(doc, mustURL(t, "https://www.example.org/x?utm=1"))
	assert.Equal(t, "Headline", m.Title)
	assert.Equal(t, "Example", m.SiteName)
	assert.Equal(t, "https://cdn.example.org/site/img/a.jpg", m.Image, "resolved against <base href>")
	assert.Equal(t, "https://cdn.example.org/site/headline", m.CanonicalURL)
	assert.Equal(t, "An excerpt.", m.Excerpt)
	assert.Equal(t, "2020-05-06", m.Published.Format(time.DateOnly))
	assert.Equal(t, "2020-05-07", m.Modified.Format(time.DateOnly))
	assert.Equal(t, []string{"One", "Two"}, m.Tags)
	assert.Equal(t, "Ann Lee", m.Byline)
	assert.Equal(t, "en-GB", m.Language)
	assert.Equal(t, "rtl", m.Direction)
}

func TestMetadataDates(t *testing.T) {
	cases := []struct{ name, html, url, want string }{
		{"time near the headline, not the comment's",
			`<article><h1>Title</h1><time datetime="2021-03-04T10:00:00-05:00">March 4</time><p>Body</p></article>
			<section class="comments"><time datetime="2022-01-01T00:00:00Z">later</time></section>`,
			"", "2021-03-04T10:00:00-05:00"},
		{"pubdate attribute wins over other times",
			`<h1>Title</h1><time datetime="2019-01-01">related</time><time pubdate datetime="2021-03-04">x</time>`,
			"", "2021-03-04T00:00:00Z"},
		{"microdata datePublished",
			`<h1>Title</h1><span itemprop="datePublished" content="2018-07-08T09:10:00+01:00">8 July</span>`,
			"", "2018-07-08T09:10:00+01:00"},
		{"German date line without markup",
			`<h1>Titel</h1><p class="meta">Veröffentlicht am 18. Oktober 2024, 12:14 Uhr</p>`,
			"", "2024-10-18T12:14:00Z"},
		{"related item's date is not the article's",
			`<h1>Title</h1><aside><span class="date">1 January 2010</span></aside><p>Body text</p>`,
			"https://example.com/2016/08/10/title", "2016-08-10T00:00:00Z"},
		{"date in the URL as a last resort", `<h1>Title</h1>`, "https://example.com/news/2016/08/10/title", "2016-08-10T00:00:00Z"},
		{"a day-first date as the URL's last segment", `<h1>Title</h1>`, "https://example.com/meldungen/29-10-2021", "2021-10-29T00:00:00Z"},
		{"not a day-first date inside a URL segment", `<h1>Title</h1>`, "https://example.com/a/item-29-10-2021", ""},
		{"date-only datetime with the time shown",
			`<h1>Title</h1><time datetime="2024-10-18">October 18, 2024 12:14 PM</time>`, "", "2024-10-18T12:14:00Z"},
		{"a HowTo's JSON-LD date (a CreativeWork like a recipe)",
			`<script type="application/ld+json">{"@type":"HowTo","name":"Sew a tablecloth","datePublished":"2022-01-10T22:06:08Z"}</script><h1>Sew a tablecloth</h1>`,
			"", "2022-01-10T22:06:08Z"},
		{"none", `<h1>Title</h1><p>No date here.</p>`, "https://example.com/a", ""},
	}
	for _, c := range cases {
		var m metadata
		if c.url != "" {
			m = readMetadata(parseHTML(t, c.html), mustURL(t, c.url))
		} else {
			m = readMetadata(parseHTML(t, c.html), nil)
		}
		if c.want == "" {
			assert.True(t, m.Published.IsZero(), "%s: got %v", c.name, m.Published)
			continue
		}
		assert.Equal(t, c.want, m.Published.Format(time.RFC3339), c.name)
	}
}

func TestMetadataLanguage(t *testing.T) {
	m := readMetadata(parseHTML(t, `<html><head><meta http-equiv="content-language" content="fr-CA"></head></html>`), nil)
	assert.Equal(t, "fr-CA", m.Language)
	m = readMetadata(parseHTML(t, `<html><head><meta property="og:locale" content="pt_BR"></head></html>`), nil)
	assert.Equal(t, "pt-BR", m.Language)
}

func TestMetadataLeadImageCaption(t *testing.T) {
	doc := parseHTML(t, `<html><head><meta property="og:image" content="https://cdn.example.com/photos/lead-1200.jpg?w=1200"></head>
	<body><article><h1>Title</h1>
	<figure><img src="https://cdn.example.com/photos/other.jpg"><figcaption>Not the lead</figcaption></figure>
	<figure><img src="https://img.example.com/photos/lead-1200.jpg?w=600"><figcaption>The harbour at dawn. <span>Photo: A. B.</span></figcaption></figure>
	</article></body></html>`)
	m := readMetadata(doc, nil)
	assert.Equal(t, "The harbour at dawn. Photo: A. B.", m.ImageCaption)

	doc = parseHTML(t, `<article><h1>Title</h1><figure><img src="/a.jpg"><figcaption>First figure</figcaption></figure><p>Body</p></article>`)
	assert.Equal(t, "First figure", readMetadata(doc, nil).ImageCaption)

	long := strings.Repeat("A paragraph of the article's body text. ", 5)
	doc = parseHTML(t, `<article><h1>Title</h1><p>`+long+`</p><figure><img src="/b.jpg"><figcaption>In the body</figcaption></figure></article>`)
	assert.Empty(t, readMetadata(doc, nil).ImageCaption, "a figure inside the body is not the lead image")
}

// Every string field is plain text: valid UTF-8, no markup, no control
// characters, whitespace collapsed.
func TestMetadataPlainText(t *testing.T) {
	doc := parseHTML(t, "<html><head><title>A\x01 <b>bold</b>\u200b title &amp;amp; more\t\n here</title>"+
		"<meta name=\"description\" content=\"x &lt;script&gt;alert(1)&lt;/script&gt; y\xff\">"+
		"<meta name=\"author\" content=\"  Jane\u00a0 Doe \"></head><body></body></html>")
	m := readMetadata(doc, nil)
	for _, s := range []string{m.Title, m.Byline, m.Excerpt, m.SiteName} {
		assert.True(t, utf8.ValidString(s), "%q", s)
		assert.NotContains(t, s, "<")
		assert.Equal(t, strings.Join(strings.Fields(s), " "), s)
		for _, r := range s {
			assert.False(t, unicode.IsControl(r), "%q has a control character", s)
		}
	}
	assert.Equal(t, "A bold title & more here", m.Title)
	assert.Equal(t, "Jane Doe", m.Byline)
}

func TestMetadataNilAndEmpty(t *testing.T) {
	assert.Equal(t, metadata{}, readMetadata(nil, nil))
	m := readMetadata(parseHTML(t, ""), nil)
	assert.Empty(t, m.Title)
	assert.True(t, m.Published.IsZero())
}

func TestMetadataApplyTo(t *testing.T) {
	m := metadata{Title: "T", Byline: "B", Authors: []string{"B"}, SiteName: "S", Language: "en",
		Direction: "ltr", Excerpt: "E", Image: "I", ImageCaption: "C", CanonicalURL: "U", Tags: []string{"x"},
		Published: time.Unix(1, 0), Modified: time.Unix(2, 0)}
	var a Article
	m.applyTo(&a)
	assert.Equal(t, Article{Title: "T", Byline: "B", Authors: []string{"B"}, SiteName: "S", Language: "en",
		Direction: "ltr", Excerpt: "E", Image: "I", ImageCaption: "C", CanonicalURL: "U", Tags: []string{"x"},
		Published: time.Unix(1, 0), Modified: time.Unix(2, 0)}, a)
}

// FuzzReadMetadata checks that any page gives plain-text metadata without
// panicking: valid UTF-8, no control characters, no markup.
func FuzzReadMetadata(f *testing.F) {
	f.Add(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","author":{"@id":"#a"}},{"@id":"#a","name":"N"}]}</script>`)
	f.Add(`<meta property="article:published_time" content="2024-10-18T12:14:00+02:00"><h1>T</h1><span class="byline">By A and B</span>`)
	f.Add(`<title>A | B</title><time datetime="18.10.2024">x</time><figure><img src=x><figcaption>c</figcaption></figure>`)
	f.Add("<h1>\x00\xff&amp;amp;</h1><p class=date>October 18, 2024 12:14 PM ET</p>")
	u, _ := url.Parse("https://example.com/2024/10/18/a")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := html.Parse(strings.NewReader(src))
		if err != nil {
			return
		}
		m := readMetadata(doc, u)
		fields := append([]string{m.Title, m.Byline, m.SiteName, m.Language, m.Direction, m.Excerpt,
			m.ImageCaption}, append(m.Authors, m.Tags...)...)
		for _, s := range fields {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8: %q", s)
			}
			for _, r := range s {
				if unicode.IsControl(r) {
					t.Fatalf("control character in %q", s)
				}
			}
			if s != strings.TrimSpace(s) || strings.Contains(s, "  ") {
				t.Fatalf("whitespace not collapsed: %q", s)
			}
		}
	})
}
