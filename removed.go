package declutter

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// removalSnippet is the snippet of a Removal for element n whose text is
// text: the text cut to 80 characters, or, when the element has none, a
// short description of what it was (`<img alt="…">`, `<iframe src=host>`,
// `<table: 3×4>`, `<form: 2 inputs>`), so that no snippet is empty.
func removalSnippet(n *html.Node, text string) string {
	if s := snippet(strings.TrimSpace(text), 80); s != "" {
		return s
	}
	return snippet(describeElement(n), 80)
}

// describeElement describes an element without text by its tag and what it
// shows.
func describeElement(n *html.Node) string {
	if n == nil || n.Type != html.ElementNode {
		return "<empty>"
	}
	if d := describeMedia(n); d != "" {
		return "<" + d + ">"
	}
	switch n.Data {
	case "table":
		rows, cols := 0, 0
		for c := range n.Descendants() {
			if c.Type == html.ElementNode && c.Data == "tr" {
				rows++
				cells := 0
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.Type == html.ElementNode && (d.Data == "td" || d.Data == "th") {
						cells++
					}
				}
				cols = max(cols, cells)
			}
		}
		return "<table: " + strconv.Itoa(rows) + "×" + strconv.Itoa(cols) + ">"
	case "form":
		inputs := 0
		for c := range n.Descendants() {
			if c.Type == html.ElementNode && (c.Data == "input" || c.Data == "select" || c.Data == "textarea" || c.Data == "button") {
				inputs++
			}
		}
		return "<form: " + strconv.Itoa(inputs) + " inputs>"
	}
	for c := range n.Descendants() {
		if c.Type == html.ElementNode {
			if d := describeMedia(c); d != "" {
				return "<" + n.Data + ": " + d + ">"
			}
		}
	}
	for _, key := range []string{"class", "id", "aria-label", "role"} {
		if v := strings.TrimSpace(attrOf(n, key)); v != "" {
			return "<" + n.Data + " " + key + `="` + snippet(v, 40) + `">`
		}
	}
	return "<" + n.Data + ">"
}

// describeMedia describes an image, frame or media element as tag plus
// alt text, file name or host; "" when n is none of them.
func describeMedia(n *html.Node) string {
	switch n.Data {
	case "img":
		if alt := strings.TrimSpace(attrOf(n, "alt")); alt != "" {
			return `img alt="` + snippet(alt, 60) + `"`
		}
		if f := fileName(firstNonEmpty(attrOf(n, "src"), attrOf(n, "data-src"))); f != "" {
			return "img src=" + f
		}
		return "img"
	case "iframe", "embed", "object":
		if h := srcHost(firstNonEmpty(attrOf(n, "src"), attrOf(n, "data-src"), attrOf(n, "data"))); h != "" {
			return n.Data + " src=" + h
		}
		return n.Data
	case "svg", "video", "audio", "canvas", "picture", "button", "input", "select", "textarea", "hr":
		return n.Data
	}
	return ""
}

func fileName(src string) string {
	u, err := url.Parse(strings.TrimSpace(src))
	if err != nil || strings.HasPrefix(src, "data:") {
		return ""
	}
	if b := path.Base(u.Path); b != "." && b != "/" {
		return b
	}
	return ""
}

func srcHost(src string) string {
	u, err := url.Parse(strings.TrimSpace(src))
	if err != nil {
		return ""
	}
	return u.Host
}
