// Command evaluate scores declutter on labelled pages in the corpus
// format (DIR/truth.jsonl + DIR/pages/<id>.html.gz) and prints one table
// per dataset. See README.md for the measures.
//
//	go run ./cmd/evaluate [-json] [-worst N] [-j N] DIR...
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/declutter/declutter"
	"github.com/declutter/declutter/internal/eval"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command: it returns 0 on success, 1 when a dataset cannot be
// read and 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the results as JSON")
	worst := fs.Int("worst", 0, "list the `N` pages that lose most, with the measures that lost")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "extract `N` pages at a time")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: evaluate [-json] [-worst N] [-j N] DIR...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dirs, skipped := eval.DatasetDirs(fs.Args())
	for _, s := range skipped {
		fmt.Fprintf(stderr, "evaluate: skipping %s: not a directory\n", s)
	}
	if len(dirs) == 0 {
		fs.Usage()
		return 2
	}
	extractors := []eval.Extractor{{Name: "declutter", Extract: extract}}
	var reports []eval.DatasetReport
	for _, dir := range dirs {
		ds, err := eval.LoadDataset(dir)
		if err != nil {
			fmt.Fprintln(stderr, "evaluate:", err)
			return 1
		}
		rep, err := eval.Report(context.Background(), ds, extractors, *workers, *worst)
		if err != nil {
			fmt.Fprintln(stderr, "evaluate:", err)
			return 1
		}
		if *asJSON {
			reports = append(reports, rep)
			continue
		}
		if err := rep.WriteText(stdout); err != nil {
			fmt.Fprintln(stderr, "evaluate:", err)
			return 1
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"datasets": reports}); err != nil {
			fmt.Fprintln(stderr, "evaluate:", err)
			return 1
		}
	}
	return 0
}

// extract runs declutter on one page.
func extract(ctx context.Context, page []byte, pageURL string) (eval.Prediction, error) {
	a, err := declutter.Extract(ctx, bytes.NewReader(page), pageURL)
	if err != nil {
		return eval.Prediction{}, err
	}
	return eval.Prediction{
		Text:      a.Text,
		Title:     a.Title,
		Byline:    a.Byline,
		Authors:   a.Authors,
		Published: a.Published,
		Lang:      a.Language,
		SiteName:  a.SiteName,
	}, nil
}
