package declutter

import (
	"bytes"
	"context"
	"net/url"
	"testing"

	"golang.org/x/net/html"
)

// Benchmarks of the stages around the readability pass, each over the
// saved pages in testdata with its input prepared outside the timer by the
// pipeline steps before it. Compare a change with:
// go test -run '^$' -bench 'Stage' -count 6 . | benchstat

// stagePage holds one page's inputs to the stages.
type stagePage struct {
	base  *url.URL
	title string
	login bool
	lead  string

	page   *html.Node // after the page rules, before the readability pass
	pageSt *textStats // of page
	doc    *html.Node // after the readability pass
	body   *html.Node // its result, before recoverBody
	final  *html.Node // the body as rendered: cleaned, URLs resolved
	text   string     // renderText(final)
}

// stagePages runs the pipeline up to each stage for every saved page the
// pipeline extracts an article from.
func stagePages(b *testing.B) []*stagePage {
	b.Helper()
	var out []*stagePage
	for _, raw := range savedPages(b) {
		if sp := prepareStages(raw); sp != nil {
			out = append(out, sp)
		}
	}
	if len(out) == 0 {
		b.Fatal("no page got through the pipeline")
	}
	return out
}

// prepareStages mirrors Extractor.extract; it returns nil for a page
// without an article.
func prepareStages(raw []byte) *stagePage {
	ctx := context.Background()
	e := defaultExtractor()
	text, _, _ := decode(raw, "")
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil
	}
	sp := &stagePage{}
	sp.base, _ = url.Parse("https://example.org/a")
	meta := readMetadata(doc, sp.base)
	a := &Article{}
	meta.applyTo(a)
	sp.title = a.Title
	sp.base = documentBase(doc, sp.base, a.CanonicalURL)
	st := newTextStats(doc)
	if _, err := applyRules(ctx, e.rules.page, doc, st); err != nil {
		return nil
	}
	sp.page = cloneTree(doc)
	sp.pageSt = newTextStats(sp.page)
	sp.lead = findStandfirst(doc, st, a.Title)
	sp.login = hasPasswordInput(doc)
	body, err := isolateBody(doc, sp.base)
	if err != nil {
		return nil
	}
	sp.doc, sp.body = doc, body
	final := cloneTree(body)
	if better := recoverBody(doc, body); better != nil {
		final = cloneTree(better)
	}
	restoreStandfirst(final, sp.lead)
	if _, err := e.cleanBody(ctx, final, a); err != nil {
		return nil
	}
	resolveURLs(context.Background(), final, sp.base)
	sp.final, sp.text = final, renderText(final, false)
	if countWords(sp.text) == 0 || isNoContent(final, sp.text, sp.login) {
		return nil
	}
	return sp
}

// runStage times f over every page per iteration and reports the mean
// time per page.
func runStage(b *testing.B, pages []*stagePage, f func(*stagePage)) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, sp := range pages {
			f(sp)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(b.N*len(pages)), "µs/page")
}

// runMutatingStage is runStage for a stage that changes the tree it gets:
// each call gets a fresh copy of pick(sp), made outside the timer.
func runMutatingStage(b *testing.B, pages []*stagePage, pick func(*stagePage) *html.Node, f func(*stagePage, *html.Node)) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, sp := range pages {
			b.StopTimer()
			n := cloneTree(pick(sp))
			b.StartTimer()
			f(sp, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(b.N*len(pages)), "µs/page")
}

var sinkInt int

func BenchmarkStageFindStandfirst(b *testing.B) {
	pages := stagePages(b)
	runStage(b, pages, func(sp *stagePage) {
		sinkInt += len(findStandfirst(sp.page, sp.pageSt, sp.title))
	})
}

func BenchmarkStageRecoverBody(b *testing.B) {
	pages := stagePages(b)
	runStage(b, pages, func(sp *stagePage) {
		if recoverBody(sp.doc, sp.body) != nil {
			sinkInt++
		}
	})
}

func BenchmarkStageRestoreStandfirst(b *testing.B) {
	pages := stagePages(b)
	runMutatingStage(b, pages, func(sp *stagePage) *html.Node { return sp.body }, func(sp *stagePage, n *html.Node) {
		if restoreStandfirst(n, sp.lead) {
			sinkInt++
		}
	})
}

func BenchmarkStageResolveURLs(b *testing.B) {
	pages := stagePages(b)
	runMutatingStage(b, pages, func(sp *stagePage) *html.Node { return sp.final }, func(sp *stagePage, n *html.Node) {
		resolveURLs(context.Background(), n, sp.base)
	})
}

func BenchmarkStageRenderText(b *testing.B) {
	pages := stagePages(b)
	runStage(b, pages, func(sp *stagePage) {
		sinkInt += countWords(renderText(sp.final, false))
	})
}

func BenchmarkStageNoContent(b *testing.B) {
	pages := stagePages(b)
	runStage(b, pages, func(sp *stagePage) {
		if isNoContent(sp.final, sp.text, sp.login) {
			sinkInt++
		}
	})
}

// BenchmarkStageSanitize measures sanitizeBody, which replaces
// sanitizeHTML(renderHTML(body)) in extract.
func BenchmarkStageSanitize(b *testing.B) {
	pages := stagePages(b)
	runStage(b, pages, func(sp *stagePage) {
		sinkInt += len(sanitizeBody(sp.final))
	})
}

func BenchmarkStageFirstParagraph(b *testing.B) {
	pages := stagePages(b)
	runStage(b, pages, func(sp *stagePage) {
		sinkInt += len(firstParagraph(sp.final))
	})
}
