package main

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/declutter/declutter/bench"
)

func (r *result) write(w io.Writer) error {
	n := float64(len(r.pages))
	sizes := make([]float64, len(r.pages)) // KB
	total := 0.0
	for i, p := range r.pages {
		sizes[i] = float64(len(p.HTML)) / 1000
		total += sizes[i]
	}
	fmt.Fprintf(w, "%d pages, mean %.0f KB, median %.0f KB; medians of %d interleaved rounds on one core (GOMAXPROCS=1)\n\n",
		len(r.pages), total/n, bench.Median(sizes), r.rounds)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "contender\tms/page\t× html.Parse\tallocs/page\tMB/page\terrors\t")
	for ci, c := range r.contenders {
		ratios := make([]float64, r.rounds)
		for k := range r.rounds {
			ratios[k] = float64(r.passes[ci][k]) / float64(r.passes[0][k]) // per round, then the median
		}
		mallocs := make([]float64, r.rounds)
		mb := make([]float64, r.rounds)
		for k := range r.rounds {
			mallocs[k] = float64(r.mallocs[ci][k]) / n
			mb[k] = float64(r.allocBytes[ci][k]) / n / 1e6
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%s\t%.2f\t%d\t\n", c.Name, bench.MedianDuration(r.passes[ci])/n,
			bench.Median(ratios), thousands(bench.Median(mallocs)), bench.Median(mb), r.errors[ci])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.one) > 0 {
		one, two := bench.MedianDuration(r.one), bench.MedianDuration(r.two)
		ratios := make([]float64, len(r.one))
		for i := range r.one {
			ratios[i] = float64(r.one[i]) / float64(r.two[i])
		}
		fmt.Fprintf(w, "\ndeclutter throughput (GOMAXPROCS=2, medians of %d rounds): 1 worker %.0f pages/s, 2 workers %.0f pages/s, ×%.2f\n",
			len(r.one), n/one*1000, n/two*1000, bench.Median(ratios))
	}
	return r.writeSize(w, sizes)
}

// writeSize prints cost against page size: per-page median time and
// allocation against size, their least-squares slopes, the exponent of
// time ≈ a·size^b, and each contender's worst page.
func (r *result) writeSize(w io.Writer, sizes []float64) error {
	fmt.Fprintln(w, "\ncost against page size (per page: median time over rounds, allocation of one run)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "contender\tms per 100 KB\tMB alloc per 100 KB\ttime exponent\tworst page\tKB\tms\t× parse on it\t")
	parseMS := r.medianPageTimes(0)
	for ci, c := range r.contenders {
		ms := r.medianPageTimes(ci)
		mb := make([]float64, len(ms))
		for i := range mb {
			mb[i] = float64(r.bytes[ci][i]) / 1e6
		}
		worst := 0
		for i := range ms {
			if ms[i] > ms[worst] {
				worst = i
			}
		}
		p := r.pages[worst]
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%s/%s\t%.0f\t%.1f\t%.1f\t\n", c.Name,
			bench.Slope(sizes, ms)*100, bench.Slope(sizes, mb)*100, bench.Exponent(sizes, ms),
			p.Dataset, p.ID, sizes[worst], ms[worst], ms[worst]/parseMS[worst])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if d := find(r.contenders, bench.NameDeclutter); d > 0 {
		r.writeWorstRatios(w, d, sizes, parseMS)
	}
	return nil
}

// writeWorstRatios lists the pages where declutter costs most relative to
// parsing them: the places to look for work that grows with something
// other than the page's size.
func (r *result) writeWorstRatios(w io.Writer, d int, sizes, parseMS []float64) {
	ms := r.medianPageTimes(d)
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		ra, rb := ms[a]/parseMS[a], ms[b]/parseMS[b]
		switch {
		case ra > rb:
			return -1
		case ra < rb:
			return 1
		}
		return 0
	})
	fmt.Fprintln(w, "\ndeclutter's pages with the highest cost relative to html.Parse")
	for _, i := range idx[:min(5, len(idx))] {
		p := r.pages[i]
		fmt.Fprintf(w, "  %5.1f×  %6.1f ms  %5.0f KB  %8d allocs  %s/%s\n", ms[i]/parseMS[i], ms[i], sizes[i], r.allocs[d][i], p.Dataset, p.ID)
	}
}

func (r *result) medianPageTimes(ci int) []float64 {
	out := make([]float64, len(r.pages))
	for i, ts := range r.pageTimes[ci] {
		out[i] = bench.Median(ts)
	}
	return out
}

// thousands formats a count with thousands separators.
func thousands(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
