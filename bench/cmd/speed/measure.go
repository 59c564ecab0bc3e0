package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/declutter/declutter/bench"
)

// pick keeps the contenders named in only (all when empty), with the bare
// parse always first: the ratios are to it.
func pick(all []bench.Contender, only string) ([]bench.Contender, error) {
	if only == "" {
		return all, nil
	}
	want := map[string]bool{}
	for _, n := range strings.Split(only, ",") {
		want[strings.TrimSpace(n)] = true
	}
	out := []bench.Contender{all[0]}
	delete(want, all[0].Name)
	for _, c := range all[1:] {
		if want[c.Name] {
			out = append(out, c)
			delete(want, c.Name)
		}
	}
	for n := range want {
		return nil, fmt.Errorf("no contender named %q", n)
	}
	return out, nil
}

// result holds every measurement of one run.
type result struct {
	pages      []*bench.Page
	contenders []bench.Contender
	rounds     int
	errors     []int             // per contender: pages it returned an error for
	passes     [][]time.Duration // [contender][round]: time of one pass over all pages
	pageTimes  [][][]float64     // [contender][page][round], ms
	allocs     [][]uint64        // [contender][page]: allocations on its own
	bytes      [][]uint64        // [contender][page]: bytes allocated
	mallocs    [][]uint64        // [contender][round]: allocations of the pass
	allocBytes [][]uint64        // [contender][round]
	one, two   []time.Duration   // declutter passes with one and two workers
}

// measure runs the warm-up and allocation pass, the timed rounds on one
// core and the throughput rounds.
func measure(pages []*bench.Page, contenders []bench.Contender, rounds int) *result {
	r := &result{pages: pages, contenders: contenders, rounds: rounds}
	nc := len(contenders)
	r.errors = make([]int, nc)
	r.passes = make([][]time.Duration, nc)
	r.pageTimes = make([][][]float64, nc)
	r.allocs, r.bytes = make([][]uint64, nc), make([][]uint64, nc)
	r.mallocs, r.allocBytes = make([][]uint64, nc), make([][]uint64, nc)
	for ci, c := range contenders {
		r.pageTimes[ci] = make([][]float64, len(pages))
		r.allocs[ci], r.bytes[ci] = make([]uint64, len(pages)), make([]uint64, len(pages))
		// Warm-up and per-page allocations: ReadMemStats stops the world,
		// so this pass is not timed.
		var a, b runtime.MemStats
		for pi, p := range pages {
			runtime.ReadMemStats(&a)
			if c.Run(p) != nil {
				r.errors[ci]++
			}
			runtime.ReadMemStats(&b)
			r.allocs[ci][pi], r.bytes[ci][pi] = b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc
		}
	}
	prev := runtime.GOMAXPROCS(1)
	for range rounds {
		for ci, c := range contenders {
			r.timePass(ci, c)
		}
	}
	runtime.GOMAXPROCS(2)
	if d := find(contenders, bench.NameDeclutter); d >= 0 {
		for range max(rounds/3, 3) {
			r.one = append(r.one, parallelPass(pages, contenders[d], 1))
			r.two = append(r.two, parallelPass(pages, contenders[d], 2))
		}
	}
	runtime.GOMAXPROCS(prev)
	return r
}

// timePass times one pass of contender ci over all pages, page by page.
func (r *result) timePass(ci int, c bench.Contender) {
	runtime.GC() // start each pass with the same heap, not the last one's garbage
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	start := time.Now()
	for pi, p := range r.pages {
		t0 := time.Now()
		_ = c.Run(p)
		r.pageTimes[ci][pi] = append(r.pageTimes[ci][pi], float64(time.Since(t0))/float64(time.Millisecond))
	}
	r.passes[ci] = append(r.passes[ci], time.Since(start))
	runtime.ReadMemStats(&b)
	r.mallocs[ci] = append(r.mallocs[ci], b.Mallocs-a.Mallocs)
	r.allocBytes[ci] = append(r.allocBytes[ci], b.TotalAlloc-a.TotalAlloc)
}

// parallelPass runs c over all pages with the given number of workers
// taking the next page from a shared counter.
func parallelPass(pages []*bench.Page, c bench.Contender, workers int) time.Duration {
	runtime.GC()
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(pages) {
					return
				}
				_ = c.Run(pages[i])
			}
		})
	}
	wg.Wait()
	return time.Since(start)
}

func find(cs []bench.Contender, name string) int {
	for i, c := range cs {
		if c.Name == name {
			return i
		}
	}
	return -1
}
