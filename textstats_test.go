package declutter

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// TestCollapsedText holds collapsedText to its definition, Fields joined
// by spaces, on odd white space and bytes and on every testdata page.
func TestCollapsedText(t *testing.T) {
	ref := func(n *html.Node) string { // the first implementation
		var b strings.Builder
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			switch n.Type {
			case html.TextNode:
				b.WriteString(n.Data)
				return
			case html.ElementNode:
				if skipText(n) {
					return
				}
				if isBlock(n.Data) || n.Data == "br" {
					b.WriteByte(' ')
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if n.Type == html.ElementNode && isBlock(n.Data) {
				b.WriteByte(' ')
			}
		}
		walk(n)
		return strings.Join(strings.Fields(b.String()), " ")
	}
	docs := []string{
		"<p> a\u00a0 b\u0085c\u2028d\xffe \xc3</p><p>f</p>g<br>h<span> i </span>j",
		"<p>ÜBER Straße İSTANBUL ΣΟΦΊΑ Kelvin \u212a \xff\xfe x\xc3</p>",
		"<div>\t\n</div>",
		"<script>x</script>y<svg><text>z</text></svg>",
	}
	for _, page := range testPages(t) {
		docs = append(docs, string(page))
	}
	for _, d := range docs {
		doc, err := html.Parse(strings.NewReader(d))
		require.NoError(t, err)
		text := collapsedText(doc)
		require.Equal(t, ref(doc), text)
		lower := collapser{lower: true}
		lower.walk(doc)
		require.Equal(t, strings.ToLower(text), string(lower.buf), "lower-case mode")
		runes := collapsedLen(text)
		for _, k := range []int{1, 2, 5, 80, runes - 1, runes, runes + 1} {
			if k > 0 {
				require.Equal(t, runes >= k, hasText(doc, k), "hasText(%d) with %d runes", k, runes)
			}
		}
	}
}

// TestCollapsedLen holds collapsedLen to its first implementation.
func TestCollapsedLen(t *testing.T) {
	ref := func(s string) int {
		count, space := 0, true
		for _, r := range s {
			if unicode.IsSpace(r) {
				if !space {
					count++
					space = true
				}
				continue
			}
			space = false
			count++
		}
		return count
	}
	texts := []string{"", " ", "  a  b ", "\u00a0x\u0085y\u2028", "\xff \xc3\xa9 \xe2\x82", "日本 語\t\n\v\f\r"}
	for _, page := range testPages(t) {
		texts = append(texts, string(page))
	}
	for _, s := range texts {
		require.Equal(t, ref(s), collapsedLen(s), "%.40q", s)
	}
}
