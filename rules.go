package declutter

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// Stage says when a rule runs.
type Stage int

const (
	// StagePage rules run over the whole page before the readability pass,
	// so that widgets such as newsletter forms never compete for the body.
	StagePage Stage = iota
	// StageBody rules run over the body the readability pass isolated.
	StageBody
)

func (s Stage) String() string {
	if s == StageBody {
		return "body"
	}
	return "page"
}

// Rule is one declarative boilerplate rule. An element is removed when it
// matches Selector (if set) and Text (if set) and passes every guard.
type Rule struct {
	// Name identifies the rule in Article.Removed, in errors and in
	// Options.DisableRules. Required, and unique within a rule set.
	Name  string
	Stage Stage

	// Selector is a CSS selector (cascadia syntax) naming candidates.
	Selector string

	// Text is a regular expression matched against a candidate's text with
	// whitespace collapsed and trimmed. Anchor it (^...$) to match the
	// whole text. A rule with Text only (no Selector) is tried on every
	// element whose text is at most MaxChars long.
	Text string

	// MaxChars keeps candidates whose text is longer: boilerplate is short,
	// and a long block that mentions a cue is probably article text. Zero
	// means no cap, except for Text-only rules where it defaults to 200.
	MaxChars int

	// MinLinkDensity, when positive, keeps candidates whose share of text
	// inside links is lower.
	MinLinkDensity float64

	// Expand, when positive, removes the largest ancestor of the candidate
	// whose text is at most Expand characters, so a call-to-action link
	// takes its banner with it. Expansion never climbs into body, main,
	// article, or an element holding the page's h1.
	Expand int

	// Following also removes the siblings after the removed element that
	// are mostly links (a list under a "Related" heading), up to the next
	// heading.
	Following bool
}

// defaultTextOnlyMaxChars bounds Text-only rules, which look at every
// element, so that they stay cheap and never take a long block of prose.
const defaultTextOnlyMaxChars = 200

// compiledRule is a Rule with its selector and pattern compiled.
type compiledRule struct {
	Rule
	sel  cascadia.Matcher // nil: any element
	text *regexp.Regexp   // nil: any text
}

// ruleSet is an immutable, compiled set of rules, safe for concurrent use.
type ruleSet struct {
	page, body []compiledRule
}

func compileRule(r Rule) (compiledRule, error) {
	c := compiledRule{Rule: r}
	if strings.TrimSpace(r.Name) == "" {
		return c, fmt.Errorf("%w: a rule has no name (selector %q, text %q)", ErrInvalidRule, r.Selector, r.Text)
	}
	if r.Selector == "" && r.Text == "" {
		return c, fmt.Errorf("%w %q: needs a Selector or a Text", ErrInvalidRule, r.Name)
	}
	if r.Stage != StagePage && r.Stage != StageBody {
		return c, fmt.Errorf("%w %q: unknown stage %d", ErrInvalidRule, r.Name, r.Stage)
	}
	if r.Selector != "" {
		sel, err := cascadia.ParseGroup(r.Selector)
		if err != nil {
			return c, fmt.Errorf("%w %q: parsing selector %q: %v", ErrInvalidRule, r.Name, r.Selector, err)
		}
		c.sel = sel
	}
	if r.Text != "" {
		re, err := regexp.Compile(r.Text)
		if err != nil {
			return c, fmt.Errorf("%w %q: parsing text pattern %q: %v", ErrInvalidRule, r.Name, r.Text, err)
		}
		c.text = re
		if r.Selector == "" && c.MaxChars <= 0 {
			c.MaxChars = defaultTextOnlyMaxChars
		}
	}
	if r.MaxChars < 0 || r.Expand < 0 || r.MinLinkDensity < 0 || r.MinLinkDensity > 1 {
		return c, fmt.Errorf("%w %q: MaxChars, Expand and MinLinkDensity must not be negative (and MinLinkDensity at most 1)", ErrInvalidRule, r.Name)
	}
	return c, nil
}

// compileRules builds the rule set from the built-in rules, the user's extra
// rules (which replace built-ins of the same name) and the disabled names.
func compileRules(builtin, extra []Rule, disable []string) (*ruleSet, error) {
	byName := make(map[string]int, len(builtin)+len(extra))
	var all []Rule
	for _, r := range builtin {
		byName[r.Name] = len(all)
		all = append(all, r)
	}
	seen := make(map[string]bool, len(extra))
	for _, r := range extra {
		if seen[r.Name] {
			return nil, fmt.Errorf("%w %q: defined twice", ErrInvalidRule, r.Name)
		}
		seen[r.Name] = true
		if i, ok := byName[r.Name]; ok {
			all[i] = r
			continue
		}
		byName[r.Name] = len(all)
		all = append(all, r)
	}
	off := make(map[string]bool, len(disable))
	for _, name := range disable {
		if _, ok := byName[name]; !ok {
			return nil, fmt.Errorf("%w %q: cannot disable a rule that does not exist", ErrInvalidRule, name)
		}
		off[name] = true
	}
	rs := &ruleSet{}
	for _, r := range all {
		if off[r.Name] {
			continue
		}
		c, err := compileRule(r)
		if err != nil {
			return nil, err
		}
		if r.Stage == StageBody {
			rs.body = append(rs.body, c)
		} else {
			rs.page = append(rs.page, c)
		}
	}
	return rs, nil
}

// matches reports whether n is a candidate of the rule, given its text
// statistics.
func (c *compiledRule) matches(n *html.Node, st *textStats) bool {
	if c.sel != nil && !c.sel.Match(n) {
		return false
	}
	if c.MaxChars > 0 && st.chars(n) > c.MaxChars {
		return false
	}
	if c.MinLinkDensity > 0 && st.linkDensity(n) < c.MinLinkDensity {
		return false
	}
	if c.text != nil && !c.text.MatchString(st.text(n)) {
		return false
	}
	return true
}

// apply removes every element under root that a rule in rules matches and
// returns what it removed. It checks ctx every few hundred elements.
func applyRules(ctx context.Context, rules []compiledRule, root *html.Node, st *textStats) ([]Removal, error) {
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
	visited := 0
	for n := root.FirstChild; n != nil; {
		next := nextSkipping(n, root, false)
		if n.Type == html.ElementNode {
			if visited++; visited%512 == 0 && ctx.Err() != nil {
				return nil, canceled(ctx)
			}
			for i := range rules {
				r := &rules[i]
				if !r.matches(n, st) {
					continue
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
				next = nextSkipping(n, root, true)
				break
			}
		}
		n = next
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

// nextSkipping returns the node after n in document order within root,
// skipping n's children when skipChildren is set. It never recurses.
func nextSkipping(n, root *html.Node, skipChildren bool) *html.Node {
	if !skipChildren && n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil && n != root; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}
