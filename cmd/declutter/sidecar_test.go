package main

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSidecarURL(t *testing.T) {
	dir := t.TempDir()
	page := articleHTML("Depot vote", story("Elmford")...)
	writeFile(t, filepath.Join(dir, "plain.html"), []byte(page))
	writeFile(t, filepath.Join(dir, "plain.json"), []byte(`{"url": "https://news.example.org/plain", "must_contain": ["x"]}`))
	writeFile(t, filepath.Join(dir, "zipped.html.gz"), gzipBytes(t, []byte(page)))
	writeFile(t, filepath.Join(dir, "zipped.json"), []byte(`{"url": "https://news.example.org/zipped"}`))
	writeFile(t, filepath.Join(dir, "alone.html"), []byte(page))
	writeFile(t, filepath.Join(dir, "broken.html"), []byte(page))
	writeFile(t, filepath.Join(dir, "broken.json"), []byte(`{"url": `))
	writeFile(t, filepath.Join(dir, "notweb.html"), []byte(page))
	writeFile(t, filepath.Join(dir, "notweb.json"), []byte(`{"url": "file:///etc/passwd"}`))

	r := runCmd(t, "", "-format", "json", dir)
	require.Equal(t, exitOK, r.code, r.stderr)
	urls := map[string]string{}
	for _, rec := range jsonLines(t, r.stdout) {
		urls[filepath.Base(rec["file"].(string))] = rec["url"].(string)
	}
	assert.Equal(t, map[string]string{
		"plain.html":     "https://news.example.org/plain",
		"zipped.html.gz": "https://news.example.org/zipped",
		"alone.html":     "",
		"broken.html":    "",
		"notweb.html":    "",
	}, urls)

	// -url wins over the sidecar.
	r = runCmd(t, "", "-format", "json", "-url", "https://other.example.net/x", filepath.Join(dir, "plain.html"))
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, "https://other.example.net/x", jsonLines(t, r.stdout)[0]["url"])
}

func TestStdinHint(t *testing.T) {
	var buf strings.Builder
	hintStdin(strings.NewReader(""), &buf, func(io.Reader) bool { return true })
	assert.Equal(t, stdinHintText+"\n", buf.String())

	buf.Reset()
	hintStdin(strings.NewReader(""), &buf, func(io.Reader) bool { return false })
	assert.Empty(t, buf.String())

	// A pipe or file on standard input gets no hint.
	r := runCmd(t, articleHTML("Depot vote", story("Elmford")...))
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.NotContains(t, r.stderr, "Ctrl-D")
}
