package declutter

import (
	"context"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// apply removes every element under root that a rule in rules matches and
// returns what it removed. It checks ctx every few hundred elements.
func applyRules(ctx context.Context, stage stageRules, root *html.Node, st *textStats) ([]Removal, error) {
	rules := stage.rules
	if len(rules) == 0 {
		return nil, nil
	}
	guarded := headingAncestors(root)
	type hit struct {
		node *html.Node
		rule string
	}
	var hits []hit
	removed := make(map[*html.Node]bool)
	candidates := goquery.NewDocumentFromNode(root).FindMatcher(stage.union).Nodes
	for i, n := range candidates {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, canceled(ctx)
		}
		if underAny(n, removed) {
			continue // the outermost match wins
		}
		textSeen := n.Parent != root && n.Parent.Type == html.ElementNode && st.chars(n.Parent) == st.chars(n)
		prose := inProse(n, st)
		for i := range rules {
			r := &rules[i]
			if !r.matches(n, st, textSeen) {
				continue
			}
			if prose && (r.Text != "" || len(r.Phrases) > 0) {
				continue // a cue word inside a sentence is the story's own
			}
			target := n
			if r.Expand > 0 {
				// Never let one expansion take half of what there is:
				// on a short page that would be the article itself.
				limit := min(r.Expand, st.chars(root)/2)
				target = expand(n, root, limit, st, guarded)
			}
			if !removed[target] {
				removed[target] = true
				hits = append(hits, hit{target, r.Name})
			}
			if r.Following {
				for _, sib := range linkSiblings(target, st) {
					if !removed[sib] {
						removed[sib] = true
						hits = append(hits, hit{sib, r.Name})
					}
				}
			}
			break
		}
	}
	out := make([]Removal, 0, len(hits))
	for _, h := range hits {
		if underAny(h.node.Parent, removed) || h.node.Parent == nil {
			continue // inside a larger removal, already accounted for
		}
		out = append(out, Removal{Rule: h.rule, Snippet: snippet(st.text(h.node), 80)})
	}
	for _, h := range hits {
		if h.node.Parent != nil {
			h.node.Parent.RemoveChild(h.node)
		}
	}
	return out, nil
}

// minProseChars is the least text a paragraph needs to count as a
// sentence around an inline cue.
const minProseChars = 120

// inProse reports whether n is an inline element inside a paragraph that
// has several times its text: a link or label within a sentence.
func inProse(n *html.Node, st *textStats) bool {
	if isBlock(n.Data) {
		return false
	}
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if isBlock(p.Data) {
			return p.Data == "p" && st.chars(p) >= minProseChars && st.chars(p) >= 3*st.chars(n)
		}
	}
	return false
}

// linkSiblings returns the element siblings after n that are mostly links,
// stopping at the first heading or the first sibling with prose.
func linkSiblings(n *html.Node, st *textStats) []*html.Node {
	var out []*html.Node
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" {
			continue
		}
		if s.Type != html.ElementNode || isHeadingTag(s.Data) {
			break
		}
		if st.chars(s) > 0 && st.linkDensity(s) < 0.5 {
			break
		}
		out = append(out, s)
	}
	return out
}

func isHeadingTag(tag string) bool {
	switch tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}

// expand climbs from n to the largest ancestor whose text is at most max
// characters, stopping below root and below structural containers.
func expand(n, root *html.Node, max int, st *textStats, guarded map[*html.Node]bool) *html.Node {
	for p := n.Parent; p != nil && p != root && p.Type == html.ElementNode; p = p.Parent {
		switch p.Data {
		case "body", "html", "main", "article":
			return n
		}
		if guarded[p] || st.chars(p) > max {
			return n
		}
		n = p
	}
	return n
}

// headingAncestors marks the ancestors of every h1, which expansion must
// not remove.
func headingAncestors(root *html.Node) map[*html.Node]bool {
	m := make(map[*html.Node]bool)
	for n := root; n != nil; n = nextSkipping(n, root, false) {
		if n.Type == html.ElementNode && n.Data == "h1" {
			for p := n; p != nil && !m[p]; p = p.Parent {
				m[p] = true
			}
		}
	}
	return m
}

func underAny(n *html.Node, set map[*html.Node]bool) bool {
	for ; n != nil; n = n.Parent {
		if set[n] {
			return true
		}
	}
	return false
}
