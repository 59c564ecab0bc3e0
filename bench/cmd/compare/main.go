// Command compare runs declutter and the peer extractors over the same
// corpus datasets in one run, scores them with the same code
// (internal/eval) and prints one table per dataset, a column per
// extractor.
//
//	go run ./cmd/compare [-json] [-worst N] [-j N] DIR...
package main

import (
	"io"
	"os"

	"github.com/declutter/declutter/bench"
	"github.com/declutter/declutter/internal/eval"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	return eval.Command("compare", args, bench.Extractors(), stdout, stderr)
}
