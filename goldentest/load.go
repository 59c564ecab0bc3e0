package goldentest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Spec is a page's sidecar file, <name>.json, next to the page. Every field
// is optional; unknown fields are an error, so that a misspelt key never
// silently turns a check off.
type Spec struct {
	// URL is the page's address, used to resolve relative links.
	URL string `json:"url,omitempty"`
	// ContentType is the HTTP Content-Type the page was served with; its
	// charset takes precedence over the page's <meta> declaration.
	ContentType string `json:"content_type,omitempty"`

	// MustContain phrases must appear in Article.Text and MustNotContain
	// phrases must not. Both sides are compared with runs of white space
	// collapsed to one space.
	MustContain    []string `json:"must_contain,omitempty"`
	MustNotContain []string `json:"must_not_contain,omitempty"`

	// Pending lists phrases of MustContain or MustNotContain that are
	// known to fail today: their failure is logged, not reported, and a
	// pending phrase that holds again is an error, so that the list only
	// shrinks as the extractor improves.
	Pending []string `json:"pending,omitempty"`

	// Source and License record where the page came from and under which
	// terms it is kept; Notes is free text. goldentest does not read them.
	Source  string `json:"source,omitempty"`
	License string `json:"license,omitempty"`
	Notes   string `json:"notes,omitempty"`
}

// Page is one saved page found by Load.
type Page struct {
	Name string // file name without its extension, e.g. "story"
	Path string // the page file
	Spec Spec   // the sidecar's content; zero when there is none
}

// pageExts are the page file extensions Load accepts, longest first so
// that "story.html.gz" is named "story".
var pageExts = []string{".html.gz", ".html", ".htm"}

// Load lists the pages in dir, sorted by name, with their sidecars. It
// fails on an unreadable or invalid sidecar, on a sidecar without a page
// and on two pages with the same name.
func Load(dir string) ([]Page, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("goldentest: %w", err)
	}
	pages := map[string]*Page{}
	var sidecars []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		file := e.Name()
		if name, ok := pageName(file); ok {
			if pages[name] != nil {
				return nil, fmt.Errorf("goldentest: two pages named %q in %s", name, dir)
			}
			pages[name] = &Page{Name: name, Path: filepath.Join(dir, file)}
		} else if strings.HasSuffix(file, ".json") && !isGoldenFile(file) {
			sidecars = append(sidecars, file)
		}
	}
	for _, file := range sidecars {
		name := strings.TrimSuffix(file, ".json")
		p := pages[name]
		if p == nil {
			return nil, fmt.Errorf("goldentest: sidecar %s has no page %s.html or %s.html.gz", filepath.Join(dir, file), name, name)
		}
		if p.Spec, err = readSpec(filepath.Join(dir, file)); err != nil {
			return nil, err
		}
	}
	list := make([]Page, 0, len(pages))
	for _, p := range pages {
		list = append(list, *p)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	return list, nil
}

func pageName(file string) (string, bool) {
	for _, ext := range pageExts {
		if name, ok := strings.CutSuffix(file, ext); ok && name != "" {
			return name, true
		}
	}
	return "", false
}

func isGoldenFile(file string) bool {
	return strings.HasSuffix(file, ".golden.json") || strings.HasSuffix(file, ".golden.html")
}

func readSpec(path string) (Spec, error) {
	var s Spec
	b, err := os.ReadFile(path)
	if err != nil {
		return s, fmt.Errorf("goldentest: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, fmt.Errorf("goldentest: sidecar %s: %w", path, err)
	}
	for _, p := range append(s.MustContain, s.MustNotContain...) {
		if normalizeSpace(p) == "" {
			// An empty phrase is in every text: the check would be void.
			return s, fmt.Errorf("goldentest: sidecar %s: empty phrase", path)
		}
	}
	all := append(slices.Clone(s.MustContain), s.MustNotContain...)
	for _, p := range s.Pending {
		if !slices.Contains(all, p) {
			return s, fmt.Errorf("goldentest: sidecar %s: pending phrase %q is in neither must_contain nor must_not_contain", path, p)
		}
	}
	return s, nil
}

// readPage reads a page, gunzipping a .gz file.
func readPage(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return raw, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer zr.Close()
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return b, nil
}
