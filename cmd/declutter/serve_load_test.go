package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	loadFlag     = flag.Bool("load", false, "run the load test of declutter serve (64 clients, up to -load-time)")
	loadDuration = flag.Duration("load-time", 18*time.Second, "how long the load test starts requests (those in flight then finish: about 20s in all)")
	loadClients  = flag.Int("load-clients", 64, "concurrent clients of the load test")
)

// loadPages reads the pages in testdata/pages, gunzipped.
func loadPages(t *testing.T) [][]byte {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/pages/*.html*")
	require.NoError(t, err)
	var pages [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		if strings.HasSuffix(p, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			require.NoError(t, err)
			b, err = io.ReadAll(zr)
			require.NoError(t, err)
		}
		pages = append(pages, b)
	}
	require.NotEmpty(t, pages)
	return pages
}

// procStatus reads a field of /proc/self/status in kB (Linux only; 0
// elsewhere).
func procStatus(field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// TestServeLoad runs only with -load: many clients post the test pages to
// a server on 127.0.0.1 at once. No answer may be an error but the 503s
// of the cap on requests in flight; memory must level off. It reports
// requests per second, latency percentiles and peak RSS (VmHWM; the
// client and server share the process, so it counts both).
//
//	go test -run TestServeLoad -load ./cmd/declutter/
func TestServeLoad(t *testing.T) {
	if !*loadFlag {
		t.Skip("load test: run with -load")
	}
	pages := loadPages(t)
	cfg := testServeConfig()
	cfg.maxInFlight = 4 * runtime.NumCPU()
	s, err := newServer(cfg, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.run(ctx, ln) }()
	url := "http://" + ln.Addr().String() + "/extract"

	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: *loadClients, MaxIdleConnsPerHost: *loadClients},
	}
	type result struct {
		ok, busy, other, failed int
		lat                     []time.Duration // of the 200s
		firstOther              string
	}
	results := make([]result, *loadClients)
	deadline := time.Now().Add(*loadDuration)

	var rssMu sync.Mutex
	var rss []int64
	sampleDone := make(chan struct{})
	go func() {
		defer close(sampleDone)
		for time.Now().Before(deadline) {
			rssMu.Lock()
			rss = append(rss, procStatus("VmRSS"))
			rssMu.Unlock()
			time.Sleep(250 * time.Millisecond)
		}
	}()

	start := time.Now()
	var wg sync.WaitGroup
	for c := range *loadClients {
		wg.Go(func() {
			r := &results[c]
			for i := c; time.Now().Before(deadline); i++ {
				t0 := time.Now()
				resp, err := client.Post(url+"?format=json", "text/html", bytes.NewReader(pages[i%len(pages)]))
				if err != nil {
					r.failed++
					if r.firstOther == "" {
						r.firstOther = err.Error()
					}
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				switch resp.StatusCode {
				case http.StatusOK:
					r.ok++
					r.lat = append(r.lat, time.Since(t0))
				case http.StatusServiceUnavailable:
					r.busy++
					// A client that is told to come back waits a little,
					// as a polite one would (not the full Retry-After).
					time.Sleep(5 * time.Millisecond)
				default:
					r.other++
					if r.firstOther == "" {
						r.firstOther = resp.Status
					}
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	<-sampleDone
	assert.Zero(t, s.active.Load(), "requests still in flight after the clients stopped")
	// Connections the transport dialled but never used are "new" to the
	// server, which Shutdown waits 5s for: close them first.
	client.CloseIdleConnections()
	stop()
	require.NoError(t, <-done)

	var total result
	for _, r := range results {
		total.ok += r.ok
		total.busy += r.busy
		total.other += r.other
		total.failed += r.failed
		total.lat = append(total.lat, r.lat...)
		if total.firstOther == "" {
			total.firstOther = r.firstOther
		}
	}
	slices.Sort(total.lat)
	pct := func(p float64) time.Duration {
		if len(total.lat) == 0 {
			return 0
		}
		return total.lat[min(len(total.lat)-1, int(p*float64(len(total.lat))))]
	}
	t.Logf("%d clients, %v, %d pages: %d ok (%.1f/s), %d refused with 503 (%.1f/s), %d other, %d failed",
		*loadClients, elapsed.Round(time.Millisecond), len(pages), total.ok, float64(total.ok)/elapsed.Seconds(),
		total.busy, float64(total.busy)/elapsed.Seconds(), total.other, total.failed)
	t.Logf("latency of the 200s: p50 %v, p90 %v, p99 %v, max %v",
		pct(.50).Round(time.Millisecond), pct(.90).Round(time.Millisecond), pct(.99).Round(time.Millisecond), pct(1).Round(time.Millisecond))
	rssMu.Lock()
	defer rssMu.Unlock()
	quarter, last := rss[len(rss)/4], rss[len(rss)-1]
	t.Logf("RSS: %d MB at a quarter of the run, %d MB at its end; peak (VmHWM) %d MB; max in flight %d",
		quarter>>10, last>>10, procStatus("VmHWM")>>10, cfg.maxInFlight)

	assert.Zero(t, total.other, "answers other than 200 and 503: first %s", total.firstOther)
	assert.Zero(t, total.failed, "requests that failed: first %s", total.firstOther)
	assert.Positive(t, total.ok)
	// Memory levels off: the end of the run holds no more than the
	// warmed-up server plus slack for the GC's cycle.
	assert.Less(t, last, quarter*3/2+64<<10, "RSS grew from %d to %d kB", quarter, last)
}
