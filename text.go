package declutter

import (
	"strings"

	"golang.org/x/net/html"
)

func isBlock(tag string) bool {
	switch tag {
	case "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
		"header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
		"tr", "td", "th", "thead", "tbody", "tfoot", "caption", "summary", "body", "html", "center":
		return true
	}
	return false
}

func renderText(body *html.Node) string { return collapsedText(body) }

func countWords(s string) int { return len(strings.Fields(s)) }

func renderHTML(n *html.Node) string {
	var b strings.Builder
	_ = html.Render(&b, n)
	return b.String()
}

func firstParagraph(body *html.Node) string { return "" }
