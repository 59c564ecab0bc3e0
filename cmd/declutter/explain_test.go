package main

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExplainFormat(t *testing.T) {
	r := runCmd(t, readingTimePage(), "-format", "explain")
	require.Equal(t, exitOK, r.code, r.stderr)
	text, removed, ok := strings.Cut(r.stdout, "Removed by rules")
	require.True(t, ok, "a removed section:\n%s", r.stdout)
	assert.Contains(t, text, "tram depot", "the article text comes first")
	assert.NotContains(t, text, "5 min read")
	assert.Regexp(t, `(?m)^\s*\[reading-time\] 5 min read$`, removed)
	assert.NotContains(t, r.stdout, "\x1b[", "no colour when stdout is not a terminal")

	// A page where nothing was removed says so.
	r = runCmd(t, articleHTML("Depot vote", story("Elmford")...), "-format", "explain")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Removed by rules: none")
}

func TestExplainColour(t *testing.T) {
	tty := func(io.Writer) bool { return true }
	notTTY := func(io.Writer) bool { return false }
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "NO_COLOR" {
				return v
			}
			return ""
		}
	}
	assert.True(t, useColour(io.Discard, env(""), tty))
	assert.False(t, useColour(io.Discard, env("1"), tty), "NO_COLOR set")
	assert.False(t, useColour(io.Discard, env(""), notTTY))

	var b strings.Builder
	writeExplain(&b, "Title", "Body text.", []removalLine{{"reading-time", "5 min read"}}, true)
	assert.Contains(t, b.String(), "\x1b[")
	assert.Contains(t, b.String(), "reading-time")
}
