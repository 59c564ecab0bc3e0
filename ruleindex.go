package declutter

import (
	"strings"

	"golang.org/x/net/html"
)

// The rule index tells, for one element, which rules can possibly match it,
// so that the selectors of the others are never run. It looks at the
// element's tag and attributes once, whatever the number of rules: every
// alternative of a selector is keyed by one condition its subject must
// meet (a tag, an attribute, or a substring of an attribute's value), and
// the substrings of each attribute are found in one pass over its value.
// The index only narrows: cascadia still decides every candidate.

// selKey is a condition that every element matching one alternative of a
// selector meets.
type selKey struct {
	tag  string // the element's name, when set
	attr string // else an attribute the element has...
	sub  string // ...whose value contains sub, ASCII case folded, when set
}

// minKeySub is the shortest substring worth indexing; shorter ones key by
// the attribute's presence.
const minKeySub = 2

// selectorKeys returns one key per comma-separated alternative of sel, or
// false when some alternative gives no usable condition (":not(abbr)"), so
// the rule must be tried on every element.
func selectorKeys(sel string) ([]selKey, bool) {
	var keys []selKey
	for _, alt := range splitTopLevel(sel, ',') {
		k, ok := compoundKey(subjectCompound(strings.TrimSpace(alt)))
		if !ok {
			return nil, false
		}
		keys = append(keys, k)
	}
	return keys, len(keys) > 0
}

// topLevel returns the indices of the bytes of s that stand outside
// brackets, parentheses and quotes, in order.
func topLevel(s string) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		depth, quote := 0, byte(0)
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '(' || c == '[':
				depth++
			case c == ')' || c == ']':
				depth--
			case depth == 0:
				if !yield(i) {
					return
				}
			}
		}
	}
}

// splitTopLevel splits s at sep outside brackets, parentheses and quotes.
func splitTopLevel(s string, sep byte) []string {
	var parts []string
	start := 0
	for i := range topLevel(s) {
		if s[i] == sep {
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// subjectCompound returns the last compound selector of a complex one: the
// part after its last combinator, which the matched element itself meets.
func subjectCompound(alt string) string {
	start := 0
	for i := range topLevel(alt) {
		switch alt[i] {
		case ' ', '>', '+', '~', '\t', '\n':
			start = i + 1
		}
	}
	return alt[start:]
}

// compoundKey picks the most selective condition of a compound selector:
// a class, id or attribute substring, else the tag, else an attribute's
// presence. Syntax it does not follow (escapes, namespaces) gives false.
func compoundKey(c string) (selKey, bool) {
	if strings.ContainsAny(c, `\|`) && !strings.Contains(c, "|=") {
		return selKey{}, false
	}
	i := 0
	for i < len(c) && isIdentByte(c[i]) {
		i++
	}
	tag := strings.ToLower(c[:i])
	var best, presence selKey
	for i < len(c) {
		switch c[i] {
		case '*':
			i++
		case '.', '#':
			attr := "class"
			if c[i] == '#' {
				attr = "id"
			}
			j := i + 1
			for j < len(c) && isIdentByte(c[j]) {
				j++
			}
			consider(&best, &presence, attr, c[i+1:j])
			i = j
		case '[':
			j := closing(c, i, '[', ']')
			if j < 0 {
				return selKey{}, false
			}
			if attr, sub, ok := attributeTest(c[i+1 : j]); ok {
				consider(&best, &presence, attr, sub)
			}
			i = j + 1
		case ':':
			j := i + 1
			for j < len(c) && (c[j] == ':' || isIdentByte(c[j])) {
				j++
			}
			if j < len(c) && c[j] == '(' {
				if j = closing(c, j, '(', ')'); j < 0 {
					return selKey{}, false
				}
				j++
			}
			i = j
		default:
			return selKey{}, false
		}
	}
	switch {
	case best.attr != "":
		return best, true
	case tag != "" && tag != "*":
		return selKey{tag: tag}, true
	case presence.attr != "":
		return presence, true
	}
	return selKey{}, false
}

// consider records an attribute condition: a substring long enough to index
// becomes the key (class and id first), a shorter one a presence test.
func consider(best, presence *selKey, attr, sub string) {
	sub = strings.ToLower(sub)
	if len(sub) < minKeySub || !isASCII(sub) {
		if presence.attr == "" {
			*presence = selKey{attr: attr}
		}
		return
	}
	if best.attr == "" || (best.attr != "class" && best.attr != "id" && (attr == "class" || attr == "id")) {
		*best = selKey{attr: attr, sub: sub}
	}
}

// attributeTest reads the inside of [...]: the attribute and the value it
// must contain. "!=" (cascadia's "not equal") and "#=" (a regexp) give no
// substring; "!=" matches elements without the attribute, so it gives
// nothing at all.
func attributeTest(s string) (attr, sub string, ok bool) {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && isIdentByte(s[j]) {
		j++
	}
	attr = strings.ToLower(s[i:j])
	rest := strings.TrimSpace(s[j:])
	if attr == "" {
		return "", "", false
	}
	if rest == "" {
		return attr, "", true
	}
	if strings.HasPrefix(rest, "!=") {
		return "", "", false
	}
	if strings.HasPrefix(rest, "#=") {
		return attr, "", true
	}
	if k := strings.IndexByte(rest, '='); k >= 0 && k <= 1 {
		v := strings.TrimSpace(rest[k+1:])
		if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
			if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
				return attr, v[1 : 1+end], true
			}
			return "", "", false
		}
		if end := strings.IndexAny(v, " \t"); end >= 0 {
			v = v[:end]
		}
		return attr, v, true
	}
	return "", "", false
}

// closing returns the index of the bracket closing the one at i, or -1.
func closing(s string, i int, open, close byte) int {
	depth, quote := 0, byte(0)
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == open:
			depth++
		case c == close:
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

func isIdentByte(c byte) bool {
	return c == '-' || c == '_' || 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c >= 0x80
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ruleIndex maps an element to the rules that may match it.
type ruleIndex struct {
	n        int                    // rules in the stage
	always   []int                  // rules tried on every element
	byTag    map[string][]int       // rules keyed by an element name
	byAttr   map[string][]int       // rules keyed by an attribute's presence
	bySubstr map[string]*substrings // rules keyed by a substring, per attribute
}

// substrings finds lowercase needles (of two bytes or more) in a text in
// one pass, indexed by their first byte; second holds, per first byte, the
// bytes that can follow it, so most positions are passed over at once.
type substrings struct {
	first  [256][]needle
	second [256]byteSet
}

type needle struct {
	s     string
	rules []int
}

func newRuleIndex(rules []compiledRule) *ruleIndex {
	x := &ruleIndex{
		n:        len(rules),
		byTag:    map[string][]int{},
		byAttr:   map[string][]int{},
		bySubstr: map[string]*substrings{},
	}
	for i := range rules {
		keys, ok := []selKey(nil), false
		if rules[i].sel != nil {
			keys, ok = selectorKeys(rules[i].Selector)
		}
		if !ok {
			x.always = append(x.always, i)
			continue
		}
		for _, k := range keys {
			switch {
			case k.tag != "":
				x.byTag[k.tag] = appendRule(x.byTag[k.tag], i)
			case k.sub == "":
				x.byAttr[k.attr] = appendRule(x.byAttr[k.attr], i)
			default:
				x.substrings(k.attr).add(k.sub, i)
			}
		}
	}
	return x
}

func (x *ruleIndex) substrings(attr string) *substrings {
	s := x.bySubstr[attr]
	if s == nil {
		s = &substrings{}
		x.bySubstr[attr] = s
	}
	return s
}

func (s *substrings) add(sub string, rule int) {
	list := s.first[sub[0]]
	for i := range list {
		if list[i].s == sub {
			list[i].rules = appendRule(list[i].rules, rule)
			return
		}
	}
	s.first[sub[0]] = append(list, needle{s: sub, rules: []int{rule}})
	s.second[sub[0]].add(sub[1])
}

// appendRule adds rule to a list of rule indices unless it is last already
// (rules are added in order, so that is the only place a repeat can be).
func appendRule(list []int, rule int) []int {
	if len(list) > 0 && list[len(list)-1] == rule {
		return list
	}
	return append(list, rule)
}

// candidates marks in set (one bit per rule, cleared by the caller) the
// rules that may match n.
func (x *ruleIndex) candidates(n *html.Node, set []uint64) {
	mark := func(rules []int) {
		for _, r := range rules {
			set[r/64] |= 1 << (r % 64)
		}
	}
	mark(x.always)
	mark(x.byTag[n.Data])
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		mark(x.byAttr[a.Key])
		if s := x.bySubstr[a.Key]; s != nil {
			s.find(a.Val, func(rules []int) bool { mark(rules); return true })
		}
	}
}

// find calls found with the rules of each needle in v, ASCII case folded,
// until it returns false.
func (s *substrings) find(v string, found func(rules []int) bool) {
	findSubstrings(s, v, found)
}

// findSubstrings is substrings.find for a string or a byte slice.
func findSubstrings[S ~string | ~[]byte](s *substrings, v S, found func(rules []int) bool) {
	for i := 0; i+1 < len(v); i++ {
		c := lowerASCII(v[i])
		if !s.second[c].has(lowerASCII(v[i+1])) {
			continue
		}
		for _, nd := range s.first[c] {
			if hasLowerPrefix(v[i:], nd.s) && !found(nd.rules) {
				return
			}
		}
	}
}

// containsAny reports whether v holds any of the needles.
func (s *substrings) containsAny(v string) bool {
	hit := false
	s.find(v, func([]int) bool { hit = true; return false })
	return hit
}

// newPhraseSet indexes a rule's phrases, or returns nil when one is too
// short to index.
func newPhraseSet(phrases []string) *substrings {
	s := &substrings{}
	for _, p := range phrases {
		if len(p) < 2 {
			return nil
		}
		s.add(p, 0)
	}
	return s
}

// hasLowerPrefix reports whether s starts with prefix, which is lower
// case, ignoring ASCII case in s.
func hasLowerPrefix[S ~string | ~[]byte](s S, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lowerASCII(s[i]) != prefix[i] {
			return false
		}
	}
	return true
}
