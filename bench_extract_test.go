package declutter

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// testdataPages loads the saved pages under testdata/pages, decompressed.
func savedPages(tb testing.TB) [][]byte {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "pages", "*.html*"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no pages under testdata/pages: %v", err)
	}
	var pages [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if strings.HasSuffix(p, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				tb.Fatal(err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				tb.Fatal(err)
			}
		}
		pages = append(pages, b)
	}
	return pages
}

// BenchmarkExtract measures the whole pipeline, parse included, over the
// saved pages in testdata; BenchmarkParse is the floor it is compared with.
// Compare a change with: go test -run '^$' -bench 'Extract|Parse$' -count 10 . | benchstat
func BenchmarkExtract(b *testing.B) {
	pages := savedPages(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			_, _ = Extract(ctx, bytes.NewReader(p), "https://example.org/a")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(pages)), "ms/page")
}

func BenchmarkParse(b *testing.B) {
	pages := savedPages(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			_, _ = html.Parse(bytes.NewReader(p))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(pages)), "ms/page")
}
