package declutter

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestDescribeEmptyRemoval: an element removed without text gets a snippet
// that says what it was; one with text keeps its text.
func TestDescribeEmptyRemoval(t *testing.T) {
	for _, tc := range []struct{ html, want string }{
		{`<img alt="A harbour at dawn" src="/a/b.jpg">`, `<img alt="A harbour at dawn">`},
		{`<img src="https://cdn.example.com/img/harbour-2024.jpg?w=640">`, `<img src=harbour-2024.jpg>`},
		{`<iframe src="https://www.youtube.com/embed/xyz"></iframe>`, `<iframe src=www.youtube.com>`},
		{`<table><tr><td></td><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td><td></td></tr></table>`, `<table: 3×4>`},
		{`<form><input type="email"><input type="submit"></form>`, `<form: 2 inputs>`},
		{`<svg viewBox="0 0 10 10"><path d="M0 0"></path></svg>`, `<svg>`},
		{`<video src="/v.mp4"></video>`, `<video>`},
		{`<button class="share"></button>`, `<button>`},
		{`<div class="ad-slot"><img src="/x/pixel.gif"></div>`, `<div: img src=pixel.gif>`},
		{`<div class="ad-slot"></div>`, `<div class="ad-slot">`},
		{`<p>Real text stays as it is.</p>`, `Real text stays as it is.`},
	} {
		n := parsedElement(t, tc.html)
		if got := removalSnippet(n, collapsedText(n)); got != tc.want {
			t.Errorf("%s: snippet %q, want %q", tc.html, got, tc.want)
		}
	}
}

func parsedElement(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + s + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "body" {
			return n.FirstChild
		}
	}
	t.Fatal("no body")
	return nil
}
