package bench

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/declutter/declutter/internal/eval"
)

// Page is one corpus page held in memory.
type Page struct {
	Dataset, ID, URL string
	HTML             []byte
	parsedURL        *url.URL
}

// DefaultCorpus is where the development corpora are, seen from the bench
// module; the DECLUTTER_CORPUS environment variable overrides it.
func DefaultCorpus() string {
	if d := os.Getenv("DECLUTTER_CORPUS"); d != "" {
		return d
	}
	return "../../shared/corpus"
}

// LoadPages reads the pages of each dataset dir into memory: all of them
// when sample is 0, else at most sample pages per dataset, evenly spaced
// over truth.jsonl so that the pick is the same on every run.
func LoadPages(dirs []string, sample int) ([]*Page, error) {
	var pages []*Page
	for _, dir := range dirs {
		ds, err := eval.LoadDataset(dir)
		if err != nil {
			return nil, err
		}
		for _, i := range spaced(len(ds.Pages), sample) {
			t := ds.Pages[i]
			b, err := ds.ReadPage(t.ID)
			if err != nil {
				return nil, err
			}
			pages = append(pages, &Page{Dataset: ds.Name, ID: t.ID, URL: t.URL, HTML: b, parsedURL: parseURL(t.URL)})
		}
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("bench: no pages in %q", dirs)
	}
	return pages, nil
}

// spaced returns k indexes evenly spaced over [0, n), or all n when k is
// 0 or at least n.
func spaced(n, k int) []int {
	if k <= 0 || k >= n {
		k = n
	}
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i * n / k
	}
	return idx
}

// BenchmarkDirs returns the datasets the Go benchmarks load from corpus:
// every page of fundus and sampleOthers pages of each other dataset.
func BenchmarkDirs(corpus string) (all []string, sampled []string, err error) {
	entries, err := os.ReadDir(corpus)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(corpus, e.Name())
		if e.Name() == "fundus" {
			all = append(all, dir)
		} else {
			sampled = append(sampled, dir)
		}
	}
	return all, sampled, nil
}
