package main

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var screenshotPath = flag.String("screenshot", "", "write a PNG of the inspector on the seed page to this `path` (browser test)")

// findBrowser finds Chromium (Debian's package) or Chrome.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (apt-get install chromium): browser test skipped")
	return ""
}

// hostile is appended to the seed page: every way it tries to run script
// would hit /pwned on the test server or open a dialog.
func hostile(base string) string {
	return `<script>document.title="PWNED";alert("script ran");new Image().src="` + base + `/pwned?script";</script>
<img src="data:image/png;base64,AAAA" onerror="alert('handler ran');new Image().src='` + base + `/pwned?onerror'">
<svg onload="new Image().src='` + base + `/pwned?svg'"><circle r="1"/></svg>
<iframe srcdoc="&lt;script&gt;new Image().src='` + base + `/pwned?nested'&lt;/script&gt;"></iframe>
<meta http-equiv="refresh" content="0;url=` + base + `/pwned?refresh">`
}

// The inspector in headless Chromium: the seed page goes in through the
// form; the removed Mailchimp forms and membership banners come out
// outlined with their rules' names, the article pane holds the body's 20
// paragraphs, and no script of the page ever runs.
func TestServeInspectorInBrowser(t *testing.T) {
	browser := findBrowser(t)
	s, _, _ := newTestServer(t, nil)
	var pwned atomic.Int64
	var pwnedWhat atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("/pwned", func(w http.ResponseWriter, r *http.Request) {
		pwned.Add(1)
		pwnedWhat.Store(r.URL.RawQuery)
	})
	mux.Handle("/", s.handler)
	ts := httptest.NewServer(mux)
	defer ts.Close()

	seed := string(seedPage(t))
	seed = strings.Replace(seed, "</body>", hostile(ts.URL)+"</body>", 1)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.NoSandbox, // root in CI containers
		chromedp.WindowSize(1280, 800),
		// Offline: only the test server resolves, the page's CDN and
		// images do not.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	var dialogs atomic.Int64
	opened := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for _, err := range opened {
			if err != nil {
				return
			}
			dialogs.Add(1)
			chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
		}
	}()

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("html")),
		chromedp.SetValue(chromedp.ID("html"), seed),
		chromedp.SetValue(chromedp.ID("url"), "https://kyivindependent.com/north-korean-troops/"),
		chromedp.Click(chromedp.ID("run")),
		chromedp.WaitVisible(chromedp.CSS("#removals li")),
	))
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
	require.NoError(t, err)
	assert.Equal(t, "Done.", status)
	title, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("title")))
	require.NoError(t, err)
	assert.Contains(t, title, "North Korean troops preparing to help Russia")
	paragraphs, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#body p").length`))
	require.NoError(t, err)
	assert.Equal(t, 20, paragraphs, "the article pane holds the body's 20 paragraphs")
	rules, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#removals li")].map(li => li.dataset.rule)`))
	require.NoError(t, err)
	assert.Contains(t, rules, "newsletter-form")
	assert.Contains(t, rules, "membership-appeal")

	// Clicking a removal points the frame at its block.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#removals li[data-rule="newsletter-form"] button.go`)),
		chromedp.Sleep(2000*time.Millisecond), // let the frame render, for the eye and the screenshot
	))
	src, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.ID("page"), "src"))
	require.NoError(t, err)
	assert.Regexp(t, `^/inspect/doc/[0-9a-f]{32}#declutter-\d+$`, src.Value)
	docURL := ts.URL + strings.SplitN(src.Value, "#", 2)[0]

	if *screenshotPath != "" {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(*screenshotPath, png, 0o644))
		t.Logf("wrote %s (%d bytes)", *screenshotPath, len(png))
	}

	// The annotated page, opened in a tab of its own, still under its
	// policy: the blocks are outlined and labelled with the rule's name.
	type outlined struct {
		Rule, Outline, Label, Tag string
	}
	tab, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()
	require.NoError(t, chromedp.Do(tab,
		chromedp.Navigate(docURL),
		chromedp.WaitReady(chromedp.CSS("body")),
	))
	marked, err := chromedp.Run(tab, chromedp.Evaluate[[]outlined](`[...document.querySelectorAll("[data-declutter-rule]")].map(e => ({
		Rule: e.dataset.declutterRule, Tag: e.tagName,
		Outline: getComputedStyle(e).outlineStyle,
		Label: getComputedStyle(e, "::before").content}))`))
	require.NoError(t, err)
	kept, err := chromedp.Run(tab, chromedp.Evaluate[int](`[...document.querySelectorAll("[data-declutter-kept]")].filter(e => getComputedStyle(e).outlineStyle == "dashed").length`))
	require.NoError(t, err)
	docTitle, err := chromedp.Run(tab, chromedp.Title())
	require.NoError(t, err)
	byRule := map[string]int{}
	for _, m := range marked {
		assert.Equal(t, "solid", m.Outline, "%+v", m)
		assert.Contains(t, m.Label, m.Rule, "the outline is labelled with the rule")
		byRule[m.Rule]++
	}
	assert.Equal(t, 2, byRule["newsletter-form"], "both Mailchimp forms: %+v", marked)
	assert.Equal(t, 2, byRule["membership-appeal"], "both membership banners: %+v", marked)
	assert.Equal(t, 20, kept, "the body's paragraphs are marked as kept")
	assert.NotEqual(t, "PWNED", docTitle)

	require.NoError(t, chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)))
	inspectorTitle, err := chromedp.Run(ctx, chromedp.Title())
	require.NoError(t, err)
	assert.Equal(t, "declutter inspector", inspectorTitle)
	assert.Zero(t, dialogs.Load(), "a dialog opened: page script ran")
	assert.Zero(t, pwned.Load(), "page script ran: /pwned?%v", pwnedWhat.Load())
}
