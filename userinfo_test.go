package declutter

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// userinfoInURL matches a URL that carries a user name or password.
var userinfoInURL = regexp.MustCompile(`(?i)(?:https?:)?//[^/\s"'<>@]*@`)

// TestResolvedURLsDropUserinfo: credentials in the page URL, a <base href>
// or a link the page wrote never reach Content, Image or CanonicalURL,
// while the rest of each URL does.
func TestResolvedURLsDropUserinfo(t *testing.T) {
	para := `<p>The council voted on Tuesday to keep the library open for another year, after a long debate about its budget, and <a href="/news/budget">the budget story</a> has more.</p>`
	// The case's own markup comes after the first paragraph: before it, a
	// short line of links is header chrome and goes (trim-header).
	page := func(head, body string) string {
		return `<!doctype html><html lang="en"><head><title>Library stays open</title>` + head + `</head><body><article><h1>Library stays open</h1>` +
			para + body + strings.Repeat(para, 5) + `</article></body></html>`
	}
	cases := []struct {
		name, pageURL, head, body string
		want                      []string // must appear, without credentials
	}{
		{"page URL", "https://user:secret@example.org/news/story",
			`<link rel="canonical" href="/news/story"><meta property="og:image" content="/img/lead.jpg">`,
			`<figure><img src="/img/a.jpg" srcset="/img/a-640.jpg 640w, /img/a-1280.jpg 1280w"><figcaption>A photo of the library</figcaption></figure>`,
			[]string{"https://example.org/news/budget", "https://example.org/img/a.jpg", "https://example.org/img/a-640.jpg 640w"}},
		{"user only", "https://user@example.org/news/story", "", "", []string{"https://example.org/news/budget"}},
		{"base href", "",
			`<base href="https://user:secret@example.org/"><meta property="og:image" content="img/lead.jpg">`, "",
			[]string{"https://example.org/news/budget"}},
		{"absolute links in the page", "https://example.org/news/story",
			`<link rel="canonical" href="https://user:secret@example.org/news/story"><meta property="og:image" content="https://u:p@cdn.example.org/lead.jpg">`,
			`<p>See <a href="https://user:secret@other.example/page">the other page</a> and <a href="//u:p@cdn.example.org/file">the file</a>.</p>` +
				`<figure><img src="https://u:p@cdn.example.org/a.jpg"><figcaption>A photo of the library</figcaption></figure>`,
			[]string{"https://other.example/page", "https://cdn.example.org/file", "https://cdn.example.org/a.jpg"}},
	}
	for _, c := range cases {
		a, err := Extract(context.Background(), strings.NewReader(page(c.head, c.body)), c.pageURL)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for field, v := range map[string]string{"Content": a.Content, "Image": a.Image, "CanonicalURL": a.CanonicalURL} {
			if m := userinfoInURL.FindString(v); m != "" || strings.Contains(v, "secret") {
				t.Errorf("%s: %s holds credentials (%q): %.300s", c.name, field, m, v)
			}
		}
		for _, w := range c.want {
			if !strings.Contains(a.Content, w) {
				t.Errorf("%s: Content lacks %q: %.600s", c.name, w, a.Content)
			}
		}
		if c.head != "" && (a.Image == "" || a.CanonicalURL == "" && strings.Contains(c.head, "canonical")) {
			t.Errorf("%s: Image %q, CanonicalURL %q: want both", c.name, a.Image, a.CanonicalURL)
		}
	}
}
