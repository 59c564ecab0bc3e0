package declutter

import (
	"bytes"
	"context"
	"strings"

	"golang.org/x/net/html"
)

// Some templates (Blogger's dynamic views among them) put the story in a
// <script type="text/template"> for their scripts and a copy in a
// <noscript> for readers without them. html.Parse, as a browser with
// scripts does, keeps a noscript's content as text, so the story is
// invisible to the readability pass. promoteNoscript parses such a copy in
// place: a noscript that is its container's only content and holds
// paragraphs. Image fallbacks and "enable JavaScript" notices fail the
// test and stay as they are.

// promoteNoscript replaces each story-holding noscript under doc with its
// parsed content and reports how many it replaced. The content is held to
// the same depth and element limits as the page.
func promoteNoscript(ctx context.Context, doc *html.Node, maxDepth, maxElements int) int {
	var found []*html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "noscript" && holdsStory(n) {
			found = append(found, n)
		}
	}
	promoted := 0
	for _, n := range found {
		nodes := parseNoscript(ctx, n, maxDepth, maxElements)
		if nodes == nil {
			continue
		}
		for _, c := range nodes {
			n.Parent.InsertBefore(c, n)
		}
		n.Parent.RemoveChild(n)
		promoted++
	}
	return promoted
}

// holdsStory reports whether noscript n is its parent's only content (bar
// scripts, templates, comments and white space) and its text holds
// paragraphs.
func holdsStory(n *html.Node) bool {
	if n.Parent == nil || n.Parent.Type != html.ElementNode || n.FirstChild == nil ||
		n.FirstChild.Type != html.TextNode || !containsASCIIFold(n.FirstChild.Data, "<p") {
		return false
	}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c == n, c.Type == html.CommentNode:
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && (c.Data == "script" || c.Data == "template"):
		default:
			return false
		}
	}
	return true
}

// parseNoscript parses n's text in n's parent's context, or returns nil
// when it cannot or when the result breaks the limits at n's depth.
func parseNoscript(ctx context.Context, n *html.Node, maxDepth, maxElements int) []*html.Node {
	depth := 0
	for p := n.Parent; p != nil; p = p.Parent {
		depth++
	}
	room := maxDepth - depth
	if room <= 1 {
		return nil
	}
	src, _, err := limitMarkup([]byte(n.FirstChild.Data), room, maxElements)
	if err != nil {
		return nil
	}
	nodes, err := html.ParseFragment(bytes.NewReader(src), n.Parent)
	if err != nil {
		return nil
	}
	wrap := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, c := range nodes {
		wrap.AppendChild(c)
	}
	if checkTree(ctx, wrap, room, maxElements) != nil {
		return nil
	}
	for _, c := range nodes {
		wrap.RemoveChild(c)
	}
	return nodes
}
