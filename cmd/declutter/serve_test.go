package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/declutter/declutter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedPath = "../../testdata/pages/kyiv-independent-seed.html"

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func testServeConfig() *serveConfig {
	return &serveConfig{addr: "127.0.0.1:0", maxBytes: declutter.DefaultMaxBytes, timeout: 10 * time.Second, maxInFlight: 8, grace: 5 * time.Second}
}

// newTestServer starts a server on an httptest listener; edit changes the
// configuration first.
func newTestServer(t *testing.T, edit func(*serveConfig)) (*server, *httptest.Server, *syncBuffer) {
	t.Helper()
	cfg := testServeConfig()
	if edit != nil {
		edit(cfg)
	}
	logs := &syncBuffer{}
	s, err := newServer(cfg, slog.New(slog.NewJSONHandler(logs, nil)))
	require.NoError(t, err)
	ts := httptest.NewServer(s.handler)
	t.Cleanup(ts.Close)
	return s, ts, logs
}

func seedPage(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	require.NoError(t, err)
	return b
}

func post(t *testing.T, url, contentType string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Post(url, contentType, body)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

// wantError checks a JSON error answer.
func wantError(t *testing.T, resp *http.Response, body []byte, status int, contains string) {
	t.Helper()
	require.Equal(t, status, resp.StatusCode, "body: %s", body)
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	var e apiError
	require.NoError(t, json.Unmarshal(body, &e), "body: %s", body)
	assert.Equal(t, status, e.Status)
	assert.Contains(t, e.Error, contains)
}

// The JSON of POST /extract is the CLI's -format json record, byte for
// byte apart from "file".
func TestServeExtractJSONIsTheCLIContract(t *testing.T) {
	_, ts, _ := newTestServer(t, nil)
	const pageURL = "https://kyivindependent.com/north-korea/"
	resp, body := post(t, ts.URL+"/extract?url="+pageURL, "text/html", bytes.NewReader(seedPage(t)))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))

	cli := runCmd(t, "", "-format", "json", "-url", pageURL, seedPath)
	require.Equal(t, 0, cli.code, cli.stderr)
	want := strings.Replace(cli.stdout, `"file":"`+seedPath+`"`, `"file":""`, 1)
	assert.Equal(t, want, string(body))

	var rec map[string]any
	require.NoError(t, json.Unmarshal(body, &rec))
	assert.Contains(t, rec["title"], "North Korean troops")
	assert.NotEmpty(t, rec["removed"])
}

func TestServeExtractFormats(t *testing.T) {
	_, ts, _ := newTestServer(t, nil)
	seed := seedPage(t)
	for _, c := range []struct{ format, ctype, want string }{
		{"text", "text/plain; charset=utf-8", "North Korean troops preparing to help Russia's war"},
		{"markdown", "text/markdown; charset=utf-8", "# North Korean troops"},
		{"html", "text/html; charset=utf-8", "<h1>North Korean troops"},
	} {
		resp, body := post(t, ts.URL+"/extract?format="+c.format, "text/html", bytes.NewReader(seed))
		require.Equal(t, http.StatusOK, resp.StatusCode, c.format)
		assert.Equal(t, c.ctype, resp.Header.Get("Content-Type"), c.format)
		assert.Contains(t, string(body), c.want, c.format)
		assert.NotContains(t, string(body), "indicates required", c.format)
	}
	resp, body := post(t, ts.URL+"/extract?format=pdf", "text/html", bytes.NewReader(seed))
	wantError(t, resp, body, http.StatusBadRequest, `unknown format "pdf"`)
}

// The Content-Type's charset reaches the decoder.
func TestServeExtractCharsetFromContentType(t *testing.T) {
	_, ts, _ := newTestServer(t, nil)
	page := articleHTML("Депо", story("депо")...)
	page = strings.Replace(page, `<meta charset="utf-8">`, "", 1)
	page = strings.NewReplacer("café", "cafe", "©", "(c)").Replace(page)
	cp1251 := toWindows1251(t, page)
	resp, body := post(t, ts.URL+"/extract?format=text", "text/html; charset=windows-1251", bytes.NewReader(cp1251))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Contains(t, string(body), "The депо council met on Tuesday")
}

func toWindows1251(t *testing.T, s string) []byte {
	t.Helper()
	var out []byte
	for _, r := range s {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case r >= 'А' && r <= 'я':
			out = append(out, byte(0xC0+r-'А'))
		default:
			t.Fatalf("no windows-1251 byte for %q", r)
		}
	}
	return out
}

// Bad input earns a 4xx with a JSON error, never a 5xx.
func TestServeExtractBadInput(t *testing.T) {
	_, ts, _ := newTestServer(t, func(c *serveConfig) { c.maxBytes = 4096 })
	big := articleHTML("Big", append(story("big"), strings.Repeat("word ", 2000))...)
	login := `<html><body><form action="/login"><input name="user"><input type="password" name="pw"><button>Log in</button></form></body></html>`
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x00IEND\xaeB`\x82"
	for _, c := range []struct {
		name, query, ctype string
		body               io.Reader
		status             int
		contains           string
	}{
		{"too large, length declared", "", "text/html", strings.NewReader(big), 413, "too large"},
		{"too large, chunked", "", "text/html", io.MultiReader(strings.NewReader(big)), 413, "too large"},
		{"binary posted as HTML", "", "text/html", strings.NewReader(png), 415, "not HTML"},
		{"an image type", "", "image/png", strings.NewReader(png), 415, "not a web page"},
		{"empty body", "", "text/html", strings.NewReader(""), 422, "no readable content"},
		{"a login form", "", "text/html", strings.NewReader(login), 422, "no readable content"},
		{"bad page URL", "?url=" + url.QueryEscape("http://exa mple.org/"), "text/html", strings.NewReader(articleHTML("A", story("a")...)), 400, "invalid page URL"},
	} {
		t.Run(c.name, func(t *testing.T) {
			resp, body := post(t, ts.URL+"/extract"+c.query, c.ctype, c.body)
			wantError(t, resp, body, c.status, c.contains)
		})
	}
	// A page within the limit still comes out.
	resp, body := post(t, ts.URL+"/extract?format=text", "text/html", strings.NewReader(articleHTML("Small", story("small")...)))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Contains(t, string(body), "The small council met")
}

// A page that runs out of the per-request time is the server's trouble,
// not the client's: 503 with Retry-After.
func TestServeExtractTimeout(t *testing.T) {
	_, ts, _ := newTestServer(t, func(c *serveConfig) { c.timeout = time.Microsecond })
	resp, body := post(t, ts.URL+"/extract", "text/html", bytes.NewReader(seedPage(t)))
	wantError(t, resp, body, http.StatusServiceUnavailable, "canceled")
	assert.Equal(t, "1", resp.Header.Get("Retry-After"))
}

func TestServeExtractMethods(t *testing.T) {
	_, ts, _ := newTestServer(t, nil)
	resp, body := get(t, ts.URL+"/extract?url=https://example.org/")
	wantError(t, resp, body, http.StatusMethodNotAllowed, "-fetch")
	req, err := http.NewRequest(http.MethodPut, ts.URL+"/extract", strings.NewReader("x"))
	require.NoError(t, err)
	r2, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	b2, _ := io.ReadAll(r2.Body)
	r2.Body.Close()
	wantError(t, r2, b2, http.StatusMethodNotAllowed, "POST")
	assert.Equal(t, "GET, POST", r2.Header.Get("Allow"))
}

// Every response carries a Content-Security-Policy; there is one log line
// per request, and counters at /debug/vars. Two servers in one process do
// not clash over expvar names.
func TestServeHealthLogsAndVars(t *testing.T) {
	_, ts, logs := newTestServer(t, nil)
	_, ts2, _ := newTestServer(t, nil)
	resp, body := get(t, ts.URL+"/healthz")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "ok\n", string(body))
	assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "script-src 'self'")
	resp, body = post(t, ts.URL+"/extract", "text/html", strings.NewReader(""))
	assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, "%s", body)
	assert.NotEmpty(t, resp.Header.Get("Content-Security-Policy"))

	resp, body = get(t, ts.URL+"/debug/vars")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var vars struct {
		Declutter map[string]int   `json:"declutter"`
		Memstats  *json.RawMessage `json:"memstats"`
	}
	require.NoError(t, json.Unmarshal(body, &vars), "%s", body)
	assert.Equal(t, 2, vars.Declutter["requests"]) // the third is being served
	assert.Equal(t, 1, vars.Declutter["status_422"])
	assert.Equal(t, 1, vars.Declutter["status_200"])
	assert.NotNil(t, vars.Memstats)
	_, body = get(t, ts2.URL+"/debug/vars")
	assert.Contains(t, string(body), `"declutter": {"in_flight": 0}`, "the other server counts its own")

	// The line is written once the handler returns, which may be after
	// the client has read the answer.
	waitFor(t, "three log lines", func() bool { return strings.Count(logs.String(), "\n") == 3 })
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	require.Len(t, lines, 3, logs.String())
	var line struct {
		Msg, Method, Path string
		Status            int
		MS                float64
	}
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &line))
	assert.Equal(t, "request", line.Msg)
	assert.Equal(t, "POST", line.Method)
	assert.Equal(t, "/extract", line.Path)
	assert.Equal(t, 422, line.Status)
}

// slowBody is a request body that the test releases: the request stays in
// flight until then.
type slowBody struct {
	pr *io.PipeReader
	pw *io.PipeWriter
}

func newSlowBody(head []byte) *slowBody {
	pr, pw := io.Pipe()
	b := &slowBody{pr: pr, pw: pw}
	go pw.Write(head)
	return b
}

func (b *slowBody) finish(rest []byte) {
	b.pw.Write(rest)
	b.pw.Close()
}

// startSlowPost sends a POST whose body comes from b; the answer arrives
// on the channel.
func startSlowPost(t *testing.T, url string, b *slowBody) <-chan *http.Response {
	t.Helper()
	out := make(chan *http.Response, 1)
	go func() {
		resp, err := http.Post(url, "text/html", b.pr)
		if err != nil {
			t.Errorf("slow post: %v", err)
			out <- nil
			return
		}
		io.ReadAll(resp.Body)
		resp.Body.Close()
		out <- resp
	}()
	return out
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Over the cap on requests in flight the answer is 503 with Retry-After,
// at once; the requests in flight are not disturbed.
func TestServeInFlightCap(t *testing.T) {
	s, ts, _ := newTestServer(t, func(c *serveConfig) { c.maxInFlight = 2 })
	seed := seedPage(t)
	half := len(seed) / 2
	var bodies []*slowBody
	var answers []<-chan *http.Response
	for range 2 {
		b := newSlowBody(seed[:half])
		bodies = append(bodies, b)
		answers = append(answers, startSlowPost(t, ts.URL+"/extract", b))
	}
	waitFor(t, "two requests in flight", func() bool { return s.active.Load() == 2 })

	resp, body := post(t, ts.URL+"/extract", "text/html", bytes.NewReader(seed))
	wantError(t, resp, body, http.StatusServiceUnavailable, "too many requests")
	assert.Equal(t, "1", resp.Header.Get("Retry-After"))
	// Health checks are not capped.
	resp, _ = get(t, ts.URL+"/healthz")
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	for i, b := range bodies {
		b.finish(seed[half:])
		r := <-answers[i]
		require.NotNil(t, r)
		assert.Equal(t, http.StatusOK, r.StatusCode)
	}
	resp, _ = post(t, ts.URL+"/extract", "text/html", bytes.NewReader(seed))
	assert.Equal(t, http.StatusOK, resp.StatusCode, "a slot is free again")
}

// On shutdown (SIGTERM cancels the context) the server stops accepting
// but finishes the request in flight.
func TestServeGracefulShutdown(t *testing.T) {
	cfg := testServeConfig()
	logs := &syncBuffer{}
	s, err := newServer(cfg, slog.New(slog.NewJSONHandler(logs, nil)))
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	url := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.run(ctx, ln) }()

	seed := seedPage(t)
	b := newSlowBody(seed[:1000])
	answer := startSlowPost(t, url+"/extract?format=text", b)
	waitFor(t, "the request in flight", func() bool { return s.active.Load() == 1 })

	cancel()
	waitFor(t, "shutdown to start", func() bool { return strings.Contains(logs.String(), "shutting down") })
	waitFor(t, "the listener to close", func() bool {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 100*time.Millisecond)
		if err == nil {
			c.Close()
		}
		return err != nil
	})
	select {
	case err := <-done:
		t.Fatalf("server stopped with a request in flight: %v", err)
	default:
	}

	b.finish(seed[1000:])
	resp := <-answer
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("server did not stop after its last request")
	}
}

func TestServeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-max-in-flight", "0"}, "-max-in-flight"},
		{[]string{"-allow-private"}, "-allow-private needs -fetch"},
		{[]string{"-timeout", "0s"}, "-timeout"},
		{[]string{"stray"}, "no arguments"},
	} {
		r := runCmd(t, "", append([]string{"serve"}, c.args...)...)
		assert.Equal(t, exitUsage, r.code, "%v", c.args)
		assert.Contains(t, r.stderr, c.want, "%v", c.args)
	}
	r := runCmd(t, "", "serve", "-h")
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stderr, "Usage: declutter serve")
}

// serve itself: it listens, answers and stops when the context ends.
func TestServeCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errOut syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- serve(ctx, []string{"-addr", "127.0.0.1:0"}, pw, &errOut)
		pw.Close()
	}()
	line := make([]byte, 200)
	n, err := pr.Read(line)
	require.NoError(t, err)
	var addr string
	_, err = fmt.Sscanf(string(line[:n]), "declutter serve: listening on %s", &addr)
	require.NoError(t, err)
	resp, body := get(t, addr+"healthz")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "ok\n", string(body))
	cancel()
	go io.Copy(io.Discard, pr)
	select {
	case c := <-code:
		assert.Equal(t, exitOK, c)
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return")
	}
	assert.Contains(t, errOut.String(), `"path":"/healthz"`)
}

// multipartForm builds the inspector's form.
func multipartForm(t *testing.T, fields map[string][]string, file []byte) (string, *bytes.Buffer) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			require.NoError(t, mw.WriteField(k, v))
		}
	}
	if file != nil {
		fw, err := mw.CreateFormFile("file", "page.html")
		require.NoError(t, err)
		fw.Write(file)
	}
	require.NoError(t, mw.Close())
	return mw.FormDataContentType(), &buf
}

func inspect(t *testing.T, base string, fields map[string][]string, file []byte) (*http.Response, []byte) {
	t.Helper()
	ct, body := multipartForm(t, fields, file)
	return post(t, base+"/inspect", ct, body)
}

func TestServeInspect(t *testing.T) {
	_, ts, _ := newTestServer(t, nil)
	seed := seedPage(t)
	resp, body := inspect(t, ts.URL, map[string][]string{"url": {"https://kyivindependent.com/x/"}}, seed)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	var got inspection
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Contains(t, got.Article.Title, "North Korean troops")
	rules := map[string]int{}
	located := 0
	for _, m := range got.Removals {
		rules[m.Rule]++
		if m.Anchor != "" {
			located++
		}
		// The widgets the seed page is about are always found. Locating is
		// by text, best effort: a snippet that describes an element with
		// no text (<div class="audio-player">), or a trimmed block whose
		// text spans several elements, may not be.
		if m.Rule == "newsletter-form" || m.Rule == "membership-appeal" {
			assert.NotEmpty(t, m.Anchor, "removal %s %q not located", m.Rule, m.Snippet)
		}
	}
	assert.Equal(t, 2, rules["newsletter-form"])
	assert.Equal(t, 2, rules["membership-appeal"])
	assert.Equal(t, located, got.Located)
	assert.GreaterOrEqual(t, 4*got.Located, 3*len(got.Removals), "at least three quarters of the removals located")
	assert.Equal(t, 20, got.Kept, "the body's 20 paragraphs are found in the page")

	resp, doc := get(t, ts.URL+got.Doc)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	csp := resp.Header.Get("Content-Security-Policy")
	assert.Contains(t, csp, "sandbox")
	assert.Contains(t, csp, "script-src 'none'")
	assert.NotContains(t, string(doc), "<script")
	assert.Contains(t, string(doc), `data-declutter-rule="newsletter-form"`)
	assert.Contains(t, string(doc), `<base href="https://kyivindependent.com/x/" target="_blank"/>`)

	// Switching a rule off: its blocks stay in the article.
	resp, body = inspect(t, ts.URL, map[string][]string{"html": {string(seed)}, "disable": {"newsletter-form,reading-time,trim-header"}}, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	var off inspection
	require.NoError(t, json.Unmarshal(body, &off))
	assert.Equal(t, []string{"newsletter-form", "reading-time", "trim-header"}, off.Disabled)
	for _, m := range off.Removals {
		assert.NotEqual(t, "newsletter-form", m.Rule)
		assert.NotEqual(t, "reading-time", m.Rule)
		assert.NotEqual(t, "trim-header", m.Rule)
	}
	assert.NotContains(t, got.Article.Text, "3 min read")
	assert.Contains(t, off.Article.Text, "3 min read", "the reading time stays when its rule is off")

	resp, body = inspect(t, ts.URL, map[string][]string{"html": {string(seed)}, "disable": {"no-such-rule"}}, nil)
	wantError(t, resp, body, http.StatusBadRequest, "no-such-rule")
	resp, body = inspect(t, ts.URL, map[string][]string{"html": {"  "}}, nil)
	wantError(t, resp, body, http.StatusUnprocessableEntity, "empty input")
	resp, body = inspect(t, ts.URL, map[string][]string{"fetch_url": {"https://example.org/"}}, nil)
	wantError(t, resp, body, http.StatusForbidden, "-fetch")
	resp, body = post(t, ts.URL+"/inspect", "text/html", bytes.NewReader(seed))
	wantError(t, resp, body, http.StatusBadRequest, "multipart")
	resp, body = get(t, ts.URL+"/inspect/doc/0123")
	wantError(t, resp, body, http.StatusNotFound, "no such document")
}

// The inspector page itself: its own script and style only, the page in a
// frame sandboxed without scripts.
func TestServeInspectorPage(t *testing.T) {
	_, ts, _ := newTestServer(t, nil)
	resp, body := get(t, ts.URL+"/")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Equal(t, inspectorCSP, resp.Header.Get("Content-Security-Policy"))
	assert.Contains(t, string(body), `<iframe id="page" name="page" sandbox=""`)
	assert.NotContains(t, string(body), "fetch_url", "no URL field without -fetch")
	assert.NotContains(t, string(body), "allow-scripts")
	resp, js := get(t, ts.URL+"/static/inspector.js")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.NotContains(t, string(js), "innerHTML", "the inspector inserts text only")
	assert.NotContains(t, string(js), "insertAdjacentHTML")
	resp, _ = get(t, ts.URL+"/static/inspector.css")
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	_, tsf, _ := newTestServer(t, func(c *serveConfig) { c.fetch = true })
	_, body = get(t, tsf.URL+"/")
	assert.Contains(t, string(body), `name="fetch_url"`)
}

func TestDocStoreBounded(t *testing.T) {
	d := newDocStore(2, 10)
	a, _ := d.put([]byte("aaaa"))
	b, _ := d.put([]byte("bbbb"))
	c, _ := d.put([]byte("cccc"))
	_, ok := d.get(a)
	assert.False(t, ok, "the oldest goes past the count")
	_, ok = d.get(b)
	assert.True(t, ok)
	big, _ := d.put([]byte("0123456789"))
	_, ok = d.get(c)
	assert.False(t, ok, "older ones go past the bytes")
	got, ok := d.get(big)
	assert.True(t, ok, "the newest stays even alone over the limit")
	assert.Equal(t, "0123456789", string(got))
}
