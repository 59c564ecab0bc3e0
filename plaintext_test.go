package declutter

import (
	"context"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
)

// markupInText matches what a browser would read as the start of a tag, a
// comment, a doctype or a processing instruction.
var markupInText = regexp.MustCompile(`<[A-Za-z/!?]`)

// plainFields lists every plain-text field of a by name.
func plainFields(a *Article) map[string]string {
	return map[string]string{
		"Title": a.Title, "Byline": a.Byline, "Authors": strings.Join(a.Authors, " | "),
		"SiteName": a.SiteName, "Excerpt": a.Excerpt, "Tags": strings.Join(a.Tags, " | "),
		"ImageCaption": a.ImageCaption, "Language": a.Language, "Direction": a.Direction,
	}
}

// markupPayloads are values that run script when an app puts the field
// into its page unescaped, each after the words that must survive ({V}).
var markupPayloads = map[string]string{
	"lt-in-attribute": `{V} <img alt="<" src=x onerror=alert(1)>`,
	"unterminated":    `{V} <img src=x onerror=alert(1)//`,
	"slash-separator": `{V} <img/src=x onerror=alert(1)//>`,
	"comment":         `{V} <!--<img src=x onerror=alert(1)>-->`,
	"bogus-comment":   `{V} <?xml-stylesheet href="x.xsl"?>`,
	"end-tag":         `{V} </title><script>alert(1)</script>`,
	"entity-escaped":  `{V} &lt;img src=x onerror=alert(1)&gt;`,
	"double-escaped":  `{V} &amp;lt;svg onload=alert(1)&amp;gt;`,
	"nested":          `{V} <<b>img src=x onerror=alert(1)>`,
}

// TestPlainFieldsHoldNoMarkup: whatever metadata source a field comes
// from, markup in the value never reaches the Article, and the words
// around it do.
func TestPlainFieldsHoldNoMarkup(t *testing.T) {
	story := strings.Repeat("<p>The council voted on Tuesday to keep the library open for another year, after a long debate about its budget.</p>", 8)
	attr := html.EscapeString
	ld := func(obj map[string]any) string {
		b, err := json.Marshal(obj)
		if err != nil {
			t.Fatal(err)
		}
		return `<script type="application/ld+json">` + string(b) + `</script>`
	}
	type source struct {
		name  string
		field string
		page  func(v string) (head, body string)
		words string // the visible words, when "Visible words" would not pass for the field
	}
	sources := []source{
		{"meta description", "Excerpt", func(v string) (string, string) {
			return `<meta name="description" content="` + attr(v) + `">`, ""
		}, ""},
		{"og:description", "Excerpt", func(v string) (string, string) {
			return `<meta property="og:description" content="` + attr(v) + `">`, ""
		}, ""},
		{"twitter:description", "Excerpt", func(v string) (string, string) {
			return `<meta name="twitter:description" content="` + attr(v) + `">`, ""
		}, ""},
		{"og:title", "Title", func(v string) (string, string) {
			return `<meta property="og:title" content="` + attr(v) + `">`, ""
		}, ""},
		{"twitter:title", "Title", func(v string) (string, string) {
			return `<meta name="twitter:title" content="` + attr(v) + `">`, ""
		}, ""},
		{"title element", "Title", func(v string) (string, string) {
			return `<title>` + attr(v) + `</title>`, ""
		}, ""},
		{"h1", "Title", func(v string) (string, string) {
			return "", `<h1>` + attr(v) + `</h1>`
		}, ""},
		{"JSON-LD headline", "Title", func(v string) (string, string) {
			return ld(map[string]any{"@context": "https://schema.org", "@type": "NewsArticle", "headline": v}), ""
		}, ""},
		{"og:site_name", "SiteName", func(v string) (string, string) {
			return `<meta property="og:site_name" content="` + attr(v) + `">`, ""
		}, ""},
		{"JSON-LD publisher name", "SiteName", func(v string) (string, string) {
			return ld(map[string]any{"@context": "https://schema.org", "@type": "NewsArticle",
				"publisher": map[string]any{"@type": "Organization", "name": v}}), ""
		}, ""},
		{"JSON-LD author name", "Byline", func(v string) (string, string) {
			return ld(map[string]any{"@context": "https://schema.org", "@type": "NewsArticle",
				"author": map[string]any{"@type": "Person", "name": v}}), ""
		}, "Jane Doe"},
		{"meta author", "Byline", func(v string) (string, string) {
			return `<meta name="author" content="` + attr(v) + `">`, ""
		}, "Jane Doe"},
		{"microdata author", "Byline", func(v string) (string, string) {
			return "", `<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">` + attr(v) + `</span></span>`
		}, "Jane Doe"},
		{"byline element", "Byline", func(v string) (string, string) {
			return "", `<div class="byline">By ` + attr(v) + `</div>`
		}, "Jane Doe"},
		{"JSON-LD keywords", "Tags", func(v string) (string, string) {
			return ld(map[string]any{"@context": "https://schema.org", "@type": "NewsArticle", "keywords": []string{v}}), ""
		}, ""},
		{"news_keywords", "Tags", func(v string) (string, string) {
			return `<meta name="news_keywords" content="` + attr(v) + `">`, ""
		}, ""},
		{"article:tag", "Tags", func(v string) (string, string) {
			return `<meta property="article:tag" content="` + attr(v) + `">`, ""
		}, ""},
		{"figcaption", "ImageCaption", func(v string) (string, string) {
			return `<meta property="og:image" content="https://example.org/lead.jpg">`,
				`<figure><img src="https://example.org/lead.jpg" alt=""><figcaption>` + attr(v) + `</figcaption></figure>`
		}, ""},
	}
	for _, src := range sources {
		for name, payload := range markupPayloads {
			words := src.words
			if words == "" {
				words = "Visible words"
			}
			head, body := src.page(strings.ReplaceAll(payload, "{V}", words))
			page := `<!doctype html><html lang="en"><head><meta charset="utf-8">` + head + `</head><body><article>` +
				body + story + `</article></body></html>`
			a, err := Extract(context.Background(), strings.NewReader(page), "https://example.org/news/story")
			if err != nil {
				t.Fatalf("%s, %s: %v", src.name, name, err)
			}
			fields := plainFields(a)
			for f, v := range fields {
				if m := markupInText.FindString(v); m != "" {
					t.Errorf("%s, %s: %s = %q holds markup %q", src.name, name, f, v, m)
				}
			}
			if got := fields[src.field]; !strings.Contains(got, words) {
				t.Errorf("%s, %s: %s = %q, want the visible words kept", src.name, name, src.field, got)
			}
		}
	}
}

func TestStripMarkup(t *testing.T) {
	deep := "<b>x</b>"
	for range maxMarkupPasses + 2 {
		deep = html.EscapeString(deep)
	}
	for _, c := range []struct{ in, want string }{
		// Text that only looks like markup stays as it is.
		{"a < b", "a < b"},
		{"I <3 Paris", "I <3 Paris"},
		{"x <= 5 && y > 2", "x <= 5 && y > 2"},
		{"AT&amp;T", "AT&amp;T"}, // no markup: entities are not this function's business
		{"", ""},
		// Markup goes, its text stays; blocks are apart.
		{"<b>Bold</b> claim", "Bold claim"},
		{"Foo<i>bar</i>", "Foobar"},
		{"<p>One</p><p>Two</p>", "One\n\nTwo"},
		{"Tom &amp; Jerry <b>again</b>", "Tom & Jerry again"},
		{"Name <script>alert(1)</script>", "Name"},
		{"Name <style>p{}</style>end", "Name end"},
		{"Before <!-- note --> after", "Before after"},
		{"Unclosed <img src=x onerror=alert(1)//", "Unclosed"},
		{"Escaped &lt;b&gt; <b>tag</b>", "Escaped tag"}, // parsed twice,
		{"Raw <textarea><img src=x onerror=alert(1)></textarea> text", "Raw\n\ntext"},
		{"<plaintext><svg onload=alert(1)>", ""},
		{"End </b>tag", "End tag"},
	} {
		if got := stripMarkup(c.in); got != c.want {
			t.Errorf("stripMarkup(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := stripMarkup(deep); markupInText.MatchString(got) {
		t.Errorf("escaped %d times: %q still holds markup", maxMarkupPasses+2, got)
	}
}

// FuzzStripMarkup: whatever the value, the field made of it holds no
// markup, and cleaning it again changes nothing.
func FuzzStripMarkup(f *testing.F) {
	for _, p := range markupPayloads {
		f.Add(strings.ReplaceAll(p, "{V}", "Visible words"))
	}
	for _, s := range []string{"a < b", "I <3 Paris", "<p>One</p><p>Two</p>", "&lt;b&gt;x&lt;/b&gt;", "<plaintext><b>", "<!doctype html>x", "</>", "<a href='</b>'>x</a>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := plainLine(in)
		if m := markupInText.FindString(out); m != "" {
			t.Fatalf("plainLine(%q) = %q holds markup %q", in, out, m)
		}
		if again := plainLine(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
		}
	})
}
