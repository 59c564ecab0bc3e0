// Command speed times declutter and the peer extractors on the same pages
// held in memory, bytes in, parse included, and prints per-page cost:
// medians of interleaved rounds (A B C A B C ...) on one core, the ratio
// to a bare html.Parse computed per round, allocations, a two-worker
// throughput figure for declutter and cost against page size.
//
//	go run ./cmd/speed [-rounds 21] [-sample N] DIR...
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/declutter/declutter/bench"
	"github.com/declutter/declutter/internal/eval"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("speed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rounds := fs.Int("rounds", 21, "timed `rounds`; each runs every contender once over all pages")
	sample := fs.Int("sample", 0, "use at most `N` pages per dataset, evenly spaced (0: all)")
	only := fs.String("only", "", "time only the contenders named, comma-separated (html.Parse always runs)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: speed [-rounds 21] [-sample N] [-only names] DIR...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dirs, skipped := eval.DatasetDirs(fs.Args())
	for _, s := range skipped {
		fmt.Fprintf(stderr, "speed: skipping %s: not a directory\n", s)
	}
	if len(dirs) == 0 || *rounds < 1 {
		fs.Usage()
		return 2
	}
	pages, err := bench.LoadPages(dirs, *sample)
	if err != nil {
		fmt.Fprintln(stderr, "speed:", err)
		return 1
	}
	contenders, err := pick(bench.Contenders(), *only)
	if err != nil {
		fmt.Fprintln(stderr, "speed:", err)
		return 2
	}
	res := measure(pages, contenders, *rounds)
	if err := res.write(stdout); err != nil {
		fmt.Fprintln(stderr, "speed:", err)
		return 1
	}
	return 0
}
