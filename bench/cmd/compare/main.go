// Command compare runs declutter and the peer extractors over the same
// corpus datasets in one run, scores them with the same code
// (internal/eval) and prints one table per dataset, a column per
// extractor.
//
//	go run ./cmd/compare [-json] [-worst N] [-j N] DIR...
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/declutter/declutter/bench"
	"github.com/declutter/declutter/internal/eval"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the results as JSON")
	worst := fs.Int("worst", 0, "list declutter's `N` worst pages")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "extract `N` pages at a time")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: compare [-json] [-worst N] [-j N] DIR...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dirs, skipped := eval.DatasetDirs(fs.Args())
	for _, s := range skipped {
		fmt.Fprintf(stderr, "compare: skipping %s: not a directory\n", s)
	}
	if len(dirs) == 0 {
		fs.Usage()
		return 2
	}
	return compare(dirs, bench.Extractors(), *asJSON, *worst, *workers, stdout, stderr)
}

func compare(dirs []string, extractors []eval.Extractor, asJSON bool, worst, workers int, stdout, stderr io.Writer) int {
	var reports []eval.DatasetReport
	for _, dir := range dirs {
		ds, err := eval.LoadDataset(dir)
		if err != nil {
			fmt.Fprintln(stderr, "compare:", err)
			return 1
		}
		rep, err := eval.Report(context.Background(), ds, extractors, workers, worst)
		if err != nil {
			fmt.Fprintln(stderr, "compare:", err)
			return 1
		}
		for i := 1; i < len(rep.Extractors); i++ {
			rep.Extractors[i].Worst = nil // the peers' worst pages are not ours to fix
		}
		reports = append(reports, rep)
		if !asJSON {
			if err := rep.WriteText(stdout); err != nil {
				fmt.Fprintln(stderr, "compare:", err)
				return 1
			}
		}
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"datasets": reports}); err != nil {
			fmt.Fprintln(stderr, "compare:", err)
			return 1
		}
	}
	return 0
}
