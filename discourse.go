package declutter

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A Discourse topic saved as the JavaScript app shell may hold its posts
// nowhere in the markup but in the documented preload payload: the
// data-preloaded attribute of #data-preloaded, a JSON object whose values
// are JSON texts, the one under "topic_<id>" holding
// post_stream.posts[] with each post's HTML ("cooked"), "username" and
// "created_at". discoursePayload reads it under the page's limits: the
// attribute is part of the page's bytes, and each post's HTML is parsed
// with the depth the page has left and the elements its budget allows.

// discourseTopic is the part of a preloaded topic that is read.
type discourseTopic struct {
	PostStream struct {
		Posts []discoursePost `json:"posts"`
	} `json:"post_stream"`
}

type discoursePost struct {
	PostNumber int    `json:"post_number"`
	Username   string `json:"username"`
	CreatedAt  string `json:"created_at"`
	Cooked     string `json:"cooked"`
	Hidden     bool   `json:"hidden"`
	Deleted    any    `json:"deleted_at"`
}

// discourseDate is how Discourse's crawler view shows a post's date.
const discourseDate = "January 2, 2006, 3:04pm"

// discoursePayload returns the posts of doc's preloaded Discourse topic,
// in post order, or nil. maxDepth is the page's depth limit; budget the
// elements its posts may add (negative: no limit).
func discoursePayload(ctx context.Context, doc *html.Node, maxDepth, budget int) []threadPost {
	var raw string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && attrOf(n, "id") == "data-preloaded" {
			raw = attrOf(n, "data-preloaded")
			break
		}
	}
	if raw == "" {
		return nil
	}
	posts := readDiscoursePayload([]byte(raw))
	var out []threadPost
	for _, p := range posts {
		if ctx.Err() != nil || budget == 0 {
			break
		}
		nodes, made := parseCooked(ctx, p.Cooked, maxDepth-3, budget) // html, body, the thread's container
		if len(nodes) == 0 {
			continue
		}
		if budget > 0 {
			budget = max(budget-made, 0)
		}
		tp := threadPost{author: strings.TrimSpace(p.Username), body: nodes}
		if t, err := time.Parse(time.RFC3339, p.CreatedAt); err == nil {
			tp.date = t.UTC().Format(discourseDate)
		}
		out = append(out, tp)
	}
	return out
}

// readDiscoursePayload decodes a data-preloaded value and returns the
// posts of its topic that show, in post order, or nil when it holds none.
func readDiscoursePayload(raw []byte) []discoursePost {
	var outer map[string]json.RawMessage
	if json.Unmarshal(raw, &outer) != nil {
		return nil
	}
	keys := make([]string, 0, 1)
	for k := range outer {
		if strings.HasPrefix(k, "topic_") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		var inner string
		if json.Unmarshal(outer[k], &inner) != nil {
			continue
		}
		var topic discourseTopic
		if json.Unmarshal([]byte(inner), &topic) != nil {
			continue
		}
		var posts []discoursePost
		for _, p := range topic.PostStream.Posts {
			if p.Hidden || p.Deleted != nil || strings.TrimSpace(p.Cooked) == "" {
				continue
			}
			posts = append(posts, p)
		}
		if len(posts) > 0 {
			sort.SliceStable(posts, func(i, j int) bool { return posts[i].PostNumber < posts[j].PostNumber })
			return posts
		}
	}
	return nil
}

// parseCooked parses a post's HTML in a div's context under the limits and
// returns its nodes and how many elements they hold, or nil when it
// cannot or they break the limits.
func parseCooked(ctx context.Context, cooked string, room, budget int) ([]*html.Node, int) {
	if room <= 1 {
		return nil, 0
	}
	div := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
	return parseLimited(ctx, cooked, div, room, budget)
}
