package main

import (
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTextOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "page.html")
	writeFile(t, path, []byte(articleHTML("Alpha depot", story("alpha")...)))

	r := runCmd(t, "", path)

	require.Equal(t, exitOK, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "Alpha depot\n\n"), r.stdout)
	assert.Contains(t, r.stdout, "alpha council met on Tuesday evening")
	assert.NotContains(t, r.stdout, "==>", "one input: no name header")
	assert.NotContains(t, r.stdout, "Example News", "footer chrome is not the article")
	assert.Empty(t, r.stderr, "one page: no summary")
}

// jsonFields is the JSON Lines contract, in order.
var jsonFields = []string{
	"file", "url", "title", "byline", "authors", "published", "modified", "site_name", "lang", "dir",
	"excerpt", "image", "image_caption", "tags", "content", "text", "word_count", "removed", "encoding",
}

// TestJSONBatch runs the command over a folder of gzipped pages with a
// broken one among them, on two workers.
func TestJSONBatch(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.html.gz"), gzipBytes(t, []byte(articleHTML("Alpha depot", story("alpha")...))))
	writeFile(t, filepath.Join(dir, "b.html.gz"), gzipBytes(t, []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3}))
	writeFile(t, filepath.Join(dir, "c", "c.htm"), []byte(articleHTML("Gamma library", story("gamma")...)))
	writeFile(t, filepath.Join(dir, "notes.txt"), []byte("not a page"))

	r := runCmd(t, "", "-format", "json", "-j", "2", "-url", "https://news.example.org/story", dir)

	assert.Equal(t, exitFailed, r.code)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 2, r.stderr)
	assert.Equal(t, filepath.Join(dir, "a.html.gz"), recs[0]["file"])
	assert.Equal(t, filepath.Join(dir, "c", "c.htm"), recs[1]["file"])
	assert.Equal(t, "https://news.example.org/story", recs[0]["url"])
	assert.Equal(t, "Gamma library", recs[1]["title"])
	assert.Contains(t, recs[0]["text"], "alpha council met")
	assert.Contains(t, recs[0]["content"], "<p>")
	assert.Greater(t, recs[0]["word_count"], 50.0)
	for _, rec := range recs {
		for _, f := range jsonFields {
			assert.Contains(t, rec, f)
		}
		assert.NotContains(t, rec, "warc_date", "only WARC records have WARC fields")
		for _, list := range []string{"authors", "tags", "removed"} {
			assert.NotNil(t, rec[list], "%s is a list, never null", list)
		}
	}
	assert.Contains(t, r.stderr, "declutter: "+filepath.Join(dir, "b.html.gz")+": ")
	assert.Contains(t, r.stderr, "3 pages: 2 ok, 1 failed")
}

// TestJSONFieldOrder checks the raw line, not a decoded map: the fields are
// written in the documented order with snake_case names.
func TestJSONFieldOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "page.html")
	writeFile(t, path, []byte(articleHTML("Alpha & Omega <1>", story("alpha")...)))

	r := runCmd(t, "", "-format", "json", path)

	require.Equal(t, exitOK, r.code, r.stderr)
	require.Equal(t, 1, strings.Count(r.stdout, "\n"), "exactly one line")
	var pos []int
	for _, f := range jsonFields {
		i := strings.Index(r.stdout, `"`+f+`":`)
		require.GreaterOrEqual(t, i, 0, f)
		pos = append(pos, i)
	}
	assert.IsIncreasing(t, pos)
	assert.Contains(t, r.stdout, `"title":"Alpha & Omega <1>"`, "no HTML escaping of JSON strings")
}

// TestOrderDeterministic extracts many pages on many workers: the output
// follows the input order every time.
func TestOrderDeterministic(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := range 16 {
		name := filepath.Join(dir, fmt.Sprintf("p%02d.html", i))
		marker := fmt.Sprintf("marker%02d", i)
		// Pages of very different sizes finish in a different order.
		paras := story(marker)
		for range 16 - i {
			paras = append(paras, story(marker)...)
		}
		writeFile(t, name, []byte(articleHTML("Story "+marker, paras...)))
		want = append(want, name)
	}
	for range 3 {
		r := runCmd(t, "", "-format", "json", "-j", "8", filepath.Join(dir, "*.html"))
		require.Equal(t, exitOK, r.code, r.stderr)
		var got []string
		for _, rec := range jsonLines(t, r.stdout) {
			got = append(got, rec["file"].(string))
		}
		require.Equal(t, want, got)
	}
}

func TestMissingInputsReported(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.html")
	writeFile(t, good, []byte(articleHTML("Alpha", story("alpha")...)))
	missing := filepath.Join(dir, "missing.html")
	noMatch := filepath.Join(dir, "*.nothing")

	r := runCmd(t, "", missing, good, noMatch)

	assert.Equal(t, exitFailed, r.code)
	assert.Contains(t, r.stdout, "==> "+good+" <==\nAlpha\n\n")
	assert.Contains(t, r.stderr, "declutter: "+missing+": ")
	assert.Contains(t, r.stderr, "declutter: "+noMatch+": no file matches the pattern")
	assert.Contains(t, r.stderr, "3 pages: 1 ok, 2 failed")
}

func TestStdin(t *testing.T) {
	page := articleHTML("Alpha", story("alpha")...)
	for name, args := range map[string][]string{"no argument": nil, "dash": {"-"}} {
		t.Run(name, func(t *testing.T) {
			r := runCmd(t, page, args...)
			require.Equal(t, exitOK, r.code, r.stderr)
			assert.Contains(t, r.stdout, "alpha council met")
		})
	}
	t.Run("gzipped", func(t *testing.T) {
		r := runCmd(t, string(gzipBytes(t, []byte(page))), "-format", "json", "-url", "https://example.org/a")
		require.Equal(t, exitOK, r.code, r.stderr)
		rec := jsonLines(t, r.stdout)[0]
		assert.Equal(t, "-", rec["file"])
		assert.Equal(t, "https://example.org/a", rec["url"])
	})
	t.Run("empty", func(t *testing.T) {
		r := runCmd(t, "")
		assert.Equal(t, exitFailed, r.code)
		assert.Contains(t, r.stderr, "declutter: -: no readable content")
	})
}

func TestMarkdownFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "page.html")
	writeFile(t, path, []byte(articleHTML("Alpha depot", story("alpha")...)))

	r := runCmd(t, "", "-format", "markdown", path)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "# Alpha depot\n\n"), r.stdout)
	assert.Contains(t, r.stdout, "\n\nThe alpha council met on Tuesday evening")
	assert.NotContains(t, r.stdout, "<p>")

	r = runCmd(t, "", "-format", "markdown", "-front-matter", "-url", "https://news.example.org/a", path)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "---\ntitle: \"Alpha depot\"\n"), r.stdout)
	assert.Contains(t, r.stdout, "url: \"https://news.example.org/a\"\n")
	assert.Contains(t, r.stdout, "---\n\n# Alpha depot\n\n")
}

func TestHTMLFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "page.html")
	writeFile(t, path, []byte(articleHTML(html.EscapeString("Fish & Chips, 2 < 3"), story("alpha")...)))

	r := runCmd(t, "", "-format", "html", path)

	require.Equal(t, exitOK, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "<!DOCTYPE html>\n<html"), r.stdout)
	assert.Contains(t, r.stdout, "<title>Fish &amp; Chips, 2 &lt; 3</title>")
	assert.Contains(t, r.stdout, "<h1>Fish &amp; Chips, 2 &lt; 3</h1>")
	assert.Regexp(t, regexp.MustCompile(`<p>The alpha council met`), r.stdout)
	assert.True(t, strings.HasSuffix(r.stdout, "</html>\n"))
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "pdf", "x.html"},
		{"-j", "0", "x.html"},
		{"-timeout", "0s", "x.html"},
		{"-max-bytes", "-1", "x.html"},
		{"-no-such-flag"},
	} {
		r := runCmd(t, "", args...)
		assert.Equal(t, exitUsage, r.code, "%v", args)
		assert.NotEmpty(t, r.stderr, "%v", args)
		assert.Empty(t, r.stdout, "%v", args)
	}
	r := runCmd(t, "", "-h")
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stderr, "Usage: declutter [flags] FILE|DIR|GLOB|URL|- ...")
}

func TestMaxBytes(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.html")
	writeFile(t, big, []byte(articleHTML("Big", story("big")...)))
	r := runCmd(t, "", "-max-bytes", "100", big)
	assert.Equal(t, exitFailed, r.code)
	assert.Contains(t, r.stderr, "declutter: "+big+": input too large")
}

// A canceled run stops early and fails; it does not hang or print pages
// it did not finish.
func TestCanceled(t *testing.T) {
	dir := t.TempDir()
	for i := range 5 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("p%d.html", i)), []byte(articleHTML("P", story("p")...)))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut strings.Builder
	code := run(ctx, []string{"-format", "json", dir}, strings.NewReader(""), &out, &errOut)
	assert.Equal(t, exitFailed, code)
	assert.Empty(t, out.String())
	assert.Contains(t, errOut.String(), "declutter: interrupted: ")
	assert.NotContains(t, errOut.String(), "context canceled", "one message, not one per page")
}

func TestNoProgressBarWithoutTerminal(t *testing.T) {
	assert.False(t, isTerminal(&strings.Builder{}))
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f), "a file is not a terminal")
	p := newProgress(f, &strings.Builder{}, 3)
	assert.Nil(t, p.bar)
	p.add(1) // no bar: nothing happens, nothing panics
	p.clear()
	p.finish()
}

type brokenPipe struct{}

func (brokenPipe) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// When stdout goes away (piped into head), the run stops with one message
// instead of extracting the rest for nobody.
func TestStdoutGone(t *testing.T) {
	dir := t.TempDir()
	for i := range 5 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("p%d.html", i)), []byte(articleHTML("P", story("p")...)))
	}
	var errOut strings.Builder
	code := run(context.Background(), []string{"-format", "json", "-j", "1", dir}, strings.NewReader(""), brokenPipe{}, &errOut)
	assert.Equal(t, exitFailed, code)
	assert.Equal(t, 1, strings.Count(errOut.String(), "writing output: broken pipe"), errOut.String())
}
