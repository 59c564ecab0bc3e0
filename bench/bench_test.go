package bench

import (
	"os"
	"runtime"
	"sync"
	"testing"
)

// benchSampleOthers is how many pages of each dataset other than fundus
// the benchmarks hold in memory beside all of fundus.
const benchSampleOthers = 10

var benchPages = sync.OnceValues(func() ([]*Page, error) {
	all, sampled, err := BenchmarkDirs(DefaultCorpus())
	if err != nil {
		return nil, err
	}
	pages, err := LoadPages(all, 0)
	if err != nil {
		return nil, err
	}
	more, err := LoadPages(sampled, benchSampleOthers)
	return append(pages, more...), err
})

func loadBenchPages(b *testing.B) []*Page {
	if _, err := os.Stat(DefaultCorpus()); err != nil {
		b.Skipf("corpus not found at %s (set DECLUTTER_CORPUS): %v", DefaultCorpus(), err)
	}
	pages, err := benchPages()
	if err != nil {
		b.Fatal(err)
	}
	return pages
}

// BenchmarkExtract runs each contender over the same pages, bytes in,
// parse included. One op is a pass over all pages; ms/page, allocs/page
// and B/page divide by the page count so that the figures read as the
// issue's table does. Compare runs with benchstat.
func BenchmarkExtract(b *testing.B) {
	pages := loadBenchPages(b)
	for _, c := range Contenders() {
		b.Run(c.Name, func(b *testing.B) {
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				for _, p := range pages {
					_ = c.Run(p) // a page a contender rejects still costs what it cost
				}
			}
			runtime.ReadMemStats(&after)
			n := float64(b.N * len(pages))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n/1e6, "ms/page")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/page")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/page")
		})
	}
}
