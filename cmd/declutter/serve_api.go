package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/declutter/declutter"
)

// apiError is the body of every 4xx and 5xx answer.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func (s *server) fail(w http.ResponseWriter, _ *http.Request, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(apiError{Error: msg, Status: status})
}

// errorStatus maps an error from reading, fetching or extracting a page to
// an HTTP status. Whatever a client sends earns a 4xx; 5xx is for the
// server's own trouble (a recovered panic, a timeout, a failed upstream).
func errorStatus(err error) int {
	var maxErr *http.MaxBytesError
	switch {
	case errors.As(err, &maxErr), errors.Is(err, declutter.ErrTooLarge), errors.Is(err, errFetchTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, declutter.ErrNotHTML), errors.Is(err, errNotPage):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, declutter.ErrNoContent), errors.Is(err, declutter.ErrTooDeep):
		return http.StatusUnprocessableEntity
	case errors.Is(err, declutter.ErrInvalidURL), errors.Is(err, declutter.ErrInvalidRule), errors.Is(err, errBadRequest):
		return http.StatusBadRequest
	case errors.Is(err, errBlockedAddr), errors.Is(err, errFetchOff):
		return http.StatusForbidden
	case errors.Is(err, declutter.ErrCanceled), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable
	case errors.Is(err, errUpstream):
		return http.StatusBadGateway
	}
	return http.StatusInternalServerError
}

var (
	errBadRequest    = errors.New("bad request")
	errNotPage       = errors.New("not a web page")
	errFetchOff      = errors.New("fetching is off: start the server with -fetch")
	errFetchTooLarge = errors.New("fetched page too large")
	errUpstream      = errors.New("fetching the page failed")
)

// failErr answers with the status errorStatus gives err.
func (s *server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	status := errorStatus(err)
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	s.vars.Add("errors", 1)
	s.fail(w, r, status, err.Error())
}

// formats are the values of ?format=, as the CLI's -format.
func outputFormat(r *http.Request) (string, error) {
	f := r.URL.Query().Get("format")
	switch f {
	case "":
		return "json", nil
	case "json", "markdown", "text", "html":
		return f, nil
	}
	return "", fmt.Errorf("%w: unknown format %q: want json, markdown, text or html", errBadRequest, f)
}

// checkPageURL validates ?url=: absolute http(s) for fetching, anything
// the library accepts for a posted page.
func checkPageURL(raw string, fetch bool) error {
	if raw == "" {
		if fetch {
			return fmt.Errorf("%w: missing ?url=", errBadRequest)
		}
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%w: %w", declutter.ErrInvalidURL, err)
	}
	if fetch && (u.Scheme != "http" && u.Scheme != "https" || u.Host == "") {
		return fmt.Errorf("%w: %q: want an absolute http or https URL", declutter.ErrInvalidURL, raw)
	}
	return nil
}

// handleExtractPost extracts the page in the request body.
func (s *server) handleExtractPost(w http.ResponseWriter, r *http.Request) {
	format, err := outputFormat(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	pageURL := r.URL.Query().Get("url")
	if err := checkPageURL(pageURL, false); err != nil {
		s.failErr(w, r, err)
		return
	}
	ct := r.Header.Get("Content-Type")
	if !textual(ct) {
		s.failErr(w, r, fmt.Errorf("%w: Content-Type %q", errNotPage, ct))
		return
	}
	if r.ContentLength > s.cfg.maxBytes {
		s.failErr(w, r, declutter.ErrTooLarge)
		return
	}
	body := http.MaxBytesReader(w, r.Body, s.cfg.maxBytes)
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
	defer cancel()
	a, err := s.ex.ExtractWithContentType(ctx, body, pageURL, ct)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.writeArticle(w, r, format, a)
}

// handleExtractGet fetches ?url= and extracts it (only with -fetch).
func (s *server) handleExtractGet(w http.ResponseWriter, r *http.Request) {
	if s.fetcher == nil {
		w.Header().Set("Allow", "POST")
		s.fail(w, r, http.StatusMethodNotAllowed, errFetchOff.Error())
		return
	}
	format, err := outputFormat(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
	defer cancel()
	p, err := s.fetch(ctx, r.URL.Query().Get("url"))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	defer p.close()
	a, err := s.ex.ExtractWithContentType(ctx, p.body, p.url, p.contentType)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.writeArticle(w, r, format, a)
}

// fetch downloads rawURL with the CLI's fetcher behind the address guard,
// and classifies its failures.
func (s *server) fetch(ctx context.Context, rawURL string) (*page, error) {
	if s.fetcher == nil {
		return nil, errFetchOff
	}
	if err := checkPageURL(rawURL, true); err != nil {
		return nil, err
	}
	p, err := s.fetcher.fetch(ctx, rawURL)
	switch {
	case err == nil:
		return p, nil
	case errors.Is(err, errBlockedAddr), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return nil, err
	case strings.HasPrefix(err.Error(), "not a web page"):
		return nil, fmt.Errorf("%w: %w", errNotPage, err)
	case strings.Contains(err.Error(), "larger than -max-bytes"):
		return nil, fmt.Errorf("%w: %w", errFetchTooLarge, err)
	}
	return nil, fmt.Errorf("%w: %w", errUpstream, err)
}

// writeArticle renders a in format; json is the CLI's JSON Lines record
// (newRecord), so both speak the same contract.
func (s *server) writeArticle(w http.ResponseWriter, r *http.Request, format string, a *declutter.Article) {
	var buf bytes.Buffer
	switch format {
	case "json":
		if err := encodeRecord(&buf, newRecord(&page{url: a.URL}, a)); err != nil {
			s.failErr(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	case "markdown":
		md, err := a.MarkdownWith(declutter.MarkdownOptions{Title: true})
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		buf.WriteString(md)
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
	case "html":
		writeHTMLDocument(&buf, a)
		// The body is sanitised, but it is still someone else's page:
		// no script may run even if the browser opens it on our origin.
		w.Header().Set("Content-Security-Policy", pageCSP)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	default:
		if a.Title != "" {
			buf.WriteString(a.Title + "\n\n")
		}
		buf.WriteString(a.Text + "\n")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	}
	s.vars.Add("extracted", 1)
	io.Copy(w, &buf)
}
