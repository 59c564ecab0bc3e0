package declutter

import (
	"context"
	"math/bits"
	"strings"

	"golang.org/x/net/html"
)

// applyRules removes every element under root that a rule in rules matches and
// returns what it removed. It checks ctx every few hundred elements.
func applyRules(ctx context.Context, stage stageRules, root *html.Node, st *textStats) ([]Removal, error) {
	rules := stage.rules
	if len(rules) == 0 {
		return nil, nil
	}
	guarded := headingAncestors(root)
	var hits []hit
	removed := make(map[*html.Node]bool)
	set := make([]uint64, (len(rules)+63)/64)
	phraseHits := make([]uint64, len(set))
	seen := 0
	var scratch []byte
	for n := root.FirstChild; n != nil; {
		if n.Type != html.ElementNode || removed[n] {
			// A sibling taken by Following is skipped with its subtree.
			n = nextSkipping(n, root, removed[n])
			continue
		}
		if seen++; seen%256 == 0 && ctx.Err() != nil {
			return nil, canceled(ctx)
		}
		target, ok := applyFirst(n, root, &stage, set, phraseHits, &scratch, st, guarded)
		if !ok {
			n = nextSkipping(n, root, false)
			continue
		}
		removed[target.node] = true
		hits = append(hits, target)
		if rules[target.rule].Following {
			for _, sib := range linkSiblings(target.node, st) {
				if !removed[sib] {
					removed[sib] = true
					hits = append(hits, hit{sib, target.rule})
				}
			}
		}
		// The outermost match wins: nothing under the target is tried.
		n = nextSkipping(target.node, root, true)
	}
	out := make([]Removal, 0, len(hits))
	for _, h := range hits {
		if underAny(h.node.Parent, removed) || h.node.Parent == nil {
			continue // inside a larger removal, already accounted for
		}
		out = append(out, Removal{Rule: rules[h.rule].Name, Snippet: removalSnippet(h.node, st.text(h.node))})
	}
	for _, h := range hits {
		if h.node.Parent != nil {
			st.detach(h.node)
		}
	}
	return out, nil
}

type hit struct {
	node *html.Node
	rule int // index into the stage's rules
}

// applyFirst tries n against the rules the index allows, in order, and
// returns what the first that matches removes: n or, expanded, an ancestor.
func applyFirst(n, root *html.Node, stage *stageRules, set, hits []uint64, scratch *[]byte, st *textStats, guarded map[*html.Node]bool) (hit, bool) {
	rules := stage.rules
	clear(set)
	stage.index.candidates(n, set)
	x := candidate{n: n, stats: st.n[n], phrases: stage.phrases, hits: hits, scratch: scratch}
	x.textSeen = n.Parent != root && n.Parent.Type == html.ElementNode && st.parentChars(n) == x.stats.chars
	var prose, proseKnown bool // computed on first need
	for w, word := range set {
		for ; word != 0; word &= word - 1 {
			i := w*64 + bits.TrailingZeros64(word)
			r := &rules[i]
			if !r.matches(&x, i) {
				continue
			}
			if r.Text != "" || len(r.Phrases) > 0 {
				if !proseKnown {
					prose, proseKnown = inProse(n, st), true
				}
				if prose {
					continue // a cue word inside a sentence is the story's own
				}
			}
			target := n
			if r.Expand > 0 {
				// Never let one expansion take half of what there is:
				// on a short page that would be the article itself.
				limit := min(r.Expand, st.chars(root)/2)
				target = expand(n, root, limit, st, guarded)
			}
			return hit{target, i}, true
		}
	}
	return hit{}, false
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
