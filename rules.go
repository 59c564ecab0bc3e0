package declutter

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
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
	// whole text. A rule with Text or Phrases but no Selector is tried on
	// every element whose text is at most MaxChars long.
	Text string

	// Phrases, when set, lists lowercase phrases of which the candidate's
	// text, lowercased, must contain at least one. It is much cheaper than
	// an unanchored case-insensitive Text pattern for plain cue phrases.
	Phrases []string

	// MaxChars keeps candidates whose text is longer: boilerplate is short,
	// and a long block that mentions a cue is probably article text. Zero
	// means no cap, except for Text-only rules where it defaults to 200.
	MaxChars int

	// MinChars, when positive, keeps candidates whose text is shorter.
	MinChars int

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

	// Match, when set, is a last test in Go for what a selector and a
	// pattern cannot say (a sibling's text, an attribute's value as a
	// number): it gets the candidate, which has passed every other test,
	// as a goquery selection of one element. It must not modify the tree,
	// and it must be safe for concurrent use.
	Match func(*goquery.Selection) bool
}

// defaultTextOnlyMaxChars bounds Text-only rules, which look at every
// element, so that they stay cheap and never take a long block of prose.
const defaultTextOnlyMaxChars = 200

// compiledRule is a Rule with its selector and pattern compiled.
type compiledRule struct {
	Rule
	sel  cascadia.Matcher // nil: any element
	text *regexp.Regexp   // nil: any text

	// first holds the bytes a text match can start with, when hasFirst:
	// texts starting otherwise skip the pattern.
	first    byteSet
	hasFirst bool

	// phrasesIndexed says that the stage's phrase index holds Phrases
	// (each of two bytes or more); otherwise strings.Contains tests them.
	phrasesIndexed bool
}

// ruleSet is an immutable, compiled set of rules, safe for concurrent use.
type ruleSet struct {
	page, body stageRules
	// stepOff holds the structural steps (builtinSteps) switched off.
	stepOff map[string]bool
}

// stepOn reports whether the structural step name runs.
func (rs *ruleSet) stepOn(name string) bool { return !rs.stepOff[name] }

// stageRules are the rules of one stage and the index that tells which of
// them may match an element, so that one walk of the tree tries each
// element against only those.
type stageRules struct {
	rules   []compiledRule
	index   *ruleIndex
	phrases *substrings // every indexed rule's Phrases, found in one pass
}

func compileRule(r Rule) (compiledRule, error) {
	c := compiledRule{Rule: r}
	if strings.TrimSpace(r.Name) == "" {
		return c, fmt.Errorf("%w: a rule has no name (selector %q, text %q)", ErrInvalidRule, r.Selector, r.Text)
	}
	if r.Selector == "" && r.Text == "" && len(r.Phrases) == 0 {
		return c, fmt.Errorf("%w %q: needs a Selector, a Text or Phrases (Match alone would run on every element)", ErrInvalidRule, r.Name)
	}
	for _, ph := range r.Phrases {
		if ph == "" || ph != strings.ToLower(ph) {
			return c, fmt.Errorf("%w %q: phrase %q must be non-empty and lowercase", ErrInvalidRule, r.Name, ph)
		}
	}
	c.phrasesIndexed = len(r.Phrases) > 0 && newPhraseSet(r.Phrases) != nil
	if r.Selector == "" && c.MaxChars <= 0 {
		c.MaxChars = defaultTextOnlyMaxChars
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
		c.first, c.hasFirst = firstBytes(r.Text)
	}
	if r.MaxChars < 0 || r.MinChars < 0 || r.Expand < 0 || r.MinLinkDensity < 0 || r.MinLinkDensity > 1 {
		return c, fmt.Errorf("%w %q: MaxChars, MinChars, Expand and MinLinkDensity must not be negative (and MinLinkDensity at most 1)", ErrInvalidRule, r.Name)
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
	rs := &ruleSet{}
	for _, name := range disable {
		if isStep(name) {
			if rs.stepOff == nil {
				rs.stepOff = map[string]bool{}
			}
			rs.stepOff[name] = true
			if _, ok := byName[name]; !ok {
				continue
			}
		}
		if _, ok := byName[name]; !ok {
			return nil, fmt.Errorf("%w %q: cannot disable a rule that does not exist", ErrInvalidRule, name)
		}
		off[name] = true
	}
	for _, r := range all {
		if off[r.Name] {
			continue
		}
		c, err := compileRule(r)
		if err != nil {
			return nil, err
		}
		if r.Stage == StageBody {
			rs.body.rules = append(rs.body.rules, c)
		} else {
			rs.page.rules = append(rs.page.rules, c)
		}
	}
	for _, st := range []*stageRules{&rs.page, &rs.body} {
		st.index = newRuleIndex(st.rules)
		st.phrases = &substrings{}
		for i, r := range st.rules {
			if r.phrasesIndexed {
				for _, p := range r.Phrases {
					st.phrases.add(p, i)
				}
			}
		}
	}
	return rs, nil
}

// isStep reports whether name is one of the structural steps.
func isStep(name string) bool {
	for _, s := range builtinSteps {
		if s.Name == name {
			return true
		}
	}
	return false
}

// candidate is an element being tried against the rules, with what every
// rule reads of it looked up once.
type candidate struct {
	n     *html.Node
	stats nodeStats
	// textSeen says that n's parent, with the same text, was already
	// tried: a Text-only rule cannot match n then, so its pattern is not
	// run again.
	textSeen bool

	// text and folded are computed on first need, text into scratch, a
	// buffer the stage reuses from one candidate to the next: neither is
	// read once n has been tried.
	scratch      *[]byte
	text, folded []byte
	upper        bool // the text has a capital beyond ASCII (collapser.upper)
	hasText      bool
	hasFolded    bool

	// phrases finds every rule's phrases at once; hits (one bit per rule)
	// holds the rules whose phrases the text has, once phrasesFound.
	phrases      *substrings
	hits         []uint64
	phrasesFound bool
}

// hasPhraseOf reports whether the text holds a phrase of rule i.
func (x *candidate) hasPhraseOf(i int) bool {
	if !x.phrasesFound {
		clear(x.hits)
		findSubstrings(x.phrases, x.foldedText(), func(rules []int) bool {
			for _, r := range rules {
				x.hits[r/64] |= 1 << (r % 64)
			}
			return true
		})
		x.phrasesFound = true
	}
	return x.hits[i/64]&(1<<(i%64)) != 0
}

// collapsed returns the candidate's text, white space collapsed.
func (x *candidate) collapsed() []byte {
	if !x.hasText {
		c := collapser{buf: (*x.scratch)[:0]}
		c.walk(x.n)
		*x.scratch = c.buf
		x.text, x.hasText, x.upper = c.buf, true, c.upper
	}
	return x.text
}

// foldedText returns the candidate's text for the phrase index, which
// folds ASCII case itself: the text as it is unless it has a rune beyond
// ASCII that unicode.ToLower changes, else the text in lower case.
func (x *candidate) foldedText() []byte {
	if !x.hasFolded {
		x.folded, x.hasFolded = x.collapsed(), true
		if x.upper {
			x.folded = bytes.ToLower(x.folded)
		}
	}
	return x.folded
}

// matches reports whether the rule takes the candidate. The cheap tests
// (text length, then the selector) come first.
func (c *compiledRule) matches(x *candidate, i int) bool {
	if c.sel == nil && x.textSeen {
		return false
	}
	if chars := x.stats.chars; c.MaxChars > 0 && chars > c.MaxChars || chars < c.MinChars {
		return false
	}
	if c.sel != nil && !c.sel.Match(x.n) {
		return false
	}
	if c.MinLinkDensity > 0 && x.stats.linkDensity() < c.MinLinkDensity {
		return false
	}
	if len(c.Phrases) > 0 && !c.hasPhrase(x, i) {
		return false
	}
	if c.text != nil {
		t := x.collapsed()
		if c.hasFirst && (len(t) == 0 || !c.first.has(t[0])) {
			return false
		}
		if !c.text.Match(t) {
			return false
		}
	}
	if c.Match != nil && !c.Match(goquery.NewDocumentFromNode(x.n).Selection) {
		return false
	}
	return true
}

// hasPhrase reports whether the candidate's text holds one of the
// Phrases of the rule, which is rule i of its stage.
func (c *compiledRule) hasPhrase(x *candidate, i int) bool {
	if c.phrasesIndexed {
		return x.hasPhraseOf(i)
	}
	return containsAnyOf(string(bytes.ToLower(x.collapsed())), c.Phrases)
}
