package declutter

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// treeDepth returns the deepest element nesting of n (html = 1), without
// recursion.
func treeDepth(n *html.Node) int {
	type item struct {
		n *html.Node
		d int
	}
	deepest := 0
	stack := []item{{n, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		d := it.d
		if it.n.Type == html.ElementNode {
			d++
			deepest = max(deepest, d)
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, d})
		}
	}
	return deepest
}

// checkFlattened asserts that src, flattened for maxDepth, parses into a
// tree no deeper than maxDepth.
func checkFlattened(t testing.TB, src []byte, maxDepth int) *html.Node {
	t.Helper()
	out, _ := limitDepth(src, maxDepth)
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("parse after limitDepth(%d): %v\ninput: %.200q", maxDepth, err, src)
	}
	if d := treeDepth(doc); d > min(maxDepth, parserMaxDepth) {
		t.Fatalf("depth %d after limitDepth(%d)\ninput: %.300q", d, maxDepth, src)
	}
	return doc
}

func repeat(s string, n int) string { return strings.Repeat(s, n) }

// deepInputs are nesting patterns, each repeated n times.
func deepInputs(n int) map[string]string {
	return map[string]string{
		"div-unclosed":   repeat("<div>", n) + "x",
		"div-closed":     repeat("<div>", n) + "x" + repeat("</div>", n),
		"span-closed":    repeat("<span>", n) + "x" + repeat("</span>", n),
		"b-unclosed":     repeat("<b>", n) + "x",
		"b-closed":       repeat("<b>", n) + "x" + repeat("</b>", n),
		"a-unclosed":     repeat("<a href=/x>", n) + "x",
		"table-unclosed": repeat("<table>", n) + "x",
		"table-td":       repeat("<table><td>", n) + "x",
		"table-tr-td":    repeat("<table><tr><td>", n) + "x" + repeat("</td></tr></table>", n),
		"li-unclosed":    repeat("<li>", n) + "x",
		"ul-li":          repeat("<ul><li>", n) + "x",
		"p-b":            repeat("<p><b>x</p>", n) + "x",
		"b-div":          repeat("<b><div>x</b>", n) + "x",
		"svg-g":          "<svg>" + repeat("<g>", n) + "x",
		"math-mi":        "<math>" + repeat("<mi>", n) + "x",
		"dl-dd":          repeat("<dl><dd>", n) + "x",
		"select-option":  "<select>" + repeat("<option>", n) + "x",
		"frameset":       repeat("<frameset>", n) + "x",
		"font-distinct": func() string {
			var s strings.Builder
			for i := range n {
				fmt.Fprintf(&s, "<p><font id=%d>x</p>", i)
			}
			return s.String()
		}(),
	}
}

// deepPatterns are the deepInputs that really nest deep; the others are
// flat once the parser's implied end tags apply (<li><li>, <a><a>, ...).
var deepPatterns = map[string]bool{
	"div-unclosed": true, "div-closed": true, "span-closed": true, "b-unclosed": true, "b-closed": true,
	"table-td": true, "table-tr-td": true, "ul-li": true, "b-div": true, "svg-g": true, "math-mi": true,
	"dl-dd": true, "font-distinct": true,
}

// millionPatterns are the deepInputs run a million times deep through
// Extract.
var millionPatterns = map[string]bool{
	"div-unclosed": true, "div-closed": true, "b-unclosed": true, "a-unclosed": true,
	"table-td": true, "li-unclosed": true, "svg-g": true,
}

func TestLimitDepthPatterns(t *testing.T) {
	sizes := []int{10, 600, 10_000}
	if raceEnabled {
		sizes = sizes[:2]
	}
	for _, n := range sizes {
		for name, src := range deepInputs(n) {
			for _, d := range []int{8, 32, DefaultMaxDepth} {
				t.Run(fmt.Sprintf("%s/%d/%d", name, n, d), func(t *testing.T) {
					checkFlattened(t, []byte(src), d)
				})
			}
		}
	}
}

// soupTokens is the vocabulary FuzzLimitDepth builds tag soup from: tags
// whose tree construction is unusual (implied end tags, formatting
// elements, tables, foreign content, raw text).
var soupTokens = []string{
	"<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>",
	"<span>", "</span>", "<li>", "</li>", "<ul>", "</ul>", "<dd>", "<dt>", "</dl>", "<dl>",
	"<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<tbody>", "<caption>", "<col>",
	"<svg>", "</svg>", "<math>", "<mi>", "<foreignObject>", "</foreignObject>", "<desc>", "<g>", "</g>", "<g/>",
	"<font color=red>", "<font>", "</font>", "<nobr>", "<select>", "<option>", "</select>", "<h1>", "<h2>", "</h1>",
	"<button>", "</button>", "<form>", "</form>", "<template>", "</template>", "<object>", "</object>", "<style>", "</style>",
	"<title>", "</title>", "<script>", "</script>", "<textarea>", "</textarea>", "x", " ", "<br>", "</br>",
	"<hr>", "<img>", "<b id=1>", "<b id=2>", "<u>", "<s>", "<em>", "</em>", "<annotation-xml encoding=text/html>", "<mtext>",
	"<![CDATA[", "]]>", "<!--", "-->", "<xmp>", "</xmp>", "<pre>", "<center>", "</body>", "<body>",
	"<html>", "</html>", "<code>", "<big>", "<strike>", "<rt>", "<ruby>", "<colgroup>", "<thead>", "</tr>",
	"<iframe>", "</iframe>", "<noscript>", "</noscript>", "<marquee>", "</marquee>", "<applet>", "<address>", "<main>", "<section>",
	"<x-y>", "</x-y>", "<frameset>", "<head>", "<plaintext>", "<input>", "<label>", "<small>", "<strong>", "<tt>",
}

func soup(data []byte) []byte {
	var b bytes.Buffer
	for _, c := range data {
		b.WriteString(soupTokens[int(c)%len(soupTokens)])
	}
	return b.Bytes()
}

func FuzzLimitDepth(f *testing.F) {
	f.Add([]byte{0, 4, 2, 6, 3, 0}, uint8(4))
	f.Add(bytes.Repeat([]byte{2, 4, 3}, 40), uint8(6))
	f.Add(bytes.Repeat([]byte{20, 24}, 40), uint8(10))
	f.Add(bytes.Repeat([]byte{30, 32, 0}, 40), uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, depth uint8) {
		checkFlattened(t, soup(data), 4+int(depth%60))
	})
}

// limitsProse is an article body: enough sentences for the readability
// pass to take it for one.
func limitsProse(paragraphs int) string {
	var b strings.Builder
	for i := range paragraphs {
		fmt.Fprintf(&b, "<p>Paragraph %d of the report. The committee met on Tuesday to weigh the "+
			"evidence, and its members agreed that the harbour wall needs repair before winter. "+
			"Engineers said the work would take six weeks and cost less than first feared.</p>\n", i)
	}
	return b.String()
}

// limitsPage wraps inner in a page whose article survives any nesting
// placed after its prose.
func limitsPage(inner string) string {
	return "<!doctype html><html><head><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1>" +
		limitsProse(8) + inner + "</article></body></html>"
}

// TestExtractDeepNesting runs nesting patterns through Extract: the page
// is flattened and extracted (noting "max-depth"), or refused with a
// sentinel error, never a parser error or a crash.
func TestExtractDeepNesting(t *testing.T) {
	sizes := []int{10_000}
	if !raceEnabled {
		sizes = append(sizes, 100_000)
	}
	if !testing.Short() && !raceEnabled {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		for name, inner := range deepInputs(n) {
			if n > 100_000 && !millionPatterns[name] {
				continue // the rest of the pipeline is slow on a few of these; the pre-pass is not
			}
			t.Run(fmt.Sprintf("%s/%d", name, n), func(t *testing.T) {
				t.Parallel()
				a, err := Extract(context.Background(), strings.NewReader(limitsPage(inner)), "https://example.com/a")
				if err != nil {
					if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrTooDeep) {
						t.Fatalf("err = %v, want an article or ErrTooLarge", err)
					}
					return
				}
				if !strings.Contains(a.Text, "harbour wall needs repair") {
					t.Errorf("article text lost: %.200q", a.Text)
				}
				if deepPatterns[name] {
					if !slices.Contains(a.LimitsHit, "max-depth") {
						t.Errorf("LimitsHit = %v, want max-depth", a.LimitsHit)
					}
				}
			})
		}
	}
}

// TestExtractDeepFlattenedKeepsText checks that flattening keeps the text
// of the elements it drops.
func TestExtractDeepFlattenedKeepsText(t *testing.T) {
	inner := repeat("<div>", 5000) + "<p>The buried sentence survives the flattening of deep markup intact.</p>" + repeat("</div>", 5000)
	a, err := Extract(context.Background(), strings.NewReader(limitsPage(inner)), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "buried sentence survives") {
		t.Errorf("text inside the flattened part lost: %.300q", a.Text)
	}
}

// chain builds a programmatic document whose body holds depth nested divs.
func chain(depth int) *html.Node {
	doc := &html.Node{Type: html.DocumentNode}
	htmlEl := &html.Node{Type: html.ElementNode, Data: "html"}
	body := &html.Node{Type: html.ElementNode, Data: "body"}
	doc.AppendChild(htmlEl)
	htmlEl.AppendChild(body)
	n := body
	for range depth {
		c := &html.Node{Type: html.ElementNode, Data: "div"}
		n.AppendChild(c)
		n = c
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: "deep"})
	return doc
}

func TestExtractNodeTooDeep(t *testing.T) {
	depths := []int{DefaultMaxDepth, 10_000, 100_000}
	if !testing.Short() && !raceEnabled {
		depths = append(depths, 1_000_000, 2_000_000)
	}
	for _, d := range depths {
		t.Run(fmt.Sprint(d), func(t *testing.T) {
			_, err := ExtractNode(context.Background(), chain(d), "")
			if !errors.Is(err, ErrTooDeep) {
				t.Fatalf("err = %v, want ErrTooDeep", err)
			}
		})
	}
}

func TestExtractNodeWithinDepth(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(limitsPage(repeat("<div>", 100) + "<p>Nested but fine.</p>" + repeat("</div>", 100))))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ExtractNode(context.Background(), doc, "")
	if err != nil {
		t.Fatalf("ExtractNode: %v", err)
	}
	if !strings.Contains(a.Text, "harbour wall") {
		t.Errorf("text = %.200q", a.Text)
	}
}

func TestCheckTree(t *testing.T) {
	ctx := context.Background()
	if err := checkTree(ctx, chain(10), 12, -1); err != nil {
		t.Errorf("depth 12 within 12: %v", err)
	}
	if err := checkTree(ctx, chain(11), 12, -1); !errors.Is(err, ErrTooDeep) {
		t.Errorf("depth 13 over 12: err = %v", err)
	}
	if err := checkTree(ctx, chain(100), 1000, 50); !errors.Is(err, ErrTooLarge) {
		t.Errorf("102 elements over 50: err = %v", err)
	}
	wide := chain(0)
	body := wide.FirstChild.FirstChild
	for range 5000 {
		body.AppendChild(&html.Node{Type: html.ElementNode, Data: "p"})
	}
	if err := checkTree(ctx, wide, 10, 5002); err != nil {
		t.Errorf("5002 elements within 5002: %v", err)
	}
	if err := checkTree(ctx, wide, 10, 5001); !errors.Is(err, ErrTooLarge) {
		t.Errorf("5002 elements over 5001: err = %v", err)
	}
	// A root's siblings are not part of its tree.
	sub := body.FirstChild
	if err := checkTree(ctx, sub, 10, 1); err != nil {
		t.Errorf("a lone p: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	err := checkTree(cctx, wide, 10, -1)
	if !errors.Is(err, ErrCanceled) || !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: err = %v", err)
	}
}

// countingReader counts the bytes it hands out.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// bigPage returns a page of about size bytes of article prose.
func bigPage(size int) []byte {
	para := limitsProse(1)
	var b bytes.Buffer
	b.Grow(size + 1024)
	b.WriteString("<!doctype html><html><head><title>Big</title></head><body><article><h1>Big</h1>")
	for b.Len() < size {
		b.WriteString(para)
	}
	b.WriteString("</article></body></html>")
	return b.Bytes()
}

func TestTooLargeReadsAtMostLimit(t *testing.T) {
	size := 50 << 20
	if testing.Short() {
		size = DefaultMaxBytes + 1<<20
	}
	page := bigPage(size)
	cr := &countingReader{r: bytes.NewReader(page)}
	start := time.Now()
	_, err := Extract(context.Background(), cr, "")
	elapsed := time.Since(start)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if got := cr.n.Load(); got > DefaultMaxBytes+1 {
		t.Errorf("read %d bytes, want at most %d", got, DefaultMaxBytes+1)
	}
	t.Logf("%d MB input, default limits: ErrTooLarge after %d bytes in %v", len(page)>>20, cr.n.Load(), elapsed)

	e, err := New(Options{MaxBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	cr = &countingReader{r: bytes.NewReader(page)}
	if _, err := e.Extract(context.Background(), cr, ""); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxBytes 1: err = %v", err)
	}
	if got := cr.n.Load(); got > 2 {
		t.Errorf("MaxBytes 1: read %d bytes, want at most 2", got)
	}
}

// peakHeap samples HeapInuse until stop is closed and returns the peak.
func peakHeap(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				out <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return out
}

// measure runs f and reports its duration, bytes allocated and peak heap
// in use above the heap before it started.
func measure(f func()) (time.Duration, uint64, uint64) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	stop := make(chan struct{})
	peak := peakHeap(stop)
	start := time.Now()
	f()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	close(stop)
	p := <-peak
	return elapsed, after.TotalAlloc - before.TotalAlloc, max(p, after.HeapInuse) - min(p, before.HeapInuse)
}

var big = flag.Bool("limits.big", false, "TestExtractLargeWithRaisedLimit: extract a 50 MB page (about 4 s)")

// TestExtractLargeWithRaisedLimit extracts a 50 MB page with MaxBytes
// raised. It takes about 4 s and 300 MB, too much for every test run (and
// for the race detector): it runs with -limits.big.
func TestExtractLargeWithRaisedLimit(t *testing.T) {
	if !*big || raceEnabled {
		t.Skip("50 MB extraction runs with -limits.big (and not under the race detector)")
	}
	page := bigPage(50 << 20)
	e, err := New(Options{MaxBytes: 64 << 20, MaxElements: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	var a *Article
	elapsed, alloc, heap := measure(func() {
		a, err = e.Extract(context.Background(), bytes.NewReader(page), "")
	})
	if err != nil {
		t.Fatalf("raised MaxBytes: %v", err)
	}
	if a.WordCount < 1_000_000 {
		t.Errorf("WordCount = %d, want the whole 50 MB article", a.WordCount)
	}
	t.Logf("50 MB input, MaxBytes raised: extracted %d words in %v; allocated %d MB, peak heap +%d MB (%.1fx input)",
		a.WordCount, elapsed, alloc>>20, heap>>20, float64(heap)/float64(len(page)))
}

// TestDeepNestingFigures logs the cost of 1M-deep nesting, the figure the
// limits were built for; it asserts only the outcome, not the time.
func TestDeepNestingFigures(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("1M nesting figures skipped in -short mode and under the race detector")
	}
	for _, name := range []string{"div-unclosed", "div-closed", "b-unclosed", "table-td"} {
		src := []byte(limitsPage(deepInputs(1_000_000)[name]))
		var err error
		elapsed, alloc, heap := measure(func() {
			_, err = Extract(context.Background(), bytes.NewReader(src), "")
		})
		if err != nil && !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("1M %s (%d MB): %v, allocated %d MB, peak heap +%d MB, err=%v", name, len(src)>>20, elapsed, alloc>>20, heap>>20, err)
	}
}

func TestExtractCanceled(t *testing.T) {
	page := bigPage(4 << 20)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Extract(ctx, bytes.NewReader(page), "")
	if !errors.Is(err, ErrCanceled) || !errors.Is(err, context.Canceled) {
		t.Errorf("canceled before: err = %v", err)
	}

	// Canceled while reading: the reader cancels after its first read.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	r := &cancelingReader{r: bytes.NewReader(page), cancel: cancel}
	_, err = Extract(ctx, r, "")
	if !errors.Is(err, ErrCanceled) || !errors.Is(err, context.Canceled) {
		t.Errorf("canceled while reading: err = %v", err)
	}

	// A deadline that expires during the work.
	ctx, cancel2 := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel2()
	_, err = Extract(ctx, bytes.NewReader(page), "")
	if !errors.Is(err, ErrCanceled) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("deadline: err = %v", err)
	}

	// ExtractNode checks the context too.
	doc, perr := html.Parse(bytes.NewReader(page[:1<<20]))
	if perr != nil {
		t.Fatal(perr)
	}
	ctx, cancel3 := context.WithCancel(context.Background())
	cancel3()
	if _, err := ExtractNode(ctx, doc, ""); !errors.Is(err, ErrCanceled) || !errors.Is(err, context.Canceled) {
		t.Errorf("ExtractNode canceled: err = %v", err)
	}
}

type cancelingReader struct {
	r      io.Reader
	cancel func()
}

func (c *cancelingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.cancel()
	return n, err
}

// TestLimitMarkupElements: with an element budget the pre-pass refuses a
// page that would parse into too many elements before html.Parse runs.
func TestLimitMarkupElements(t *testing.T) {
	src := []byte(limitsPage(repeat("<p>x", 5000)))
	if _, _, err := limitMarkup(src, DefaultMaxDepth, 5000); !errors.Is(err, ErrTooLarge) {
		t.Errorf("5000 paragraphs over 5000 elements: err = %v", err)
	}
	if _, _, err := limitMarkup(src, DefaultMaxDepth, 6000); err != nil {
		t.Errorf("5000 paragraphs within 6000 elements: %v", err)
	}
	// Formatting elements reopened in every paragraph count too.
	src = []byte(limitsPage(`<p><b id=1><i id=2><u id=3>x</p>` + repeat("<p>y</p>", 3000)))
	if _, _, err := limitMarkup(src, DefaultMaxDepth, 9000); !errors.Is(err, ErrTooLarge) {
		t.Errorf("3000 paragraphs reopening 3 elements each, over 9000: err = %v", err)
	}
	if testing.Short() || raceEnabled {
		return
	}
	table := []byte(limitsPage(deepInputs(1_000_000)["table-td"]))
	elapsed, alloc, _ := measure(func() {
		_, _, err := limitMarkup(table, DefaultMaxDepth, DefaultMaxElements)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("1M table-td: err = %v, want ErrTooLarge", err)
		}
	})
	t.Logf("1M table-td (%d MB) refused by the pre-pass in %v, allocated %d MB", len(table)>>20, elapsed, alloc>>20)
}

func BenchmarkLimitDepth(b *testing.B) {
	var all []byte
	for _, p := range testPages(b) {
		all = append(all, p...) // one long page: sums the per-page costs
	}
	inputs := map[string][]byte{
		"pages":        all,
		"div-unclosed": []byte(deepInputs(100_000)["div-unclosed"]),
		"stray-ends":   []byte(repeat("<span>", 500) + repeat("</x>", 100_000)),
	}
	for name, in := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				limitDepth(in, DefaultMaxDepth)
			}
		})
	}
}

// TestScanDepthFastPath reports how many pages the byte scan settles
// without the tokenizer pass, and checks it agrees with the careful pass:
// a page it passes must come out of flattenMarkup unchanged.
func TestScanDepthFastPath(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "shared", "corpus", "*", "pages", "*.html.gz"))
	local, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html.gz"))
	if testing.Short() || raceEnabled {
		paths = nil // the corpus takes a minute under the race detector
	}
	paths = append(local, paths...)
	fast, flattened := 0, 0
	var fastTime, slowTime time.Duration
	for _, p := range paths {
		src := readGzipFile(t, p)
		start := time.Now()
		ok := scanDepth(src, DefaultMaxDepth, DefaultMaxElements)
		fastTime += time.Since(start)
		start = time.Now()
		out, changed, err := flattenMarkup(src, DefaultMaxDepth, DefaultMaxElements)
		slowTime += time.Since(start)
		if changed {
			flattened++
			t.Logf("%s: flattened", p)
		}
		if ok {
			fast++
			if err != nil || changed {
				t.Errorf("%s: the scan passed it, the careful pass changed it (err %v)", p, err)
			}
		}
		if !changed && err == nil && !bytes.Equal(out, src) && renderParsed(t, out) != renderParsed(t, src) {
			// Thinning (stray end tags deep down, repeated <body>) must
			// not change what the parser builds.
			t.Errorf("%s: flattenMarkup changed the parse of a page it reports unchanged", p)
		}
	}
	t.Logf("byte scan settles %d of %d pages; %d flattened; scan %v, tokenizer pass %v in total", fast, len(paths), flattened, fastTime, slowTime)
}

func renderParsed(t testing.TB, src []byte) string {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := html.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestHostileFigures logs what hostile markup costs after the pre-pass:
// stray end tags under a deep stack, many cheap elements, reopened
// formatting elements. Each must end in a parse or ErrTooLarge.
func TestHostileFigures(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("hostile-input figures skipped in -short mode and under the race detector")
	}
	distinct := func(n int) string {
		var b strings.Builder
		b.WriteString("<p>")
		for i := range 20 {
			fmt.Fprintf(&b, "<b id=%d>", i)
		}
		b.WriteString(repeat("</p><p>x", n))
		return b.String()
	}
	inputs := map[string]string{
		"400 spans + 1M stray </x>": repeat("<span>", 400) + repeat("</x>", 1_000_000),
		"400 spans + 1M </p>":       repeat("<span>", 400) + repeat("</p>", 1_000_000),
		"400 divs + 1M <li>":        repeat("<div>", 400) + repeat("<li>", 1_000_000),
		"20 <b> reopened 500k":      distinct(500_000),
		"1M <a>":                    repeat("<a href=x>", 1_000_000),
	}
	for name, in := range inputs {
		src := []byte(in)
		var err error
		elapsed, alloc, _ := measure(func() {
			var out []byte
			out, _, err = limitMarkup(src, DefaultMaxDepth, DefaultMaxElements)
			if err == nil {
				_, err = html.Parse(bytes.NewReader(out))
			}
		})
		if err != nil && !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%s (%d MB): pre-pass and parse %v, allocated %d MB, err=%v", name, len(src)>>20, elapsed, alloc>>20, err)
	}
}

// TestScanDepthScriptEscapes checks the byte scan where script content
// holds "<!--": the scan must never pass a page whose parse is too deep,
// whether the divs after a "</script>" are markup or, double escaped,
// script text.
func TestScanDepthScriptEscapes(t *testing.T) {
	const limit = 40
	deep := repeat("<div>", limit+10) + "x"
	for _, script := range []string{
		`<!-- var a = 1; -->`,
		`<!-- document.write("<b>") -->`,
		`<!-- if (a<b) {} `,
		`<!--<script>x</script>y-->`,
		`<!--<SCRIPT>x</script>`,
		`<!-- <ScRiPt/>`,
		`<!-- a --> <script`,
		`<!-->`,
		`<!--->`,
		`x <!-- y`,
	} {
		for _, tail := range []string{"</script>", "</SCRIPT >", "</script/>", ""} {
			src := []byte("<body><script>" + script + tail + deep + "</script>" + deep)
			doc, err := html.Parse(bytes.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			if scanDepth(src, limit, -1) && treeDepth(doc) > limit {
				t.Errorf("scan passed %q, which parses %d deep", src[:60], treeDepth(doc))
			}
		}
	}
	// End tags inside a double-escaped section are script text: a scan
	// that took them for markup would close the divs and pass the page.
	half := repeat("<div>", limit*3/4)
	for _, script := range []string{`<!--<script></script>`, `<!-- <SCRIPT >x</script>`, "<!--<script	"} {
		src := []byte("<body>" + half + "<script>" + script + repeat("</div>", limit) + "</script>" + half + "x")
		if scanDepth(src, limit, -1) {
			t.Errorf("scan passed %q, whose divs nest %d deep", script, limit*3/2)
		}
	}
	// The common case, "<!--" in a script with no "<script", stays on
	// the fast path.
	if !scanDepth([]byte("<body><script><!-- var a = '</p>'; //--></script><p>x</p>"), limit, -1) {
		t.Error("a script with an HTML comment left the fast path")
	}
}
