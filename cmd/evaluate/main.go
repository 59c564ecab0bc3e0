// Command evaluate scores declutter on labelled pages in the corpus
// format (DIR/truth.jsonl + DIR/pages/<id>.html.gz) and prints one table
// per dataset. See README.md for the measures.
//
//	go run ./cmd/evaluate [-json] [-worst N] [-j N] [-captions] DIR...
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"golang.org/x/net/html"

	"github.com/declutter/declutter"
	"github.com/declutter/declutter/internal/eval"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command: it returns 0 on success, 1 when a dataset cannot be
// read and 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	plain, err := declutter.New(declutter.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 1
	}
	captions, err := declutter.New(declutter.Options{TextCaptions: true})
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 1
	}
	extractors := []eval.Extractor{
		{Name: "declutter", Extract: extractWith(plain)},
		{
			Name: "declutter+captions", Extract: extractWith(captions),
			Flag:  "captions",
			Usage: "also score Text with figure captions kept (Options.TextCaptions), the convention of corpora whose truth keeps them; extracts every page twice",
		},
	}
	return eval.Command("evaluate", args, extractors, stdout, stderr)
}

// extractWith runs ex on one page.
func extractWith(ex *declutter.Extractor) eval.ExtractFunc {
	return func(ctx context.Context, page []byte, pageURL string) (eval.Prediction, error) {
		return extract(ctx, ex, page, pageURL)
	}
}

// extract runs ex on one page. When it fails (a list of links has no
// article), the page's type is still told, by ClassifyPage.
func extract(ctx context.Context, ex *declutter.Extractor, page []byte, pageURL string) (eval.Prediction, error) {
	a, err := ex.Extract(ctx, bytes.NewReader(page), pageURL)
	if err != nil {
		var pred eval.Prediction
		if doc, perr := html.Parse(bytes.NewReader(page)); perr == nil {
			pred.PageType = string(declutter.ClassifyPage(doc, pageURL))
		}
		return pred, err
	}
	return eval.Prediction{
		Text:      a.Text,
		Title:     a.Title,
		Byline:    a.Byline,
		Authors:   a.Authors,
		Published: a.Published,
		Lang:      a.Language,
		SiteName:  a.SiteName,
		PageType:  string(a.PageType),

		Confidence:    a.Confidence,
		HasConfidence: true,
	}, nil
}
