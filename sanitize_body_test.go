package declutter

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestNeverKept checks that contentPolicy drops the neverKept attributes
// from every element, whatever else the element carries: then leaving
// them out before sanitising changes nothing.
func TestNeverKept(t *testing.T) {
	elements := []string{
		"a", "abbr", "article", "aside", "audio", "b", "bdi", "blockquote", "br", "caption", "cite",
		"code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
		"figure", "footer", "h1", "h2", "h6", "header", "hr", "i", "iframe", "img", "ins", "kbd", "li",
		"mark", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small",
		"source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
		"thead", "time", "tr", "u", "ul", "var", "video", "wbr", "font", "center", "svg", "math", "x-custom",
	}
	others := []string{
		"",
		` href="https://example.org/a" src="https://www.youtube.com/embed/x" title="t" lang="en"`,
		` cite="https://example.org/" srcset="a.jpg 2x" width="10" datetime="2024-01-01" start="2"`,
		` rel="nofollow" target="_blank" alt="a" poster="p.jpg" controls type="disc"`,
	}
	never := []string{`class="c"`, `id="i"`, `style="color:red"`, `data-x="1"`, `data-src="https://example.org/i.jpg"`}
	for _, el := range elements {
		for _, other := range others {
			without := "<" + el + other + ">text</" + el + ">"
			want := sanitizeHTML(without)
			for _, attr := range never {
				with := "<" + el + " " + attr + other + ">text</" + el + ">"
				if got := sanitizeHTML(with); got != want {
					t.Errorf("sanitizeHTML(%q) = %q, but %q without %s", with, got, want, attr)
				}
			}
		}
	}
}

// TestSanitizeBody checks sanitizeBody against its definition on the
// bodies and whole pages of testdata, and that it leaves the tree as it was.
func TestSanitizeBody(t *testing.T) {
	var roots []*html.Node
	for _, raw := range savedPages(t) {
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		roots = append(roots, doc)
		if sp := prepareStages(raw); sp != nil {
			roots = append(roots, sp.final)
		}
	}
	doc, _ := html.Parse(strings.NewReader(`<p class=a id=b style=c data-x=y xml:lang=en CLASS=d>t<svg class=s><a xlink:href=u data-z=1>l</a></svg><img class=i src=x.jpg>`))
	roots = append(roots, doc)
	for _, n := range roots {
		before := renderHTML(n)
		if got, want := sanitizeBody(n), sanitizeHTML(before); got != want {
			t.Fatalf("sanitizeBody differs from sanitizeHTML(renderHTML):\n got  %.300q\n want %.300q", got, want)
		}
		if after := renderHTML(n); after != before {
			t.Fatal("sanitizeBody changed the tree")
		}
	}
}
