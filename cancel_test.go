package declutter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// busyPage returns a page of about size bytes shaped like a long news
// page: a navigation list, then sections of paragraphs with links and
// emphasis, figures, lists and related-link boxes, and a footer.
func busyPage(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 4096)
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long day of votes</title>` +
		`<meta name="description" content="The council sat until late."></head><body><nav><ul>`)
	for i := range 40 {
		fmt.Fprintf(&b, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav><main><article><h1>A long day of votes</h1><div class="byline">By Jane Doe</div>`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<section id="s%d"><h2>Part %d of the day</h2>`, i, i)
		for j := range 6 {
			fmt.Fprintf(&b, `<p>The council met again on the %d item of the agenda, and <a href="/news/%d-%d">the members</a> `+
				`argued about the <em>budget</em> for the library, the roads and the schools until the chair called `+
				`a vote that passed by a narrow margin, with several abstentions noted in the minutes.</p>`, j, i, j)
		}
		switch i % 4 {
		case 1:
			fmt.Fprintf(&b, `<figure><img src="/img/%d.jpg" alt="The chamber"><figcaption>The chamber, session %d</figcaption></figure>`, i, i)
		case 2:
			b.WriteString(`<ul><li>First point of order</li><li>Second point of order</li><li>Third point</li></ul>`)
		case 3:
			fmt.Fprintf(&b, `<div class="related"><a href="/r/%d">Related story one</a> <a href="/r/%d-2">Related story two</a></div>`, i, i)
		}
		b.WriteString(`</section>`)
	}
	b.WriteString(`</article></main><footer><p>Copyright the publisher.</p></footer></body></html>`)
	return b.Bytes()
}

// cancelSlack is how long after its context is done an extraction may
// take to return.
const cancelSlack = 50 * time.Millisecond

// TestCancelReturnsPromptly: canceled at any point of the work on a 15 MB
// page (about 4 s of work uncanceled on an idle 2-core machine: the parse,
// metadata, the page rules, the readability pass, the body rules,
// sanitising), Extract and ExtractNode return ErrCanceled within 50 ms.
func TestCancelReturnsPromptly(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("15 MB extractions skipped in -short mode and under the race detector (TestExtractCanceled and TestExtractNodeCanceledLeavesTree run there)")
	}
	page := busyPage(15 << 20)
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var worst time.Duration
	for _, at := range []time.Duration{time.Millisecond, 50 * time.Millisecond, 300 * time.Millisecond,
		800 * time.Millisecond, 1500 * time.Millisecond, 2500 * time.Millisecond} {
		for _, node := range []bool{false, true} {
			ctx, cancel := context.WithCancel(context.Background())
			var canceledAt atomic.Int64
			timer := time.AfterFunc(at, func() { canceledAt.Store(time.Now().UnixNano()); cancel() })
			var err error
			if node {
				_, err = e.ExtractNode(ctx, doc, "https://example.org/news/votes")
			} else {
				_, err = e.Extract(ctx, bytes.NewReader(page), "https://example.org/news/votes")
			}
			returned := time.Now()
			timer.Stop()
			cancel()
			if canceledAt.Load() == 0 {
				t.Logf("canceled at %v (node %v): finished first", at, node)
				continue
			}
			if !errors.Is(err, ErrCanceled) || !errors.Is(err, context.Canceled) {
				t.Errorf("canceled at %v (node %v): err = %v", at, node, err)
			}
			late := returned.Sub(time.Unix(0, canceledAt.Load()))
			worst = max(worst, late)
			if late > cancelSlack {
				t.Errorf("canceled at %v (node %v): returned %v after the cancel, want within %v", at, node, late, cancelSlack)
			}
		}
	}
	t.Logf("slowest return after a cancel: %v", worst)
}

// TestExtractNodeCanceledLeavesTree: once a canceled ExtractNode has
// returned, the caller may change its tree at once (the pipeline's
// goroutine, still running, works on its own copy; the race detector
// would see it otherwise).
func TestExtractNodeCanceledLeavesTree(t *testing.T) {
	doc, err := html.Parse(bytes.NewReader(busyPage(1 << 20)))
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Duration{0, time.Millisecond, 10 * time.Millisecond, 40 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), at)
		_, err := ExtractNode(ctx, doc, "https://example.org/news/votes")
		cancel()
		if err != nil && !errors.Is(err, ErrCanceled) {
			t.Errorf("deadline %v: err = %v", at, err)
		}
		for n := range doc.Descendants() { // what a caller might do next
			if n.Type == html.ElementNode && n.Data == "a" {
				n.Attr = append(n.Attr, html.Attribute{Key: "data-seen", Val: "1"})
			}
		}
	}
}

// TestTimeoutIsKept: Options.Timeout bounds an extraction that would take
// longer to within 10%. The machine may be busy with other work, which
// delays any process's wake-up; each case gets three tries, and an
// overshoot the code causes (an uninterruptible stage) shows in all three.
func TestTimeoutIsKept(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("15 MB extractions skipped in -short mode and under the race detector")
	}
	page := busyPage(15 << 20)
	const timeout = 660 * time.Millisecond
	e, err := New(Options{Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	limit := timeout + timeout/10
	for _, node := range []bool{false, true} {
		var best time.Duration
		for try := 0; try < 3 && (try == 0 || best > limit); try++ {
			start := time.Now()
			var err error
			if node {
				_, err = e.ExtractNode(context.Background(), doc, "https://example.org/news/votes")
			} else {
				_, err = e.Extract(context.Background(), bytes.NewReader(page), "https://example.org/news/votes")
			}
			elapsed := time.Since(start)
			t.Logf("node %v: Timeout %v, returned after %v", node, timeout, elapsed)
			if err == nil {
				t.Fatalf("node %v: finished within the timeout: the page is too small for the test", node)
			}
			if !errors.Is(err, ErrCanceled) || !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("node %v: err = %v", node, err)
			}
			if try == 0 || elapsed < best {
				best = elapsed
			}
		}
		if best > limit {
			t.Errorf("node %v: Timeout %v returned after %v at best, want at most %v", node, timeout, best, limit)
		}
	}
}
