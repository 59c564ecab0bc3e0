package declutter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// treeDepth returns the deepest element nesting of n (html = 1), without
// recursion.
func treeDepth(n *html.Node) int {
	type item struct {
		n *html.Node
		d int
	}
	deepest := 0
	stack := []item{{n, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		d := it.d
		if it.n.Type == html.ElementNode {
			d++
			deepest = max(deepest, d)
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, d})
		}
	}
	return deepest
}

// checkFlattened asserts that src, flattened for maxDepth, parses into a
// tree no deeper than maxDepth.
func checkFlattened(t testing.TB, src []byte, maxDepth int) *html.Node {
	t.Helper()
	out, _ := limitDepth(src, maxDepth)
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("parse after limitDepth(%d): %v\ninput: %.200q", maxDepth, err, src)
	}
	if d := treeDepth(doc); d > min(maxDepth, parserMaxDepth) {
		t.Fatalf("depth %d after limitDepth(%d)\ninput: %.300q", d, maxDepth, src)
	}
	return doc
}

func repeat(s string, n int) string { return strings.Repeat(s, n) }

// deepInputs are nesting patterns, each repeated n times.
func deepInputs(n int) map[string]string {
	return map[string]string{
		"div-unclosed":   repeat("<div>", n) + "x",
		"div-closed":     repeat("<div>", n) + "x" + repeat("</div>", n),
		"span-closed":    repeat("<span>", n) + "x" + repeat("</span>", n),
		"b-unclosed":     repeat("<b>", n) + "x",
		"b-closed":       repeat("<b>", n) + "x" + repeat("</b>", n),
		"a-unclosed":     repeat("<a href=/x>", n) + "x",
		"table-unclosed": repeat("<table>", n) + "x",
		"table-td":       repeat("<table><td>", n) + "x",
		"table-tr-td":    repeat("<table><tr><td>", n) + "x" + repeat("</td></tr></table>", n),
		"li-unclosed":    repeat("<li>", n) + "x",
		"ul-li":          repeat("<ul><li>", n) + "x",
		"p-b":            repeat("<p><b>x</p>", n) + "x",
		"b-div":          repeat("<b><div>x</b>", n) + "x",
		"svg-g":          "<svg>" + repeat("<g>", n) + "x",
		"math-mi":        "<math>" + repeat("<mi>", n) + "x",
		"dl-dd":          repeat("<dl><dd>", n) + "x",
		"select-option":  "<select>" + repeat("<option>", n) + "x",
		"font-distinct": func() string {
			var s strings.Builder
			for i := range n {
				fmt.Fprintf(&s, "<p><font id=%d>x</p>", i)
			}
			return s.String()
		}(),
	}
}

func TestLimitDepthPatterns(t *testing.T) {
	for _, n := range []int{10, 600, 10_000} {
		for name, src := range deepInputs(n) {
			for _, d := range []int{8, 32, DefaultMaxDepth} {
				t.Run(fmt.Sprintf("%s/%d/%d", name, n, d), func(t *testing.T) {
					checkFlattened(t, []byte(src), d)
				})
			}
		}
	}
}

var _ = context.Background
var _ = errors.Is

// soupTokens is the vocabulary FuzzLimitDepth builds tag soup from: tags
// whose tree construction is unusual (implied end tags, formatting
// elements, tables, foreign content, raw text).
var soupTokens = []string{
	"<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>",
	"<span>", "</span>", "<li>", "</li>", "<ul>", "</ul>", "<dd>", "<dt>", "</dl>", "<dl>",
	"<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<tbody>", "<caption>", "<col>",
	"<svg>", "</svg>", "<math>", "<mi>", "<foreignObject>", "</foreignObject>", "<desc>", "<g>", "</g>", "<g/>",
	"<font color=red>", "<font>", "</font>", "<nobr>", "<select>", "<option>", "</select>", "<h1>", "<h2>", "</h1>",
	"<button>", "</button>", "<form>", "</form>", "<template>", "</template>", "<object>", "</object>", "<style>", "</style>",
	"<title>", "</title>", "<script>", "</script>", "<textarea>", "</textarea>", "x", " ", "<br>", "</br>",
	"<hr>", "<img>", "<b id=1>", "<b id=2>", "<u>", "<s>", "<em>", "</em>", "<annotation-xml encoding=text/html>", "<mtext>",
	"<![CDATA[", "]]>", "<!--", "-->", "<xmp>", "</xmp>", "<pre>", "<center>", "</body>", "<body>",
	"<html>", "</html>", "<code>", "<big>", "<strike>", "<rt>", "<ruby>", "<colgroup>", "<thead>", "</tr>",
	"<iframe>", "</iframe>", "<noscript>", "</noscript>", "<marquee>", "</marquee>", "<applet>", "<address>", "<main>", "<section>",
	"<x-y>", "</x-y>", "<frameset>", "<head>", "<plaintext>", "<input>", "<label>", "<small>", "<strong>", "<tt>",
}

func soup(data []byte) []byte {
	var b bytes.Buffer
	for _, c := range data {
		b.WriteString(soupTokens[int(c)%len(soupTokens)])
	}
	return b.Bytes()
}

func FuzzLimitDepth(f *testing.F) {
	f.Add([]byte{0, 4, 2, 6, 3, 0}, uint8(4))
	f.Add(bytes.Repeat([]byte{2, 4, 3}, 40), uint8(6))
	f.Add(bytes.Repeat([]byte{20, 24}, 40), uint8(10))
	f.Add(bytes.Repeat([]byte{30, 32, 0}, 40), uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, depth uint8) {
		checkFlattened(t, soup(data), 4+int(depth%60))
	})
}
