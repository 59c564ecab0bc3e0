package declutter

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestRemovedCorpus: over the pages of ../shared/corpus, no Removal has an
// empty snippet, and every rule name in Article.Removed is accepted by
// Options.DisableRules. By default every sixteenth page is extracted;
// DECLUTTER_CORPUS_FULL=1 extracts them all.
func TestRemovedCorpus(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("reads the development corpus; skipped in -short mode and under -race")
	}
	pages, _ := filepath.Glob("../shared/corpus/*/pages/*.html.gz")
	if len(pages) == 0 {
		t.Skip("../shared/corpus not found")
	}
	slices.Sort(pages)
	step := 16
	if os.Getenv("DECLUTTER_CORPUS_FULL") != "" {
		step = 1
	}
	e := defaultExtractor()
	names := map[string]int{}
	var seen, removals int
	for i := 0; i < len(pages); i += step {
		raw, err := readGz(pages[i])
		if err != nil {
			t.Fatal(err)
		}
		a, err := e.Extract(context.Background(), bytes.NewReader(raw), "https://example.com/article")
		if err != nil {
			continue // the page's own failure is not this test's concern
		}
		seen++
		for _, r := range a.Removed {
			removals++
			names[r.Rule]++
			if r.Snippet == "" {
				t.Errorf("%s: empty snippet for rule %q", pages[i], r.Rule)
			}
		}
	}
	for name := range names {
		if _, err := New(Options{DisableRules: []string{name}}); err != nil {
			t.Errorf("rule %q appears in Removed but DisableRules rejects it: %v", name, err)
		}
	}
	t.Logf("%d pages, %d removals, %d rule names", seen, removals, len(names))
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}
