// Package goldentest locks in declutter's output on saved pages with
// golden files, so that a change in the rules or in declutter itself that
// alters an article shows up as a failing test with a readable diff.
//
// # Layout
//
// A folder of saved pages, each an .html, .htm or .html.gz file, and an
// optional sidecar <name>.json next to it (see Spec):
//
//	testdata/pages/story.html.gz
//	testdata/pages/story.json
//
// For each page, two golden files hold the expected output (see Options
// for where they live):
//
//	<name>.golden.json  the metadata, word count, Removed and Text (as lines)
//	<name>.golden.html  Content, with a line break after each block
//
// # Use
//
// Register the -update flag in your own test file (a library must not
// register flags on import: two packages registering the same name make
// the test binary panic) and pass its value in Options:
//
//	var update = flag.Bool("update", false, "rewrite the golden files")
//
//	func TestGolden(t *testing.T) {
//		goldentest.Run(t, "testdata/pages", goldentest.Options{
//			GoldenDir: "testdata/golden",
//			Update:    *update,
//		})
//	}
//
// Then `go test -run Golden -update` writes the golden files; review them
// (git diff) and commit them. Without -update, a page whose output differs
// from its golden files fails with a line diff, and a page without golden
// files fails with a message saying to run with -update: a missing golden
// file is never taken as a pass.
//
// Phrases listed in a sidecar's must_contain and must_not_contain are
// checked against Article.Text on every run, -update or not, so that
// regenerating golden files never blesses a lost paragraph or a
// newsletter form leaking into the text.
package goldentest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/declutter/declutter"
)

// Options configure Run and Check. The zero value uses the default
// Extractor and keeps golden files next to the pages.
type Options struct {
	// Extractor extracts the pages; nil means declutter's defaults.
	Extractor *declutter.Extractor

	// GoldenDir holds the golden files; empty means the pages' own
	// folder. Give each folder of pages its own GoldenDir: Run reports
	// golden files there that belong to no page.
	GoldenDir string

	// Update rewrites the golden files (and deletes those that belong to
	// no page) instead of comparing with them. Set it from a flag of your
	// own; see the package documentation.
	Update bool
}

// Run checks every page in dir, each in a subtest named after the page
// (so `go test -run 'Golden/story'` runs one), then reports golden files
// that belong to no page. A dir without pages is a failure: a mistyped
// path must not pass.
func Run(t *testing.T, dir string, opts Options) {
	t.Helper()
	pages, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatalf("goldentest: no pages (*.html, *.html.gz) in %s", dir)
	}
	for _, p := range pages {
		t.Run(p.Name, func(t *testing.T) { Check(t, p, opts) })
	}
	gdir := goldenDir(dir, opts)
	stale, err := orphans(gdir, pages)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range stale {
		if !opts.Update {
			t.Errorf("goldentest: %s belongs to no page in %s (rerun with -update to delete it)", f, dir)
			continue
		}
		if err := os.Remove(f); err != nil {
			t.Error(err)
		} else {
			t.Logf("goldentest: deleted %s", f)
		}
	}
}

// Check extracts one page and compares the result with its golden files
// in the folder that Options.GoldenDir names (or the page's own), writing
// them instead when Options.Update is set, and checks the sidecar's
// phrases. It reports through t, so that callers can use their own loop.
func Check(t testing.TB, p Page, opts Options) {
	t.Helper()
	a, err := extract(t.Context(), p, opts.Extractor)
	if err != nil {
		t.Fatalf("goldentest: %s: %v", p.Path, err)
	}
	checkPhrases(t, p, a.Text)
	gdir := goldenDir(filepath.Dir(p.Path), opts)
	base := filepath.Join(gdir, p.Name)
	compare(t, base+".golden.json", encodeRecord(a), opts.Update)
	compare(t, base+".golden.html", formatHTML(a.Content), opts.Update)
}

func goldenDir(pageDir string, opts Options) string {
	if opts.GoldenDir != "" {
		return opts.GoldenDir
	}
	return pageDir
}

var defaultExtractor = sync.OnceValues(func() (*declutter.Extractor, error) {
	return declutter.New(declutter.Options{})
})

func extract(ctx context.Context, p Page, e *declutter.Extractor) (*declutter.Article, error) {
	if e == nil {
		var err error
		if e, err = defaultExtractor(); err != nil {
			return nil, err
		}
	}
	raw, err := readPage(p.Path)
	if err != nil {
		return nil, err
	}
	return e.ExtractWithContentType(ctx, bytes.NewReader(raw), p.Spec.URL, p.Spec.ContentType)
}

// compare compares got with the golden file at path, or writes it there
// when update is set.
func compare(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	want, err := os.ReadFile(path)
	if update {
		if err == nil && bytes.Equal(want, got) {
			return
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("goldentest: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("goldentest: %v", err)
		}
		t.Logf("goldentest: wrote %s", path)
		return
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		t.Errorf("goldentest: golden file %s is missing; rerun the test with -update "+
			"(e.g. go test -run Golden -update) to create it, then review and commit it", path)
	case err != nil:
		t.Errorf("goldentest: %v", err)
	case !bytes.Equal(want, got):
		t.Errorf("goldentest: output differs from %s (rerun with -update if the change is intended):\n%s",
			path, diff(path, string(want), "got", string(got)))
	}
}

// checkPhrases checks the sidecar's phrases against the article's text;
// see Spec.Pending for phrases known to fail.
func checkPhrases(t testing.TB, p Page, text string) {
	t.Helper()
	text = normalizeSpace(text)
	report := func(phrase, format string, args ...any) {
		t.Helper()
		if slices.Contains(p.Spec.Pending, phrase) {
			t.Logf("goldentest: %s: pending: "+format, append([]any{p.Name}, args...)...)
		} else {
			t.Errorf("goldentest: %s: "+format, append([]any{p.Name}, args...)...)
		}
	}
	held := func(phrase string) {
		t.Helper()
		if slices.Contains(p.Spec.Pending, phrase) {
			t.Errorf("goldentest: %s: pending phrase %q now holds: remove it from pending", p.Name, phrase)
		}
	}
	for _, phrase := range p.Spec.MustContain {
		if !strings.Contains(text, normalizeSpace(phrase)) {
			report(phrase, "text lacks must_contain phrase %q", phrase)
		} else {
			held(phrase)
		}
	}
	for _, phrase := range p.Spec.MustNotContain {
		if i := strings.Index(text, normalizeSpace(phrase)); i >= 0 {
			report(phrase, "text has must_not_contain phrase %q in %q", phrase, around(text, i, len(normalizeSpace(phrase))))
		} else {
			held(phrase)
		}
	}
}

// normalizeSpace collapses runs of white space to one space and trims.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// around returns text[i:i+n] with up to 40 bytes of context each side,
// cut at rune boundaries.
func around(text string, i, n int) string {
	from, to := max(i-40, 0), min(i+n+40, len(text))
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	return text[from:to]
}

// orphans lists the golden files in gdir that belong to none of pages.
func orphans(gdir string, pages []Page) ([]string, error) {
	entries, err := os.ReadDir(gdir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("goldentest: %w", err)
	}
	known := map[string]bool{}
	for _, p := range pages {
		known[p.Name] = true
	}
	var stale []string
	for _, e := range entries {
		f := e.Name()
		if e.IsDir() || !isGoldenFile(f) {
			continue
		}
		name := strings.TrimSuffix(strings.TrimSuffix(f, ".golden.json"), ".golden.html")
		if !known[name] {
			stale = append(stale, filepath.Join(gdir, f))
		}
	}
	return stale, nil
}
