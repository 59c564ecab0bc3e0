package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"strings"
	"sync"

	"github.com/declutter/declutter"
)

// The inspector is plain HTML, CSS and JS embedded in the binary: no build
// step, nothing loaded from elsewhere.
//
//go:embed inspector
var inspectorFiles embed.FS

// pageCSP is the policy of the original page shown in the inspector's
// frame: no script of any kind, and a sandbox even if the page is opened
// on its own. Styles, images and fonts may load, so the page looks like
// itself.
const pageCSP = "sandbox; default-src 'none'; script-src 'none'; object-src 'none'; " +
	"style-src * data: 'unsafe-inline'; img-src * data: blob:; font-src * data:; media-src *; " +
	"form-action 'none'; frame-ancestors 'self'"

func (s *server) routeInspector(mux *http.ServeMux) {
	tmpl := template.Must(template.ParseFS(inspectorFiles, "inspector/index.html"))
	static, _ := fs.Sub(inspectorFiles, "inspector/static")
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		data := struct {
			Fetch    bool
			MaxBytes int64
		}{s.fetcher != nil, s.cfg.maxBytes}
		if err := tmpl.Execute(&buf, data); err != nil {
			s.failErr(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(buf.Bytes())
	})
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.Handle("POST /inspect", s.limit(http.HandlerFunc(s.handleInspect)))
	mux.HandleFunc("GET /inspect/doc/{id}", s.handleDoc)
}

// inspection is the inspector's answer: the CLI's record of the article,
// the removals with the anchors of the blocks they were matched to, and
// where the annotated page is.
type inspection struct {
	Article  record   `json:"article"`
	Removals []mark   `json:"removals"`
	Located  int      `json:"located"`
	Kept     int      `json:"kept"`
	Disabled []string `json:"disabled"`
	Doc      string   `json:"doc"`
}

// handleInspect reads the inspector's form (pasted HTML, an uploaded file
// or, with -fetch, a URL), extracts it with the rules not disabled, and
// keeps the annotated page for the frame.
func (s *server) handleInspect(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.maxBytes+1<<20) // room for the form around the page
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		if errors.Is(err, http.ErrNotMultipart) || errors.Is(err, http.ErrMissingBoundary) {
			err = fmt.Errorf("%w: want a multipart form: %w", errBadRequest, err)
		}
		s.failErr(w, r, err)
		return
	}
	defer r.MultipartForm.RemoveAll()
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
	defer cancel()

	pageURL := strings.TrimSpace(r.FormValue("url"))
	var disabled []string
	for _, v := range r.Form["disable"] {
		for _, name := range strings.Split(v, ",") {
			if name = strings.TrimSpace(name); name != "" {
				disabled = append(disabled, name)
			}
		}
	}
	raw, ct, pageURL, err := s.inspectInput(ctx, r, pageURL)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ex := s.ex
	if len(disabled) > 0 {
		if ex, err = declutter.New(declutter.Options{MaxBytes: s.cfg.maxBytes, Timeout: s.cfg.timeout, DisableRules: disabled}); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	a, err := ex.ExtractWithContentType(ctx, bytes.NewReader(raw), pageURL, ct)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	an := annotate(raw, a)
	id, err := s.docs.put(an.doc)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	out := inspection{
		Article:  newRecord(&page{url: a.URL}, a),
		Removals: an.marks,
		Kept:     an.kept,
		Disabled: nonNil(disabled),
		Doc:      "/inspect/doc/" + id,
	}
	for _, m := range an.marks {
		if m.Anchor != "" {
			out.Located++
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(out)
}

// inspectInput returns the page of the form: the uploaded file, else the
// pasted HTML, else (with -fetch) the page at fetch_url.
func (s *server) inspectInput(ctx context.Context, r *http.Request, pageURL string) (raw []byte, contentType, finalURL string, err error) {
	if err := checkPageURL(pageURL, false); err != nil {
		return nil, "", "", err
	}
	if f, _, ferr := r.FormFile("file"); ferr == nil {
		defer f.Close()
		raw, err = readCapped(f, s.cfg.maxBytes)
		return raw, "", pageURL, err
	}
	if h := r.FormValue("html"); strings.TrimSpace(h) != "" {
		if int64(len(h)) > s.cfg.maxBytes {
			return nil, "", "", declutter.ErrTooLarge
		}
		return []byte(h), "text/html; charset=utf-8", pageURL, nil
	}
	if u := strings.TrimSpace(r.FormValue("fetch_url")); u != "" {
		p, err := s.fetch(ctx, u)
		if err != nil {
			return nil, "", "", err
		}
		defer p.close()
		raw, err = readCapped(p.body, s.cfg.maxBytes)
		return raw, p.contentType, p.url, err
	}
	return nil, "", "", fmt.Errorf("%w: empty input: paste HTML, choose a file or give a URL", declutter.ErrNoContent)
}

func readCapped(r io.Reader, max int64) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > max {
		return nil, declutter.ErrTooLarge
	}
	return raw, nil
}

// handleDoc serves an annotated page for the inspector's frame.
func (s *server) handleDoc(w http.ResponseWriter, r *http.Request) {
	doc, ok := s.docs.get(r.PathValue("id"))
	if !ok {
		s.fail(w, r, http.StatusNotFound, "no such document (the inspector keeps the last few only)")
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "private, max-age=600")
	w.Write(doc)
}

// docStore keeps the most recent annotated pages, bounded in count and
// bytes; the oldest go first.
type docStore struct {
	mu       sync.Mutex
	maxDocs  int
	maxBytes int
	bytes    int
	order    []string
	docs     map[string][]byte
}

func newDocStore(maxDocs, maxBytes int) *docStore {
	return &docStore{maxDocs: maxDocs, maxBytes: maxBytes, docs: make(map[string][]byte)}
}

func (d *docStore) put(doc []byte) (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	id := hex.EncodeToString(b[:])
	d.mu.Lock()
	defer d.mu.Unlock()
	d.docs[id] = doc
	d.order = append(d.order, id)
	d.bytes += len(doc)
	for len(d.order) > 1 && (len(d.order) > d.maxDocs || d.bytes > d.maxBytes) {
		d.bytes -= len(d.docs[d.order[0]])
		delete(d.docs, d.order[0])
		d.order = d.order[1:]
	}
	return id, nil
}

func (d *docStore) get(id string) ([]byte, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc, ok := d.docs[id]
	return doc, ok
}
