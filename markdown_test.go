package declutter

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// updatingGolden reports whether the package's -update flag is set. The
// flag itself is registered by the golden tests of the package; looking it
// up here avoids registering it twice.
func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func TestMarkdownElements(t *testing.T) {
	cases := []struct {
		name    string
		content string
		want    string
	}{
		{"paragraphs", `<p>One.</p><p>Two.</p>`, "One.\n\nTwo.\n"},
		{"heading", `<h2>Sub <em>head</em></h2><p>Text.</p>`, "## Sub *head*\n\nText.\n"},
		{"link", `<p>See <a href="https://example.org/a?b=1">the report</a>.</p>`, "See [the report](https://example.org/a?b=1).\n"},
		{"image alt", `<p><img src="https://example.org/c.jpg" alt="A cat asleep"></p>`, "![A cat asleep](https://example.org/c.jpg)\n"},
		{"figure caption", `<figure><img src="https://example.org/c.jpg" alt="Cat"><figcaption>The cat. Photo: Ann</figcaption></figure>`,
			"![Cat](https://example.org/c.jpg)\n\n*The cat. Photo: Ann*\n"},
		{"empty caption", `<figure><img src="https://example.org/c.jpg" alt="Cat"><figcaption> </figcaption></figure>`,
			"![Cat](https://example.org/c.jpg)\n"},
		{"unordered list", `<ul><li>a</li><li>b</li></ul>`, "- a\n- b\n"},
		{"ordered list", `<ol><li>first</li><li>second</li></ol>`, "1. first\n2. second\n"},
		// Without the converter's end-of-list comment, two lists in a row
		// read as one; a reader's copy is better without the comment.
		{"adjacent lists", `<ul><li>a</li></ul><ul><li>b</li></ul>`, "- a\n\n- b\n"},
		{"code block", "<pre><code class=\"language-go\">x := 1\nif x &gt; 0 {\n}\n</code></pre>", "```go\nx := 1\nif x > 0 {\n}\n```\n"},
		{"inline code", `<p>Run <code>go test</code>.</p>`, "Run `go test`.\n"},
		{"block quote", `<blockquote><p>One.</p><p>Two.</p></blockquote>`, "> One.\n> \n> Two.\n"},
		{"table", `<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>`,
			"| A | B |\n|---|---|\n| 1 | 2 |\n"},
		{"table without th", `<table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table>`,
			"| A | B |\n|---|---|\n| 1 | 2 |\n"},
		{"table cell paragraphs", `<table><tr><th>A</th></tr><tr><td><p>x</p><p>y</p></td></tr></table>`,
			"| A |\n|---|\n| x<br /><br />y |\n"},
		{"strikethrough", `<p><del>old</del> new</p>`, "~~old~~ new\n"},
		{"video embed", `<iframe src="https://www.youtube.com/embed/abc" title="Launch (video)"></iframe>`,
			"[Launch (video)](https://www.youtube.com/embed/abc)\n"},
		{"embed without title", `<iframe src="https://player.vimeo.com/video/1"></iframe>`,
			"[Embedded media](https://player.vimeo.com/video/1)\n"},
		{"markup-like text escaped", `<p># not a heading</p><p>1. not a list</p>`, "\\# not a heading\n\n1\\. not a list\n"},
		{"empty", ``, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := (&Article{Content: tc.content}).Markdown()
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestMarkdownTitle(t *testing.T) {
	a := &Article{Title: "Rates rise *again*\n[update]", Content: "<p>Body.</p>"}
	got, err := a.MarkdownWith(MarkdownOptions{Title: true})
	require.NoError(t, err)
	assert.Equal(t, "# Rates rise \\*again\\* \\[update\\]\n\nBody.\n", got)

	got, err = (&Article{Content: "<p>Body.</p>"}).MarkdownWith(MarkdownOptions{Title: true})
	require.NoError(t, err)
	assert.Equal(t, "Body.\n", got, "no heading without a title")
}

func TestMarkdownFrontMatter(t *testing.T) {
	a := &Article{
		URL:       "https://example.org/news/1",
		Title:     `He said: "no" \ and left`,
		Byline:    "Ann Lee and Bo Kim",
		Authors:   []string{"Ann Lee", "Bo Kim"},
		Published: time.Date(2024, 5, 2, 9, 30, 0, 0, time.FixedZone("", 2*3600)),
		SiteName:  "Example News",
		Language:  "en",
		Excerpt:   "line one\nline two: # not a comment",
		Tags:      []string{"city", "yes", "- dash"},
		WordCount: 3,
		Content:   "<p>Body text here.</p>",
	}
	got, err := a.MarkdownWith(MarkdownOptions{FrontMatter: true, Title: true})
	require.NoError(t, err)

	require.True(t, strings.HasPrefix(got, "---\n"), got)
	end := strings.Index(got[4:], "\n---\n")
	require.Positive(t, end, "front matter is closed")
	front, rest := got[4:4+end+1], got[4+end+5:]

	// Parsed by a real YAML parser: every value comes back exactly, and
	// fields the article does not have are left out.
	assert.YAMLEq(t, `
title: "He said: \"no\" \\ and left"
byline: Ann Lee and Bo Kim
authors: [Ann Lee, Bo Kim]
published: 2024-05-02T09:30:00+02:00
site_name: Example News
lang: en
url: https://example.org/news/1
excerpt: "line one\nline two: # not a comment"
tags: [city, "yes", "- dash"]
word_count: 3
`, front)
	assert.Equal(t, "\n# He said: \"no\" \\\\ and left\n\nBody text here.\n", rest)
}

func TestYAMLQuote(t *testing.T) {
	cases := map[string]string{
		"plain":          `"plain"`,
		`a"b\c`:          `"a\"b\\c"`,
		"tab\tnl\n":      `"tab\tnl\n"`,
		"nul\x00bell\a":  `"nul\u0000bell\u0007"`,
		"c1\u0085\u009f": `"c1\u0085\u009F"`,
		"bom\ufeff":      `"bom\uFEFF"`,
		"ls\u2028":       `"ls\u2028"`,
		"bad\xffutf8":    "\"bad\uFFFDutf8\"",
		"émoji 🎉":        `"émoji 🎉"`,
	}
	for in, want := range cases {
		assert.Equal(t, want, yamlQuote(in), "%q", in)
		assert.YAMLEq(t, "v: "+jsonishQuote(in), "v: "+yamlQuote(in), "%q parses back", in)
	}
}

// jsonishQuote is yamlQuote's expected meaning, written independently: a
// YAML double-quoted scalar holding s with invalid UTF-8 replaced.
func jsonishQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if r < 0x20 || r == '"' || r == '\\' || (r >= 0x7f && r < 0xa0) || r == 0xfeff || r == 0x2028 || r == 0x2029 {
			b.WriteString(`\U`)
			b.WriteString(strings.ToUpper(strings.TrimPrefix(hex8(r), "0x")))
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func hex8(r rune) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 8)
	for i := 7; i >= 0; i-- {
		out[i] = digits[r&0xf]
		r >>= 4
	}
	return string(out)
}

// TestMarkdownArticle converts a realistic article body and compares it
// with a golden file (rewrite with -update), then checks the structure a
// reader relies on, so that regenerating the golden file cannot bless a
// lost table or caption.
func TestMarkdownArticle(t *testing.T) {
	content, err := os.ReadFile(filepath.Join("testdata", "TestMarkdown", "article.html"))
	require.NoError(t, err)
	a := &Article{Title: "Tram depot to become a library", Content: string(content)}
	got, err := a.MarkdownWith(MarkdownOptions{Title: true})
	require.NoError(t, err)

	golden := filepath.Join("testdata", "TestMarkdown", "article.md")
	if updatingGolden() {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run TestMarkdownArticle -update to create it")
	assert.Equal(t, string(want), got)

	for _, phrase := range []string{
		"# Tram depot to become a library\n",
		"**The city council voted on Tuesday to turn the old tram depot into a public library**, ending",
		"![The tram depot on Mill Street, seen from the river](https://news.example.org/img/depot.jpg)",
		"*The depot on Mill Street, closed since 2014. Photo: [Ana Ruiz](https://news.example.org/photographers/ana)*",
		"\n## What the plan includes\n",
		"\n- A children's library in the former workshop\n",
		"\n  - with a terrace on the river side\n",
		"\n1. Clearing and making the roof safe (2025)\n",
		"\n> \"We have waited long enough. This building belongs to everyone.\"\n",
		"\n| Item | Million euros |\n|---|---|\n",
		"\n| Total | 22.7 |\n",
		"\n```python\nvotes = {\"yes\": 31, \"no\": 12}\nprint(votes[\"yes\"] > votes[\"no\"])\n```\n",
		"by 31 votes to 12.",
	} {
		assert.Contains(t, got, phrase)
	}
	for _, noise := range []string{"<p>", "<figure", "<table", "&gt;", "<!--"} {
		assert.NotContains(t, got, noise)
	}
}

// TestMarkdownConcurrent shares the one converter between goroutines; run
// under -race it shows the converter is safe for concurrent use.
func TestMarkdownConcurrent(t *testing.T) {
	content, err := os.ReadFile(filepath.Join("testdata", "TestMarkdown", "article.html"))
	require.NoError(t, err)
	want, err := (&Article{Content: string(content)}).Markdown()
	require.NoError(t, err)

	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				got, err := (&Article{Content: string(content)}).Markdown()
				if err != nil || got != want {
					errs <- "concurrent conversion differs"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestMarkdownDeepContent(t *testing.T) {
	// An Article built by hand may hold any Content; deep nesting must not
	// take the converter's recursion down.
	deep := strings.Repeat("<div>", 100_000) + "<p>deep text</p>" + strings.Repeat("</div>", 100_000)
	_, flattened := limitDepth([]byte(deep), markdownMaxDepth)
	require.True(t, flattened, "limitDepth must flatten 100,000 nested divs")
	got, err := (&Article{Content: deep}).Markdown()
	require.NoError(t, err)
	assert.Contains(t, got, "deep text")
}

var frontMatterLine = regexp.MustCompile(`^[a-z_]+: (".*"|\[".*"\]|[0-9][0-9T:+\-Z]*)$`)

// FuzzMarkdown feeds arbitrary Content and metadata to MarkdownWith: it
// must not panic, must return valid UTF-8, and its front matter must stay
// one block whatever the title holds.
func FuzzMarkdown(f *testing.F) {
	article, err := os.ReadFile(filepath.Join("testdata", "TestMarkdown", "article.html"))
	require.NoError(f, err)
	f.Add(string(article), "Title")
	f.Add(`<table><tr><td><p>a</p><p>b</p></td></tr></table><figure><figcaption>c</figcaption></figure>`, "---\n---")
	f.Add(`<iframe src="https://www.youtube.com/embed/x(1)"></iframe><pre><code>`+"```"+`</code></pre>`, "\xff\u2028\"")
	f.Fuzz(func(t *testing.T, content, title string) {
		a := &Article{Title: title, Content: content, Tags: []string{title}}
		md, err := a.MarkdownWith(MarkdownOptions{FrontMatter: true, Title: true})
		if err != nil {
			return // an error is fine; a panic or garbage is not
		}
		if !utf8.ValidString(md) {
			t.Fatalf("invalid UTF-8 in %q", md)
		}
		rest, ok := strings.CutPrefix(md, "---\n")
		if !ok {
			t.Fatalf("no front matter: %q", md)
		}
		front, _, ok := strings.Cut(rest, "\n---\n")
		if !ok {
			t.Fatalf("front matter not closed: %q", md)
		}
		// No value spills onto a line of its own, and the block parses.
		for _, line := range strings.Split(front, "\n") {
			if !frontMatterLine.MatchString(line) {
				t.Fatalf("front matter line %q in %q", line, md)
			}
		}
		assert.YAMLEq(t, front, front)
	})
}

func BenchmarkMarkdown(b *testing.B) {
	content, err := os.ReadFile(filepath.Join("testdata", "TestMarkdown", "article.html"))
	require.NoError(b, err)
	a := &Article{Title: "Tram depot to become a library", Content: string(content)}
	b.ReportAllocs()
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		if _, err := a.MarkdownWith(MarkdownOptions{FrontMatter: true, Title: true}); err != nil {
			b.Fatal(err)
		}
	}
}
