package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newSite serves a small site on a local test server: articles, a
// redirect chain, a loop, errors, an image and a page that never answers.
func newSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articleHTML("Alpha depot", story("alpha")...))
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/older", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/older", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	})
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(articleHTML("Big", append(story("big"), strings.Repeat("word ", 1000))...)))
	})
	mux.HandleFunc("/big-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "5000")
		w.Write([]byte(strings.Repeat(" ", 5000)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	srv := newSite(t)
	f := newFetcher(5*time.Second, 1<<20)

	p, err := f.fetch(context.Background(), srv.URL+"/old")
	require.NoError(t, err)
	defer p.close()
	assert.Equal(t, srv.URL+"/story", p.url, "the final URL after redirects")
	assert.Equal(t, "text/html; charset=utf-8", p.contentType)
}

func TestFetchSendsUserAgent(t *testing.T) {
	var seen string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r.UserAgent()
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("A", story("a")...))
	}))
	defer srv.Close()
	r := runCmd(t, "", srv.URL+"/")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Regexp(t, `^declutter/\S+ \(\+https://github\.com/declutter/declutter\)$`, seen)
}

func TestFetchErrors(t *testing.T) {
	srv := newSite(t)
	cases := map[string]string{
		"/gone":         "HTTP status 404 Not Found",
		"/loop":         "stopped after 10 redirects",
		"/logo.png":     `not a web page: Content-Type "image/png"`,
		"/big":          "input too large",
		"/big-declared": "page of 5000 bytes is larger than -max-bytes 2000",
	}
	for path, want := range cases {
		t.Run(path, func(t *testing.T) {
			r := runCmd(t, "", "-max-bytes", "2000", srv.URL+path)
			assert.Equal(t, exitFailed, r.code)
			assert.Contains(t, r.stderr, "declutter: "+srv.URL+path+": ")
			assert.Contains(t, r.stderr, want)
			assert.Empty(t, r.stdout)
		})
	}
}

func TestFetchTimeout(t *testing.T) {
	srv := newSite(t)
	r := runCmd(t, "", "-timeout", "200ms", srv.URL+"/slow")
	assert.Equal(t, exitFailed, r.code)
	assert.Contains(t, r.stderr, "declutter: "+srv.URL+"/slow: ")
	assert.Contains(t, r.stderr, "deadline exceeded")
}

// TestFetchJSON checks the page URL in the output is the final one, and
// that fetched pages and files mix in one run, in order.
func TestFetchJSON(t *testing.T) {
	srv := newSite(t)

	r := runCmd(t, "", "-format", "json", srv.URL+"/old", srv.URL+"/gone", srv.URL+"/story")

	assert.Equal(t, exitFailed, r.code)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 2, r.stderr)
	assert.Equal(t, srv.URL+"/old", recs[0]["file"])
	assert.Equal(t, srv.URL+"/story", recs[0]["url"])
	assert.Equal(t, srv.URL+"/story", recs[1]["file"])
	assert.Contains(t, r.stderr, "3 pages: 2 ok, 1 failed")
}

func TestTextual(t *testing.T) {
	for ct, want := range map[string]bool{
		"":                           true,
		"text/html; charset=utf-8":   true,
		"application/xhtml+xml":      true,
		"text/plain":                 true,
		"image/png":                  false,
		"application/pdf":            false,
		"application/octet-stream":   false,
		"nonsense;;;":                true,
		"APPLICATION/XHTML+XML":      true,
		"application/rss+xml":        true,
		"application/json":           false,
		"video/mp4; codecs=avc1":     false,
		"text/html;charset=koi8-r":   true,
		"application/xml":            true,
		"multipart/form-data; b=1":   false,
		"text/x-unknown-but-textish": true,
	} {
		assert.Equal(t, want, textual(ct), ct)
	}
}

// to1251 encodes ASCII, © and the Russian alphabet (without ё) as
// windows-1251, where А..я are the bytes 0xC0..0xFF.
func to1251(t *testing.T, s string) []byte {
	t.Helper()
	var out []byte
	for _, r := range s {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case r >= 'А' && r <= 'я':
			out = append(out, byte(r-'А'+0xC0))
		case r == '©':
			out = append(out, 0xA9)
		default:
			t.Fatalf("to1251: %q has no byte here", r)
		}
	}
	return out
}

// russianPage declares no charset of its own: only the HTTP header says
// it is windows-1251.
func russianPage(t *testing.T) []byte {
	p := "Совет города проголосовал во вторник за то, чтобы превратить старое трамвайное депо в публичную библиотеку"
	page := strings.Replace(articleHTML("Депо станет библиотекой", p+".", p+" и читальный зал.", p+" весной.", p+" до полуночи."),
		`<meta charset="utf-8">`, "", 1)
	return to1251(t, page)
}

// The charset of the HTTP Content-Type reaches the extractor.
func TestFetchCharsetFromHeader(t *testing.T) {
	body := russianPage(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write(body)
	}))
	defer srv.Close()

	r := runCmd(t, "", "-format", "json", srv.URL+"/")

	require.Equal(t, exitOK, r.code, r.stderr)
	rec := jsonLines(t, r.stdout)[0]
	assert.Equal(t, "windows-1251", rec["encoding"])
	assert.Equal(t, "Депо станет библиотекой", rec["title"])
	assert.Contains(t, rec["text"], "превратить старое трамвайное депо")

	// The header wins even when it is wrong: it was not a guess that got
	// windows-1251 right above.
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=koi8-r")
		w.Write(body)
	}))
	defer srv2.Close()
	r = runCmd(t, "", "-format", "json", srv2.URL+"/")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, "koi8-r", jsonLines(t, r.stdout)[0]["encoding"])
}
