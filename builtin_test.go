package declutter

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuiltinDescriptions: every built-in rule has a description, and no
// description names a rule that is not in the table (a rule renamed or
// removed in boilerplate.go).
func TestBuiltinDescriptions(t *testing.T) {
	names := map[string]bool{}
	for _, r := range builtinRules {
		names[r.Name] = true
		d, ok := builtinDescriptions[r.Name]
		if assert.True(t, ok, "built-in rule %q has no description in builtin.go", r.Name) {
			assert.NotEmpty(t, strings.TrimSpace(d), r.Name)
			assert.NotContains(t, d, "\n", "%s: one line", r.Name)
			assert.True(t, strings.HasSuffix(d, "."), "%s: a sentence, ending with a full stop", r.Name)
		}
	}
	for name := range builtinDescriptions {
		assert.True(t, names[name], "builtin.go describes %q, which is not a built-in rule", name)
	}
}

// TestBuiltinRules: the table as declared, in its order, and copies that
// the caller can change without changing declutter.
func TestBuiltinRules(t *testing.T) {
	got := BuiltinRules()
	require.Len(t, got, len(builtinRules)+len(builtinSteps))
	got = got[:len(builtinRules)]
	for i, r := range got {
		assert.Equal(t, builtinRules[i].Name, r.Name)
		assert.Equal(t, builtinRules[i].Stage, r.Stage)
		assert.Equal(t, builtinRules[i].Selector, r.Selector)
		assert.Equal(t, builtinRules[i].Text, r.Text)
		assert.Equal(t, builtinDescriptions[r.Name], r.Description)
	}

	var withPhrases int
	for i := range got {
		if len(got[i].Phrases) > 0 {
			withPhrases = i
			break
		}
	}
	require.NotZero(t, withPhrases, "some built-in rule has phrases")
	was := builtinRules[withPhrases].Phrases[0]
	got[withPhrases].Phrases[0] = "changed by the caller"
	got[withPhrases].Selector = "changed"
	assert.Equal(t, was, builtinRules[withPhrases].Phrases[0], "BuiltinRules shares a slice with the table")
	assert.Equal(t, was, BuiltinRules()[withPhrases].Phrases[0])
	assert.NotEqual(t, "changed", builtinRules[withPhrases].Selector)

	// A changed copy replaces the built-in rule of its name.
	r := BuiltinRules()[0].Rule
	r.MaxChars = 1
	_, err := New(Options{Rules: []Rule{r}})
	assert.NoError(t, err)
}
