package bench

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"time"

	readeck "codeberg.org/readeck/go-readability/v2"
	shiori "github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/declutter/declutter"
	"github.com/declutter/declutter/internal/eval"
)

// Contender is one extractor under comparison.
type Contender struct {
	Name string
	// Run is the work timed by the speed reports: bytes in, parse
	// included, the extractor's own result out.
	Run func(p *Page) error
	// Extract returns the output scored for quality; nil for a contender
	// that extracts nothing (the bare parse).
	Extract eval.ExtractFunc
}

// The contenders' names.
const (
	NameParse       = "html.Parse"
	NameReadeck     = "readeck"
	NameReadeckPass = "readeck-pass"
	NameShiori      = "go-shiori"
	NameTrafilatura = "trafilatura"
	NameTrafNoFB    = "trafilatura-nofb"
	NameDeclutter   = "declutter"
)

// Contenders returns every contender, the bare parse first and declutter
// last.
func Contenders() []Contender {
	return []Contender{
		{Name: NameParse, Run: runParse},
		{Name: NameReadeck, Run: runReadeck, Extract: extractReadeck},
		{Name: NameReadeckPass, Run: runReadeckPass},
		{Name: NameShiori, Run: runShiori, Extract: extractShiori},
		{Name: NameTrafNoFB, Run: runTrafilatura(false), Extract: extractTrafilatura(false)},
		{Name: NameTrafilatura, Run: runTrafilatura(true), Extract: extractTrafilatura(true)},
		{Name: NameDeclutter, Run: runDeclutter, Extract: ExtractDeclutter},
	}
}

// Extractors returns the contenders that extract, declutter first, as
// eval extractors.
func Extractors() []eval.Extractor {
	out := []eval.Extractor{{Name: NameDeclutter, Extract: ExtractDeclutter}}
	for _, c := range Contenders() {
		if c.Extract != nil && c.Name != NameDeclutter {
			out = append(out, eval.Extractor{Name: c.Name, Extract: c.Extract})
		}
	}
	return out
}

func runParse(p *Page) error {
	_, err := html.Parse(bytes.NewReader(p.HTML))
	return err
}

// runReadeck is readeck's readability pass alone (parse included), the
// pass declutter is built on; rendering its text is not included.
func runReadeck(p *Page) error {
	_, err := readeck.FromReader(bytes.NewReader(p.HTML), p.parsedURL)
	return err
}

// runReadeckPass is the readability pass as declutter runs it: html.Parse
// and ParseAndMutate, without FromReader's charset detection and Unicode
// normalisation. It is the floor under declutter's own cost.
func runReadeckPass(p *Page) error {
	doc, err := html.Parse(bytes.NewReader(p.HTML))
	if err != nil {
		return err
	}
	rp := readeck.NewParser()
	rp.KeepClasses = true
	rp.DisableJSONLD = true
	_, err = rp.ParseAndMutate(doc, p.parsedURL)
	return err
}

func runShiori(p *Page) error {
	_, err := shiori.FromReader(bytes.NewReader(p.HTML), p.parsedURL)
	return err
}

func runTrafilatura(fallback bool) func(p *Page) error {
	return func(p *Page) error {
		_, err := trafilatura.Extract(bytes.NewReader(p.HTML), trafilatura.Options{OriginalURL: p.parsedURL, EnableFallback: fallback})
		return err
	}
}

func runDeclutter(p *Page) error {
	_, err := declutter.Extract(context.Background(), bytes.NewReader(p.HTML), p.URL)
	return err
}

// ExtractDeclutter runs declutter on one page for scoring.
func ExtractDeclutter(ctx context.Context, page []byte, pageURL string) (eval.Prediction, error) {
	a, err := declutter.Extract(ctx, bytes.NewReader(page), pageURL)
	if err != nil {
		return eval.Prediction{}, err
	}
	return eval.Prediction{Text: a.Text, Title: a.Title, Byline: a.Byline, Authors: a.Authors,
		Published: a.Published, Lang: a.Language, SiteName: a.SiteName, PageType: string(a.PageType),
		Confidence: a.Confidence, HasConfidence: true}, nil
}

func extractReadeck(_ context.Context, page []byte, pageURL string) (eval.Prediction, error) {
	a, err := readeck.FromReader(bytes.NewReader(page), parseURL(pageURL))
	if err != nil {
		return eval.Prediction{}, err
	}
	var text strings.Builder
	if a.Node != nil {
		if err := a.RenderText(&text); err != nil {
			return eval.Prediction{}, err
		}
	}
	published, _ := a.PublishedTime() // zero when missing or unreadable
	return eval.Prediction{Text: text.String(), Title: a.Title(), Byline: a.Byline(),
		Published: published, Lang: a.Language(), SiteName: a.SiteName()}, nil
}

func extractShiori(_ context.Context, page []byte, pageURL string) (eval.Prediction, error) {
	a, err := shiori.FromReader(bytes.NewReader(page), parseURL(pageURL))
	if err != nil {
		return eval.Prediction{}, err
	}
	var published time.Time
	if a.PublishedTime != nil {
		published = *a.PublishedTime
	}
	return eval.Prediction{Text: a.TextContent, Title: a.Title, Byline: a.Byline,
		Published: published, Lang: a.Language, SiteName: a.SiteName}, nil
}

func extractTrafilatura(fallback bool) eval.ExtractFunc {
	return func(_ context.Context, page []byte, pageURL string) (eval.Prediction, error) {
		r, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: parseURL(pageURL), EnableFallback: fallback})
		if err != nil {
			return eval.Prediction{}, err
		}
		m := r.Metadata
		return eval.Prediction{Text: r.ContentText, Title: m.Title, Byline: m.Author,
			Published: m.Date, Lang: m.Language, SiteName: m.Sitename}, nil
	}
}

// parseURL parses a page URL; nil when it is empty or malformed.
func parseURL(s string) *url.URL {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil
	}
	return u
}
