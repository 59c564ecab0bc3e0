package eval

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
)

// ExtractFunc extracts one page. page is the raw page bytes and pageURL the
// truth's url (may be empty).
type ExtractFunc func(ctx context.Context, page []byte, pageURL string) (Prediction, error)

// Extractor is a named ExtractFunc.
type Extractor struct {
	Name    string
	Extract ExtractFunc

	// Flag, when set, names a boolean flag of Command that switches the
	// extractor on (it is off without it); Usage is the flag's help.
	Flag, Usage string
}

// Run extracts every page of ds with each extractor and scores the
// results: results[i][j] is extractors[i] on ds.Pages[j]. Pages are read
// once and given to every extractor in turn; workers pages are in flight
// at once (at least one). A failed or panicking extraction is scored as an
// empty prediction and its error kept, except for the page type it
// returned (a list of links is refused for want of an article, and is
// still a listing); a page that cannot be read stops
// the run with an error.
func Run(ctx context.Context, ds *Dataset, extractors []Extractor, workers int) ([][]PageResult, error) {
	results := make([][]PageResult, len(extractors))
	for i := range results {
		results[i] = make([]PageResult, len(ds.Pages))
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for j := range jobs {
				if err := runPage(ctx, ds, j, extractors, results); err != nil {
					cancel(err)
				}
			}
		})
	}
feed:
	for j := range ds.Pages {
		select {
		case jobs <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return results, nil
}

func runPage(ctx context.Context, ds *Dataset, j int, extractors []Extractor, results [][]PageResult) error {
	t := ds.Pages[j]
	page, err := ds.ReadPage(t.ID)
	if err != nil {
		return err
	}
	for i, ex := range extractors {
		if ctx.Err() != nil {
			return nil
		}
		pred, err := safeExtract(ctx, ex.Extract, page, t.URL)
		r := PageResult{ID: t.ID, URL: t.URL, PageType: t.PageType}
		if err != nil {
			r.Err = err.Error()
			pred = Prediction{PageType: pred.PageType}
		}
		r.Score = ScorePage(t, pred)
		r.Confidence, r.HasConfidence = pred.Confidence, pred.HasConfidence
		results[i][j] = r
	}
	return nil
}

// safeExtract turns a panic in an extractor into an error, so that one
// page cannot stop a run over thousands.
func safeExtract(ctx context.Context, fn ExtractFunc, page []byte, pageURL string) (p Prediction, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v\n%s", v, debug.Stack())
		}
	}()
	return fn(ctx, page, pageURL)
}
