package main

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"
)

// maxRedirects is the most redirects a fetch follows, as browsers and
// curl's default do.
const maxRedirects = 10

// fetcher downloads pages for URL arguments. Only the command fetches; the
// library never touches the network.
type fetcher struct {
	client    *http.Client
	userAgent string
	maxBytes  int64
}

func newFetcher(timeout time.Duration, maxBytes int64) *fetcher {
	return &fetcher{
		client: &http.Client{
			Timeout: timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= maxRedirects {
					return fmt.Errorf("stopped after %d redirects", maxRedirects)
				}
				return nil
			},
		},
		userAgent: "declutter/" + version() + " (+" + repoURL + ")",
		maxBytes:  maxBytes,
	}
}

// fetch GETs rawURL and returns the page with the URL it was finally served
// from (after redirects) and its Content-Type, whose charset the extractor
// trusts before the page's own <meta>. A response that is not 2xx, not
// text, or longer than maxBytes is an error.
func (f *fetcher) fetch(ctx context.Context, rawURL string) (*page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*page, error) {
		resp.Body.Close()
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fail(fmt.Errorf("HTTP status %s", resp.Status))
	}
	ct := resp.Header.Get("Content-Type")
	if !textual(ct) {
		return fail(fmt.Errorf("not a web page: Content-Type %q", ct))
	}
	if resp.ContentLength > f.maxBytes {
		return fail(fmt.Errorf("page of %d bytes is larger than -max-bytes %d", resp.ContentLength, f.maxBytes))
	}
	return &page{
		url:         resp.Request.URL.String(),
		contentType: ct,
		// The extractor reads at most maxBytes+1 bytes and fails beyond
		// that, so a server that lies about its length costs no more.
		body:  resp.Body,
		close: func() { resp.Body.Close() },
	}, nil
}

// textual reports whether a Content-Type can hold a web page. An absent or
// unparsable one is given the benefit of the doubt: the extractor sniffs
// binary data itself.
func textual(contentType string) bool {
	if strings.TrimSpace(contentType) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return true
	}
	return strings.HasPrefix(mt, "text/") || strings.HasSuffix(mt, "+xml") || mt == "application/xml"
}

// htmlType reports whether a Content-Type names an HTML document.
func htmlType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}
