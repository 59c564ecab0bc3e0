package declutter

import (
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The checker below is written independently of the policy in
// sanitize.go: it re-parses the output the way a browser would and lists
// everything that could run code, load a style or change the page.

// forbiddenElements may never appear in sanitised output.
var forbiddenElements = map[string]bool{
	"script": true, "style": true, "object": true, "embed": true, "applet": true,
	"base": true, "meta": true, "link": true, "form": true, "input": true,
	"button": true, "textarea": true, "select": true, "keygen": true,
	"frame": true, "frameset": true, "param": true, "portal": true,
	"isindex": true, "template": true, "noscript": true,
}

// urlAttributes hold URLs (or lists of them) that a browser may follow.
var urlAttributes = map[string]bool{
	"href": true, "src": true, "srcset": true, "poster": true, "action": true,
	"formaction": true, "cite": true, "data": true, "background": true,
	"values": true, "to": true, "from": true, "by": true, "lowsrc": true,
	"dynsrc": true, "longdesc": true, "ping": true, "codebase": true,
	"archive": true, "manifest": true, "icon": true, "usemap": true,
}

// embedHosts are the iframe hosts a reader may show, with the sandbox
// tokens an embed may have.
var (
	embedHosts = map[string]bool{
		"www.youtube.com": true, "youtube.com": true,
		"www.youtube-nocookie.com": true, "youtube-nocookie.com": true,
		"player.vimeo.com": true, "www.dailymotion.com": true, "dailymotion.com": true,
	}
	embedSandbox = map[string]bool{
		"allow-scripts": true, "allow-same-origin": true, "allow-presentation": true,
	}
)

// executable re-parses fragment as body content and lists what in it
// could execute: forbidden elements, SVG or MathML, event handlers,
// style and srcdoc attributes, script-bearing URLs, iframes that are not
// sandboxed embeds of a known video host. An empty result means safe.
func executable(fragment string) []string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), body)
	if err != nil {
		return []string{"unparseable: " + err.Error()}
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out = append(out, elementOffences(n)...)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return out
}

func elementOffences(n *html.Node) []string {
	var out []string
	switch {
	case n.Namespace == "svg" || n.Namespace == "math":
		out = append(out, fmt.Sprintf("<%s> in %s", n.Data, n.Namespace))
	case forbiddenElements[n.Data]:
		out = append(out, "<"+n.Data+">")
	case n.Data == "iframe":
		out = append(out, iframeOffences(n)...)
	}
	var rel, target string
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case strings.HasPrefix(key, "on"):
			out = append(out, fmt.Sprintf("<%s %s>", n.Data, key))
		case key == "style" || key == "srcdoc" || key == "http-equiv":
			out = append(out, fmt.Sprintf("<%s %s>", n.Data, key))
		case urlAttributes[key] && scriptURL(key, a.Val):
			out = append(out, fmt.Sprintf("<%s %s=%q>", n.Data, key, a.Val))
		case key == "rel":
			rel = a.Val
		case key == "target":
			target = a.Val
		}
	}
	if target != "" && !strings.Contains(rel, "noopener") && !strings.Contains(rel, "noreferrer") {
		out = append(out, fmt.Sprintf("<%s target=%q> without noopener", n.Data, target))
	}
	return out
}

func iframeOffences(n *html.Node) []string {
	src, hasSrc := attrValue(n, "src")
	u, err := url.Parse(strings.TrimSpace(src))
	if !hasSrc || err != nil || u.Scheme != "https" || !embedHosts[u.Host] {
		return []string{fmt.Sprintf("<iframe src=%q> not an allowed embed", src)}
	}
	if bad := embedPathOffence(u); bad != "" || u.User != nil {
		return []string{fmt.Sprintf("<iframe src=%q> leaves the embed path: %s", src, bad)}
	}
	sandbox, ok := attrValue(n, "sandbox")
	if !ok {
		return []string{"<iframe> without sandbox"}
	}
	for _, tok := range strings.Fields(sandbox) {
		if !embedSandbox[strings.ToLower(tok)] {
			return []string{fmt.Sprintf("<iframe sandbox=%q> too permissive", sandbox)}
		}
	}
	return nil
}

func attrValue(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// scriptURL reports whether v, an attribute value the parser has already
// entity-decoded, holds a URL that runs script: javascript:, vbscript:,
// livescript:, or data: other than a raster image. Whitespace and control
// characters are removed first (browsers strip or ignore them), and lists
// (srcset, SMIL values) are checked item by item.
func scriptURL(key, v string) bool {
	clean := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return unicode.ToLower(r)
	}, v)
	items := []string{clean}
	switch key {
	case "srcset", "ping", "archive":
		items = strings.Split(clean, ",")
	case "values":
		items = strings.Split(clean, ";")
	}
	for _, it := range items {
		for _, scheme := range []string{"javascript:", "vbscript:", "livescript:"} {
			if strings.HasPrefix(it, scheme) {
				return true
			}
		}
		if strings.HasPrefix(it, "data:") &&
			(!strings.HasPrefix(it, "data:image/") || strings.HasPrefix(it, "data:image/svg")) {
			return true
		}
	}
	return false
}

// TestExecutableDetects makes sure the checker catches what it is meant
// to: if it found nothing here, every "0 survivors" figure would be void.
func TestExecutableDetects(t *testing.T) {
	bad := []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`<svg onload=alert(1)>`,
		`<details ontoggle=alert(1)>`,
		`<a href="  JaVaScRiPt:alert(1)">x</a>`,
		`<a href="jav&#x09;ascript:alert(1)">x</a>`,
		`<a href="&#1;javascript:alert(1)">x</a>`,
		`<a href="javascript&colon;alert(1)">x</a>`,
		`<math href="javascript:alert(1)">x</math>`,
		`<svg><animate values="javascript:alert(1)">`,
		`<base href="https://evil.example/">`,
		`<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
		`<iframe src="https://www.youtube.com/embed/x" srcdoc="x" sandbox=""></iframe>`,
		`<iframe src="https://www.youtube.com/embed/x"></iframe>`,
		`<iframe src="https://evil.example/embed/x" sandbox=""></iframe>`,
		`<iframe src="https://www.youtube.com/embed/x" sandbox="allow-top-navigation"></iframe>`,
		`<img src="data:image/svg+xml;base64,PHN2Zz4=">`,
		`<a href="data:text/html,x">x</a>`,
		`<img srcset="a.png 1x, javascript:alert(1) 2x">`,
		`<p style="color:red">x</p>`,
		`<a href="https://example.com/" target="_blank">x</a>`,
		`<form action="https://evil.example/"><input name=p></form>`,
	}
	for _, in := range bad {
		if len(executable(in)) == 0 {
			t.Errorf("executable(%q) found nothing", in)
		}
	}
	good := []string{
		`<p>Hello <a href="https://example.com/" rel="nofollow noreferrer">world</a></p>`,
		`<img src="data:image/png;base64,iVBORw0KGgo=" alt="">`,
		`<iframe src="https://www.youtube.com/embed/x" sandbox="allow-scripts allow-same-origin"></iframe>`,
		`<p>javascript:alert(1) as text is fine, and so is &lt;script&gt;</p>`,
	}
	for _, in := range good {
		if got := executable(in); len(got) != 0 {
			t.Errorf("executable(%q) = %q, want nothing", in, got)
		}
	}
}

func TestSanitizeKeeps(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraph and inline", `<p lang="fr" dir="ltr">Un <em>mot</em>, <strong>deux</strong> <code>x</code></p>`,
			`<p lang="fr" dir="ltr">Un <em>mot</em>, <strong>deux</strong> <code>x</code></p>`},
		{"link gets rel", `<a href="https://example.com/a?b=1&amp;c=2" title="T">x</a>`,
			`<a href="https://example.com/a?b=1&amp;c=2" title="T" rel="nofollow noreferrer">x</a>`},
		{"own rel and target replaced", `<a href="https://example.com/" rel="opener" target="_blank">x</a>`,
			`<a href="https://example.com/" rel="nofollow noreferrer">x</a>`},
		{"relative and mailto links", `<a href="/path#frag">a</a><a href="mailto:a@example.com">b</a>`,
			`<a href="/path#frag" rel="nofollow noreferrer">a</a><a href="mailto:a@example.com" rel="nofollow noreferrer">b</a>`},
		{"image", `<img src="https://example.com/a.jpg" srcset="https://example.com/a.jpg 1x, /b.jpg 2x" alt="A cat" width="640" height="480">`,
			`<img src="https://example.com/a.jpg" srcset="https://example.com/a.jpg 1x, /b.jpg 2x" alt="A cat" width="640" height="480">`},
		{"inline png", `<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">`,
			`<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">`},
		{"figure", `<figure><picture><source srcset="/a.webp" type="image/webp" media="(min-width: 600px)"><img src="/a.jpg" alt=""></picture><figcaption>Caption</figcaption></figure>`,
			`<figure><picture><source srcset="/a.webp" type="image/webp" media="(min-width: 600px)"><img src="/a.jpg" alt=""></picture><figcaption>Caption</figcaption></figure>`},
		{"table", `<table><caption>C</caption><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><td colspan="2" rowspan="3">D</td></tr></tbody></table>`,
			`<table><caption>C</caption><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><td colspan="2" rowspan="3">D</td></tr></tbody></table>`},
		{"lists", `<ol start="3" reversed><li>a</li></ol><ul><li>b</li></ul><dl><dt>t</dt><dd>d</dd></dl>`,
			`<ol start="3" reversed=""><li>a</li></ol><ul><li>b</li></ul><dl><dt>t</dt><dd>d</dd></dl>`},
		{"quotes and time", `<blockquote cite="https://example.com/"><p>Q</p></blockquote><q>q</q><time datetime="2024-05-01T10:00:00Z">May</time><abbr title="HyperText">HTML</abbr>`,
			`<blockquote cite="https://example.com/"><p>Q</p></blockquote><q>q</q><time datetime="2024-05-01T10:00:00Z">May</time><abbr title="HyperText">HTML</abbr>`},
		{"details", `<details open><summary>More</summary><p>x</p></details>`,
			`<details open=""><summary>More</summary><p>x</p></details>`},
		{"youtube gets sandbox", `<iframe src="https://www.youtube.com/embed/abc" width="560" allowfullscreen></iframe>`,
			`<iframe src="https://www.youtube.com/embed/abc" sandbox="` + iframeSandbox + `"></iframe>`},
		{"vimeo sandbox narrowed", `<iframe src="https://player.vimeo.com/video/1" sandbox="allow-top-navigation allow-scripts"></iframe>`,
			`<iframe src="https://player.vimeo.com/video/1" sandbox="` + iframeSandbox + `"></iframe>`},
		{"video", `<video controls poster="/p.jpg" src="/v.mp4"><source src="/v.webm" type="video/webm"></video>`,
			`<video controls="" poster="/p.jpg" src="/v.mp4"><source src="/v.webm" type="video/webm"></video>`},
		{"escaped text stays text", `<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>`,
			`<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sanitizeHTML(tt.in); got != tt.want {
				t.Errorf("sanitizeHTML(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSanitizeRemoves(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"script and its text", `<p>a</p><script>alert(1)</script><p>b</p>`, `<p>a</p><p>b</p>`},
		{"style element and attribute", `<style>p{}</style><p style="color:red">x</p>`, `<p>x</p>`},
		{"handlers", `<p onclick="alert(1)">x</p><img src="/a.png" onerror="alert(1)">`, `<p>x</p><img src="/a.png">`},
		{"javascript link keeps text", `<a href="  JaVaScRiPt:alert(1)">x</a>`, `x`},
		{"tab in scheme", `<a href="jav&#x09;ascript:alert(1)">x</a>`, `x`},
		{"data link", `<a href="data:image/png;base64,iVBORw0KGgo=">x</a>`, `x`},
		{"svg data image", `<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="a">`, `<img alt="a">`},
		{"bad base64", `<img src="data:image/png;base64,!!" alt="a">`, `<img alt="a">`},
		{"svg dropped with content", `<p>a<svg onload=alert(1)><text>t</text></svg>b</p>`, `<p>ab</p>`},
		{"math tag dropped, text kept", `<math href="javascript:alert(1)"><mi>x</mi></math>`, `x`},
		{"base meta link", `<base href="https://evil.example/"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="/x.css">x`, `x`},
		{"form controls", `<form action="/x"><input name="q"><button>Go</button></form>`, `Go`},
		{"object embed", `<object data="/x.swf"><param name=a value=b>fallback</object><embed src="/x.swf">`, ``},
		{"iframe off the list", `<iframe src="https://evil.example/embed/x"></iframe>x`, `x`},
		{"iframe srcdoc", `<iframe src="https://www.youtube.com/embed/x" srcdoc="<script>alert(1)</script>"></iframe>`,
			`<iframe src="https://www.youtube.com/embed/x" sandbox="` + iframeSandbox + `"></iframe>`},
		{"iframe content", `<iframe src="https://www.youtube.com/embed/x"><p>fallback</p></iframe>`,
			`<iframe src="https://www.youtube.com/embed/x" sandbox="` + iframeSandbox + `"></iframe>`},
		{"self-closed iframe is closed", `<iframe src="https://www.youtube.com/embed/x"/><p>after</p>`,
			`<iframe src="https://www.youtube.com/embed/x" sandbox="` + iframeSandbox + `"></iframe>`},
		{"iframe src that does not parse", `<iframe src="https://youtube.com/embed/%X0">x</iframe>y`, `y`},
		{"srcset with a script URL", `<img src="/a.png" srcset="/a.png 1x, javascript:alert(1) 2x">`, `<img src="/a.png">`},
		{"class id data-", `<p class="c" id="i" data-x="1" aria-hidden="true">x</p>`, `<p>x</p>`},
		{"comments and doctype", `<!DOCTYPE html><!-- c --><p>x</p>`, `<p>x</p>`},
		{"invalid UTF-8 and NUL", "<p>a\xffb\x00c</p>", "<p>a\uFFFDb\uFFFDc</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sanitizeHTML(tt.in)
			if got != tt.want {
				t.Errorf("sanitizeHTML(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
			if bad := executable(got); len(bad) != 0 {
				t.Errorf("executable after sanitising: %q", bad)
			}
		})
	}
}

// TestSanitizeIdempotent checks that sanitising the output again changes
// nothing, over the corpus and the pages in testdata.
func TestSanitizeIdempotent(t *testing.T) {
	inputs := append(vectorTexts(t), testdataPages(t, 256<<10)...)
	for _, in := range inputs {
		once := sanitizeHTML(in)
		if twice := sanitizeHTML(once); twice != once {
			t.Errorf("not idempotent for %.80q:\n once  %q\n twice %q", in, once, twice)
		}
	}
}

// TestSanitizeConcurrent shares the one policy between goroutines; run
// with -race.
func TestSanitizeConcurrent(t *testing.T) {
	in := articleFragment(4 << 10)
	want := sanitizeHTML(in)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := sanitizeHTML(in); got != want {
					t.Error("concurrent sanitising gave a different result")
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzSanitize(f *testing.F) {
	for _, v := range vectorTexts(f) {
		f.Add(v)
	}
	// Small page seeds keep each exec, and the minimising of new inputs,
	// fast enough for the fuzzer to make progress.
	for _, p := range testdataPages(f, 16<<10) {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := sanitizeHTML(in)
		if !utf8.ValidString(out) {
			t.Fatalf("output is not valid UTF-8: %q", out)
		}
		if bad := executable(out); len(bad) != 0 {
			t.Fatalf("executable output %q for input %q: %q", out, in, bad)
		}
		if again := sanitizeHTML(out); again != out {
			t.Fatalf("not idempotent:\n once  %q\n twice %q", out, again)
		}
	})
}

func BenchmarkSanitize(b *testing.B) {
	in := articleFragment(20 << 10)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		sanitizeHTML(in)
	}
}

// articleFragment builds a body fragment of about size bytes with the
// markup a typical article has: paragraphs with links and emphasis,
// figures with srcset, a list, a table and an embed.
func articleFragment(size int) string {
	var b strings.Builder
	b.WriteString(`<div><h1>A title for the benchmark article</h1>`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<p>Paragraph %d has <a href="https://example.com/story/%d?ref=bench&amp;x=1">a link</a>, `+
			`some <em>emphasis</em> and <strong>strong words</strong>, a <code>code span</code>, and enough plain `+
			`prose to look like the body of a news story that a reader would actually read through to the end.</p>`, i, i)
		switch i % 6 {
		case 2:
			fmt.Fprintf(&b, `<figure><img src="https://cdn.example.com/img/%d.jpg" srcset="https://cdn.example.com/img/%d-640.jpg 640w, https://cdn.example.com/img/%d-1280.jpg 1280w" sizes="(max-width: 700px) 100vw, 700px" alt="Photo %d" width="1280" height="720" class="wp-image" loading="lazy"><figcaption>Caption for photo %d, <span>credit</span></figcaption></figure>`, i, i, i, i, i)
		case 4:
			b.WriteString(`<ul><li>First point</li><li>Second point with <a href="/rel/link">a relative link</a></li></ul>`)
		case 5:
			b.WriteString(`<table><thead><tr><th scope="col">Year</th><th>Value</th></tr></thead><tbody><tr><td>2023</td><td>42</td></tr></tbody></table>`)
		}
	}
	b.WriteString(`<iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" allowfullscreen></iframe></div>`)
	return b.String()
}

// testdataPages returns the HTML pages under testdata (gzipped ones
// decompressed), each cut to limit bytes, as extra seeds and inputs.
func testdataPages(tb testing.TB, limit int64) []string {
	tb.Helper()
	var pages []string
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasSuffix(path, ".html") && !strings.HasSuffix(path, ".html.gz") {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		var r io.Reader = f
		if strings.HasSuffix(path, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			r = zr
		}
		data, err := io.ReadAll(io.LimitReader(r, limit))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		pages = append(pages, string(data))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}
