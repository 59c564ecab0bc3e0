package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readingTimePage is a story with a "5 min read" line, which the built-in
// reading-time rule removes.
func readingTimePage() string {
	ps := story("Elmford")
	return articleHTML("Depot vote", append([]string{"5 min read"}, ps...)...)
}

func TestListRules(t *testing.T) {
	r := runCmd(t, "", "-list-rules")
	require.Equal(t, exitOK, r.code, r.stderr)
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		f := strings.Fields(line)
		require.GreaterOrEqual(t, len(f), 3, "line %q: want name, stage, description", line)
		assert.Contains(t, []string{"page", "body"}, f[1], "line %q", line)
		if f[0] == "reading-time" {
			found = true
			assert.Equal(t, "body", f[1])
		}
	}
	assert.True(t, found, "reading-time is listed:\n%s", r.stdout)
}

func TestDisableKeepsWhatTheRuleRemoves(t *testing.T) {
	page := readingTimePage()
	on := runCmd(t, page)
	require.Equal(t, exitOK, on.code, on.stderr)
	assert.NotContains(t, on.stdout, "5 min read")
	assert.Contains(t, on.stdout, "tram depot")

	off := runCmd(t, page, "-disable", "reading-time")
	require.Equal(t, exitOK, off.code, off.stderr)
	assert.Contains(t, off.stdout, "5 min read")
	assert.Contains(t, off.stdout, "tram depot")
}

func TestDisableUnknownIsUsageError(t *testing.T) {
	r := runCmd(t, readingTimePage(), "-disable", "reading-time,no-such-rule")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "no-such-rule")
	assert.Contains(t, r.stderr, "-list-rules")
}

func TestUserRulesFile(t *testing.T) {
	dir := t.TempDir()
	rules := filepath.Join(dir, "rules.json")
	writeFile(t, rules, []byte(`[
  {"name": "depot-library", "stage": "body", "selector": "p", "text": "public library", "max_chars": 400},
  {"Name": "depot-housing", "Stage": 1, "Phrases": ["sold for housing"]}
]`))
	r := runCmd(t, readingTimePage(), "-rules", rules)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.NotContains(t, r.stdout, "public library")
	assert.NotContains(t, r.stdout, "sold for housing")
	assert.Contains(t, r.stdout, "tram depot", "text no rule matches is kept")
	r = runCmd(t, readingTimePage(), "-rules", rules, "-format", "json")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"rule":"depot-library"`)
	assert.Contains(t, r.stdout, `"rule":"depot-housing"`)

	// A user rule can be disabled by name like a built-in one.
	r = runCmd(t, readingTimePage(), "-rules", rules, "-disable", "depot-library")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "public library")
	assert.NotContains(t, r.stdout, "sold for housing")
}

func TestUserRulesFileErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"notjson.json":  `{not json`,
		"badsel.json":   `[{"name": "broken", "selector": "p[["}]`,
		"badstage.json": `[{"name": "staged", "stage": "middle", "selector": "p"}]`,
		"unknown.json":  `[{"name": "typo", "selektor": "p"}]`,
		"noname.json":   `[{"selector": "p"}]`,
	} {
		path := filepath.Join(dir, name)
		writeFile(t, path, []byte(body))
		r := runCmd(t, readingTimePage(), "-rules", path)
		assert.Equal(t, exitUsage, r.code, "%s: %s", name, r.stderr)
		assert.Contains(t, r.stderr, path, name)
	}
	r := runCmd(t, "", "-rules", filepath.Join(dir, "missing.json"))
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "missing.json")
}

func TestRecursiveGlob(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "top.html"), []byte(articleHTML("Top", story("Alderley")...)))
	writeFile(t, filepath.Join(dir, "a", "b", "deep.html"), []byte(articleHTML("Deep", story("Brambleton")...)))
	writeFile(t, filepath.Join(dir, "a", "skip.txt"), []byte("not a page"))
	r := runCmd(t, "", "-format", "json", filepath.Join(dir, "**", "*.html"))
	require.Equal(t, exitOK, r.code, r.stderr)
	recs := jsonLines(t, r.stdout)
	var files []string
	for _, rec := range recs {
		files = append(files, filepath.Base(rec["file"].(string)))
	}
	assert.ElementsMatch(t, []string{"top.html", "deep.html"}, files)

	// A plain glob still works as before.
	r = runCmd(t, "", "-format", "json", filepath.Join(dir, "*.html"))
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Len(t, jsonLines(t, r.stdout), 1)
}

func TestMatchSegments(t *testing.T) {
	for _, c := range []struct {
		pat, name string
		want      bool
	}{
		{"**/*.html", "a.html", true},
		{"**/*.html", "x/y/a.html", true},
		{"x/**/a.html", "x/a.html", true},
		{"x/**/a.html", "x/y/z/a.html", true},
		{"x/**/a.html", "y/a.html", false},
		{"**/*.html", "x/a.htm", false},
		{"**", "x/y/a.html", true},
		{"*.html", "x/a.html", false},
	} {
		got := matchSegments(strings.Split(c.pat, "/"), strings.Split(c.name, "/"))
		assert.Equal(t, c.want, got, "%s ~ %s", c.pat, c.name)
	}
}

func TestRecursiveGlobNoMatch(t *testing.T) {
	dir := t.TempDir()
	r := runCmd(t, "", filepath.Join(dir, "nowhere", "**", "*.html"))
	assert.Equal(t, exitFailed, r.code)
	assert.Contains(t, r.stderr, "no file matches")
}

func TestHelpNamesEveryFlagAndInput(t *testing.T) {
	r := runCmd(t, "", "-h")
	require.Equal(t, exitOK, r.code)
	for _, want := range []string{"-disable", "-rules", "-list-rules", "-o DIR", "explain", "**", "page.json", ".warc.gz", "URL", "standard input"} {
		assert.Contains(t, r.stderr, want)
	}
}
