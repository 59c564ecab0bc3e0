package eval

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"
)

// Command is the body of the scoring commands (cmd/evaluate, and
// bench/cmd/compare for the peers): it parses `[-json] [-worst N] [-j N]
// DIR...`, scores every extractor on each dataset and prints one table per
// dataset, or JSON. An extractor with a Flag runs only when that flag is
// given. Worst pages are listed for the first extractor only.
// It returns 0 on success, 1 when a dataset cannot be read or scored and 2
// on a usage error.
func Command(name string, args []string, extractors []Extractor, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the results as JSON")
	worst := fs.Int("worst", 0, "list the `N` pages that lose most, with the measures that lost")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "extract `N` pages at a time")
	optional := make([]*bool, len(extractors))
	flags := ""
	for i, ex := range extractors {
		if ex.Flag != "" {
			optional[i] = fs.Bool(ex.Flag, false, ex.Usage)
			flags += " [-" + ex.Flag + "]"
		}
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s [-json] [-worst N] [-j N]%s DIR...\n", name, flags)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var chosen []Extractor
	for i, ex := range extractors {
		if optional[i] == nil || *optional[i] {
			chosen = append(chosen, ex)
		}
	}
	extractors = chosen
	dirs, skipped := DatasetDirs(fs.Args())
	for _, s := range skipped {
		fmt.Fprintf(stderr, "%s: skipping %s: not a directory\n", name, s)
	}
	if len(dirs) == 0 {
		fs.Usage()
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 1
	}
	var reports []DatasetReport
	for _, dir := range dirs {
		ds, err := LoadDataset(dir)
		if err != nil {
			return fail(err)
		}
		rep, err := Report(context.Background(), ds, extractors, *workers, *worst)
		if err != nil {
			return fail(err)
		}
		for i := 1; i < len(rep.Extractors); i++ {
			rep.Extractors[i].Worst = nil // the peers' worst pages are not ours to fix
		}
		if *asJSON {
			reports = append(reports, rep)
			continue
		}
		if err := rep.WriteText(stdout); err != nil {
			return fail(err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"datasets": reports}); err != nil {
			return fail(err)
		}
	}
	return 0
}
