package declutter

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func TestFirstBytes(t *testing.T) {
	for _, tc := range []struct {
		pattern   string
		in, notIn string
	}{
		{`(?i)^foo`, "fF", "oa \xe2"},
		{`^\s*x|^y`, " \t\nxy", "X"},
		{`(?i)^k`, "kK\xe2", "x"}, // the Kelvin sign folds to k
		{`(?i)^s`, "sS\xc5", "x"}, // and the long s to s
		{`^\p{Lu}`, "AZ\xc3\xd0", "a0"},
		{`^(?i:by)\s*:?`, "bB", "y:"},
		{`^(a|b)?c`, "abc", "d"},
		{`^\d{2,4}`, "09", "a"},
		{`^[^a]`, "b\xc3\xff", "a"},
		// An invalid byte reads as U+FFFD, which these match (FuzzFirstBytes).
		{`^[\S]`, "b\x8e\xc0\xff", " "},
		{"^\uFFFD", "\x8e\xef", "a"},
	} {
		set, ok := firstBytes(tc.pattern)
		require.True(t, ok, tc.pattern)
		for i := 0; i < len(tc.in); i++ {
			assert.True(t, set.has(tc.in[i]), "%s: %q", tc.pattern, tc.in[i])
		}
		for i := 0; i < len(tc.notIn); i++ {
			assert.False(t, set.has(tc.notIn[i]), "%s: %q", tc.pattern, tc.notIn[i])
		}
	}
	for _, p := range []string{`foo`, `^a*`, `^$`, `(?m)^x`, `x|^y`, `(`, `^(a|)`} {
		_, ok := firstBytes(p)
		assert.False(t, ok, p)
	}
}

// TestFirstBytesOnRules checks the filter's one promise for every built-in
// Text pattern, on the short texts of the testdata pages and on the rules'
// own cases: no text the pattern matches is filtered out.
func TestFirstBytesOnRules(t *testing.T) {
	var texts []string
	addTexts := func(page []byte) {
		doc, err := html.Parse(bytes.NewReader(page))
		require.NoError(t, err)
		st := newTextStats(doc)
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && st.chars(n) <= 300 {
				texts = append(texts, st.text(n))
			}
		}
	}
	for _, page := range testPages(t) {
		addTexts(page)
	}
	for _, cases := range boilerplateCases {
		for _, c := range append(cases.remove, cases.keep...) {
			addTexts([]byte(c.html))
		}
	}
	filtered, matched := 0, 0
	for _, r := range builtinRules {
		if r.Text == "" {
			continue
		}
		set, ok := firstBytes(r.Text)
		if !ok {
			continue
		}
		re := regexp.MustCompile(r.Text)
		for _, s := range texts {
			hit := re.MatchString(s)
			pass := s != "" && set.has(s[0])
			if hit {
				matched++
				assert.True(t, pass, "rule %s: %q matches but is filtered out", r.Name, s)
			}
			if !pass {
				filtered++
			}
		}
	}
	assert.Greater(t, matched, 100, "the texts exercise the patterns")
	assert.Greater(t, filtered, matched, "the filter skips most calls")
}

// FuzzFirstBytes checks the promise for any pattern and text.
func FuzzFirstBytes(f *testing.F) {
	for _, r := range builtinRules {
		if r.Text != "" {
			f.Add(r.Text, "Related articles")
		}
	}
	f.Add(`(?i)^k`, "\u212a")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		set, ok := firstBytes(pattern)
		if ok && re.MatchString(text) && (text == "" || !set.has(text[0])) {
			t.Fatalf("%q matches %q but the filter rules it out", pattern, text)
		}
	})
}

// TestCostlyTextRulesAreNarrowed keeps every built-in Text rule cheap on
// long paragraphs: a pattern whose first byte the filter cannot narrow to
// a few letters runs on every element of up to MaxChars characters, so it
// needs a short MaxChars or Phrases that must be present first. (A
// disclaimer pattern starting ".{2,60}" once doubled the time of a 50 MB
// page.)
func TestCostlyTextRulesAreNarrowed(t *testing.T) {
	for _, r := range builtinRules {
		if r.Text == "" || len(r.Phrases) > 0 || r.MaxChars > 0 && r.MaxChars <= 120 {
			continue
		}
		set, ok := firstBytes(r.Text)
		letters := 0
		for b := 'a'; b <= 'z'; b++ {
			if set.has(byte(b)) {
				letters++
			}
		}
		if !ok || letters > 20 {
			t.Errorf("rule %s: Text %.40q… can start with %d letters (filter ok=%v) and runs on texts of up to %d characters: give it Phrases or a MaxChars of 120 or less",
				r.Name, r.Text, letters, ok, r.MaxChars)
		}
	}
}
