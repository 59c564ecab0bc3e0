package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/nlnwa/gowarc/v3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestOutDirOneFilePerPage(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "a", "page.html"), []byte(articleHTML("First", story("Alderley")...)))
	writeFile(t, filepath.Join(in, "b", "page.html.gz"), gzipBytes(t, []byte(articleHTML("Second", story("Brambleton")...))))
	writeFile(t, filepath.Join(in, "other.htm"), []byte(articleHTML("Third", story("Crowhurst")...)))
	out := filepath.Join(t.TempDir(), "out")

	r := runCmd(t, "", "-o", out, in)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, r.stdout, "nothing on stdout with -o")
	assert.Equal(t, []string{"other.txt", "page-2.txt", "page.txt"}, dirNames(t, out), "two page.html never share a name")
	got, err := os.ReadFile(filepath.Join(out, "page.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(got), "Alderley")
	assert.NotContains(t, string(got), "==>", "one page per file: no name header")
	got, err = os.ReadFile(filepath.Join(out, "page-2.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(got), "Brambleton")

	for format, ext := range map[string]string{"json": ".json", "markdown": ".md", "html": ".html"} {
		dir := filepath.Join(t.TempDir(), format)
		r := runCmd(t, "", "-o", dir, "-format", format, filepath.Join(in, "other.htm"))
		require.Equal(t, exitOK, r.code, r.stderr)
		assert.Equal(t, []string{"other" + ext}, dirNames(t, dir), format)
		if format == "json" {
			data, err := os.ReadFile(filepath.Join(dir, "other.json"))
			require.NoError(t, err)
			var m map[string]any
			require.NoError(t, json.Unmarshal(data, &m), "one JSON object")
			assert.Equal(t, "Third", m["title"])
		}
	}
}

func TestOutDirWARCAndSafeNames(t *testing.T) {
	in := t.TempDir()
	page := articleHTML("Depot vote", story("Elmford")...)
	members := buildWARC(t, false,
		warcEntry{typ: gowarc.Response, uri: "https://news.example.org/../../etc/passwd", date: "2024-05-01T10:00:00Z", http: httpResponse("text/html", page)},
		warcEntry{typ: gowarc.Response, uri: "https://news.example.org/b", date: "2024-05-01T10:00:00Z", http: httpResponse("text/html", page)},
	)
	var all []byte
	for _, m := range members {
		all = append(all, m...)
	}
	writeFile(t, filepath.Join(in, "crawl.warc"), all)
	out := t.TempDir()
	r := runCmd(t, "", "-o", out, filepath.Join(in, "crawl.warc"))
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, []string{"crawl-1.txt", "crawl-2.txt"}, dirNames(t, out))

	for _, c := range []struct{ in, want string }{
		{"../../etc/passwd", "etc_passwd"},
		{"..", "page"},
		{"", "page"},
		{"a b/c:d", "a_b_c_d"},
		{".hidden", "hidden"},
	} {
		assert.Equal(t, c.want, safeName(c.in), c.in)
	}
}

func TestOutBase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"pages/page.html", "page"},
		{"pages/page.html.gz", "page"},
		{"-", "stdin"},
		{"https://news.example.org/2024/a-story?x=1", "news.example.org_2024_a-story_x_1"},
		{"https://evil.example/../../x", "evil.example_x"},
	} {
		assert.Equal(t, c.want, outBase(c.in), c.in)
	}
}
