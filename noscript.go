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

// Forum software does the same for crawlers: a Discourse topic saved as
// its JavaScript app shell has its posts only in a <noscript> beside the
// app's scripts (its crawler view). Such a noscript is not its container's
// only content, so it is promoted when the visible page holds next to no
// text: its parsed content must have crawlerTextRatio times the visible
// page's text.

// crawlerTextRatio is how much more text a crawler view must hold than the
// page outside noscripts, scripts and styles.
const crawlerTextRatio = 4

// promoteNoscript replaces each story-holding noscript under doc with its
// parsed content and reports how many it replaced. The content is held to
// the same depth limit as the page, and what it adds counts against the
// page's element limit together with the elements the page already has.
func promoteNoscript(ctx context.Context, doc *html.Node, maxDepth, maxElements int) int {
	var found []*html.Node
	var crawler []bool
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "noscript" {
			continue
		}
		if holdsStory(n) {
			found = append(found, n)
			crawler = append(crawler, false)
		} else if mayHoldCrawlerView(n) {
			found = append(found, n)
			crawler = append(crawler, true)
		}
	}
	if len(found) == 0 {
		return 0
	}
	budget := -1
	if maxElements >= 0 {
		budget = max(maxElements-countElements(doc), 0)
	}
	visible := -1
	promoted := 0
	for i, n := range found {
		nodes, made := parseNoscript(ctx, n, maxDepth, budget)
		if nodes == nil {
			continue
		}
		if crawler[i] {
			shown := 0
			for _, c := range nodes {
				shown += len(collapsedText(c))
			}
			if shown < minBodyChars {
				continue
			}
			if visible < 0 {
				visible = visibleTextLen(doc)
			}
			if shown < crawlerTextRatio*visible {
				continue
			}
		}
		for _, c := range nodes {
			n.Parent.InsertBefore(c, n)
		}
		n.Parent.RemoveChild(n)
		if budget >= 0 {
			budget = max(budget-made, 0)
		}
		promoted++
	}
	return promoted
}

// mayHoldCrawlerView reports whether noscript n, under the page's body,
// holds paragraphs.
func mayHoldCrawlerView(n *html.Node) bool {
	if n.FirstChild == nil || n.FirstChild.Type != html.TextNode || !containsASCIIFold(n.FirstChild.Data, "<p") {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "body" {
			return true
		}
	}
	return false
}

// visibleTextLen is the length of the collapsed text of doc's body outside
// noscripts, scripts, styles and templates.
func visibleTextLen(doc *html.Node) int {
	total := 0
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.Data {
			case "noscript", "script", "style", "template", "head":
				continue
			}
		}
		if n.Type == html.TextNode {
			total += len(strings.Join(strings.Fields(n.Data), " "))
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return total
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

// parseNoscript parses n's text in n's parent's context and returns its
// nodes and the elements they hold, or nil when it cannot or when the
// result breaks the limits at n's depth (maxElements: the elements it may
// add, negative for no limit).
func parseNoscript(ctx context.Context, n *html.Node, maxDepth, maxElements int) ([]*html.Node, int) {
	depth := 0
	for p := n.Parent; p != nil; p = p.Parent {
		depth++
	}
	room := maxDepth - depth
	if room <= 1 {
		return nil, 0
	}
	return parseLimited(ctx, n.FirstChild.Data, n.Parent, room, maxElements)
}

// parseLimited parses src as HTML in the context of element parent,
// flattened to room levels and held to budget elements (negative: no
// limit), and returns its top-level nodes, detached, and the elements
// they hold; nil when it cannot or the result breaks the limits.
func parseLimited(ctx context.Context, src string, parent *html.Node, room, budget int) ([]*html.Node, int) {
	flat, _, err := limitMarkup([]byte(src), room, budget)
	if err != nil {
		return nil, 0
	}
	nodes, err := html.ParseFragment(bytes.NewReader(flat), parent)
	if err != nil {
		return nil, 0
	}
	wrap := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, c := range nodes {
		wrap.AppendChild(c)
	}
	limit := budget // the wrapper counts too
	if budget >= 0 {
		limit = budget + 1
	}
	if checkTree(ctx, wrap, room, limit) != nil {
		return nil, 0
	}
	made := countElements(wrap) - 1
	for _, c := range nodes {
		wrap.RemoveChild(c)
	}
	return nodes, made
}
