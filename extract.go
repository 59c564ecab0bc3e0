package declutter

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"runtime/debug"
	"sync"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// Extractor extracts articles. Build one with New and share it: it is
// immutable and safe for concurrent use by many goroutines.
type Extractor struct {
	opts  Options
	rules *ruleSet
}

// New builds an Extractor from opts. It fails with ErrInvalidRule, naming
// the rule, when a user rule cannot be compiled.
func New(opts Options) (*Extractor, error) {
	rs, err := compileRules(builtinRules, opts.Rules, opts.DisableRules)
	if err != nil {
		return nil, err
	}
	return &Extractor{opts: opts, rules: rs}, nil
}

// defaultExtractor is built on first use, so that importing the package
// costs nothing.
var defaultExtractor = sync.OnceValue(func() *Extractor {
	e, err := New(Options{})
	if err != nil {
		panic(err) // the built-in rules are tested; this cannot happen
	}
	return e
})

// Extract reads an HTML page from r and extracts its article with the
// default Extractor. pageURL is the page's address, used to resolve
// relative links; it may be empty.
func Extract(ctx context.Context, r io.Reader, pageURL string) (*Article, error) {
	return defaultExtractor().Extract(ctx, r, pageURL)
}

// ExtractNode extracts the article from an already parsed page with the
// default Extractor. The caller's tree is not modified.
func ExtractNode(ctx context.Context, doc *html.Node, pageURL string) (*Article, error) {
	return defaultExtractor().ExtractNode(ctx, doc, pageURL)
}

// Extract reads an HTML page from r and extracts its article.
func (e *Extractor) Extract(ctx context.Context, r io.Reader, pageURL string) (*Article, error) {
	return e.ExtractWithContentType(ctx, r, pageURL, "")
}

// ExtractWithContentType is Extract for a page whose HTTP Content-Type
// header is known; its charset parameter takes precedence over the page's
// own <meta> declaration.
func (e *Extractor) ExtractWithContentType(ctx context.Context, r io.Reader, pageURL, contentType string) (a *Article, err error) {
	defer recoverPanic(&err)
	ctx, cancel := e.withTimeout(ctx)
	defer cancel()
	base, err := parsePageURL(pageURL)
	if err != nil {
		return nil, err
	}
	raw, err := readLimited(ctx, r, e.opts.maxBytes())
	if err != nil {
		return nil, err
	}
	// raw is ours from here on: the rest may run on after a cancel.
	a, err = detach(ctx, func() (*Article, error) { return e.extractBytes(ctx, raw, base, contentType) })
	if err != nil {
		return nil, err
	}
	a.URL = pageURL
	return a, nil
}

// extractBytes runs the pipeline on raw, the page as read.
func (e *Extractor) extractBytes(ctx context.Context, raw []byte, base *url.URL, contentType string) (*Article, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("%w: empty input", ErrNoContent)
	}
	if !startsLikeMarkup(raw) && looksBinary(raw) {
		return nil, ErrNotHTML
	}
	text, enc, src := decode(raw, contentType)
	if ctx.Err() != nil {
		return nil, canceled(ctx)
	}
	var hit []string
	text, flattened, err := limitMarkup(text, e.opts.maxDepth(), e.opts.maxElements())
	if err != nil {
		return nil, err
	}
	if flattened {
		hit = append(hit, "max-depth")
	}
	if ctx.Err() != nil {
		return nil, canceled(ctx)
	}
	doc, err := html.Parse(&ctxReader{ctx: ctx, r: bytes.NewReader(text)})
	if err != nil {
		if ctx.Err() != nil {
			return nil, canceled(ctx)
		}
		// x/net/html fails only on nesting past its own limit, which the
		// pre-pass should have prevented.
		return nil, fmt.Errorf("%w: parsing HTML: %w", ErrTooDeep, err)
	}
	if ctx.Err() != nil {
		return nil, canceled(ctx) // the parser may stop at a failed read without an error
	}
	if err := checkTree(ctx, doc, e.opts.maxDepth(), e.opts.maxElements()); err != nil {
		return nil, err
	}
	a, err := e.extract(ctx, doc, base)
	if err != nil {
		return nil, err
	}
	a.Encoding, a.EncodingSource = enc, src
	a.LimitsHit = append(hit, a.LimitsHit...)
	return a, nil
}

// ExtractNode extracts the article from an already parsed page. The
// caller's tree is not modified. It fails with ErrTooDeep or ErrTooLarge
// when the tree exceeds the Extractor's limits.
func (e *Extractor) ExtractNode(ctx context.Context, doc *html.Node, pageURL string) (a *Article, err error) {
	defer recoverPanic(&err)
	ctx, cancel := e.withTimeout(ctx)
	defer cancel()
	base, err := parsePageURL(pageURL)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("%w: nil document", ErrNoContent)
	}
	if err := checkTree(ctx, doc, e.opts.maxDepth(), e.opts.maxElements()); err != nil {
		return nil, err
	}
	// The copy is made here, before any return: the caller may change its
	// tree as soon as ExtractNode has returned, and the pipeline may run on.
	own, err := cloneTreeCtx(ctx, doc)
	if err != nil {
		return nil, err
	}
	a, err = detach(ctx, func() (*Article, error) { return e.extract(ctx, own, base) })
	if err != nil {
		return nil, err
	}
	a.URL = pageURL
	a.Encoding, a.EncodingSource = "utf-8", EncodingFromCaller
	return a, nil
}

// extract runs the pipeline on doc, which it owns and mutates.
func (e *Extractor) extract(ctx context.Context, doc *html.Node, base *url.URL) (*Article, error) {
	base = withoutUserinfo(base) // no URL in the Article carries the page URL's credentials
	// Each stage below either checks ctx as it goes or takes a small share
	// of the time; stop between them once ctx is done (see cancel.go).
	stop := func() bool { return ctx.Err() != nil }
	promoteNoscript(ctx, doc, e.opts.maxDepth(), e.opts.maxElements())
	if stop() {
		return nil, canceled(ctx)
	}
	meta := readMetadata(doc, base)
	a := &Article{PageType: classifyPage(doc, base)} // before any stage removes or moves evidence
	meta.applyTo(a)
	base = documentBase(doc, base, a.CanonicalURL)
	// A thread's posts, read before the page rules take them for comments.
	thread := assembleThread(ctx, doc, e.opts.maxDepth(), e.opts.maxElements())

	// Read before the page rules, which remove account forms, and the
	// readability pass, which removes inputs.
	login := hasPasswordInput(doc)
	if stop() {
		return nil, canceled(ctx)
	}
	st := newTextStats(doc)
	if stop() {
		return nil, canceled(ctx)
	}
	ev := confidenceEvidence{pageChars: st.chars(doc), ldBodyChars: meta.ldBodyChars}
	removed, err := applyRules(ctx, e.rules.page, doc, st)
	if err != nil {
		return nil, err
	}
	a.Removed = removed
	if stop() {
		return nil, canceled(ctx)
	}
	body, recovered, err := e.pickBody(ctx, doc, st, a, base, thread)
	if err != nil {
		return nil, err
	}
	ev.recovered = recovered
	removed, err = e.cleanBody(ctx, body, a)
	if err != nil {
		return nil, err
	}
	if thread != nil {
		thread.addHeads()
	}
	a.Removed = append(a.Removed, removed...)
	if err := resolveURLs(ctx, body, base); err != nil {
		return nil, err
	}
	a.Image = absURL(base, a.Image) // a lead image taken from the body is still as written

	a.Text = renderText(body, e.opts.TextCaptions)
	if stop() {
		return nil, canceled(ctx)
	}
	a.WordCount = countWords(a.Text)
	if a.WordCount == 0 || isNoContent(body, a.Text, login) {
		return nil, fmt.Errorf("%w: no article text (a login form, a list of links or too little text)", ErrNoContent)
	}
	ev.words, ev.pageType = a.WordCount, a.PageType
	ev.measureBody(body)
	a.Confidence, a.evidence = ev.score(&confidenceWeights), ev
	if stop() {
		return nil, canceled(ctx)
	}
	if a.Content, err = sanitizeBodyCtx(ctx, body); err != nil {
		return nil, err
	}
	if a.Excerpt == "" {
		a.Excerpt = firstParagraph(body)
	}
	a.cleanFields()
	return a, nil
}

// pickBody returns the body: the thread's posts when there is a thread,
// else what the readability pass isolates, with the continuations it left
// out, the chrome around the story trimmed (recorded in a.Removed) and the
// standfirst put back.
func (e *Extractor) pickBody(ctx context.Context, doc *html.Node, st *textStats, a *Article, base *url.URL, thread *threadBody) (body *html.Node, recovered bool, err error) {
	if thread != nil {
		return thread.root, false, nil
	}
	lead := findStandfirst(doc, st, a.Title)
	if body, err = isolateBody(doc, base); err != nil {
		return nil, false, err
	}
	if ctx.Err() != nil {
		return nil, false, canceled(ctx)
	}
	if better := recoverBody(doc, body); better != nil {
		body, recovered = better, true
	} else {
		appendContinuations(doc, body)
	}
	if wholeColumn(a.PageType) {
		if col := mainColumn(doc, body); col != nil {
			body = col
		}
	}
	a.Removed = append(a.Removed, assembleBody(body, a.Title, e.rules.stepOn("trim-header"), e.rules.stepOn("trim-tail"))...)
	restoreStandfirst(body, lead)
	if ctx.Err() != nil {
		return nil, false, canceled(ctx)
	}
	return body, recovered, nil
}

// isolateBody runs the readability pass over doc, which it mutates, and
// returns the container of the article body.
func isolateBody(doc *html.Node, base *url.URL) (*html.Node, error) {
	p := readability.NewParser()
	p.KeepClasses = true   // the body rules need class names; clean strips them after
	p.DisableJSONLD = true // metadata.go reads JSON-LD itself
	res, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return nil, fmt.Errorf("declutter: readability pass: %w", err)
	}
	if res.Node != nil && hasText(res.Node, minBodyChars) {
		return res.Node, nil
	}
	if n := fallbackBody(doc); n != nil {
		return n, nil
	}
	if res.Node != nil {
		return res.Node, nil
	}
	return nil, fmt.Errorf("%w: readability found no body", ErrNoContent)
}

// minBodyChars is the least text a readability result must have before the
// page's own article container is tried instead.
const minBodyChars = 80

// startsLikeMarkup reports whether raw begins, after a BOM and white
// space, with '<': such input is a page however much junk follows it.
func startsLikeMarkup(raw []byte) bool {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	raw = bytes.TrimLeft(raw, " \t\r\n\f")
	return len(raw) > 0 && raw[0] == '<'
}

// fallbackBody picks the page's own article container when the readability
// pass gives up (it needs a few hundred characters of paragraph text).
func fallbackBody(doc *html.Node) *html.Node {
	for _, sel := range fallbackContainers {
		if n := sel.MatchFirst(doc); n != nil && hasText(n, minBodyChars) {
			return n
		}
	}
	return nil
}

var fallbackContainers = []cascadia.Selector{
	cascadia.MustCompile(`[itemprop="articleBody"]`),
	cascadia.MustCompile(`article`),
	cascadia.MustCompile(`main, [role="main"]`),
	cascadia.MustCompile(`[class*="article-body" i], [class*="article_body" i], [class*="articlebody" i], [class*="story-body" i], [class*="entry-content" i], [class*="post-content" i], [id*="article-body" i], [id*="articlebody" i]`),
}

func (e *Extractor) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if ctx == nil {
		ctx = context.Background()
	}
	if e.opts.Timeout > 0 {
		return context.WithTimeout(ctx, e.opts.Timeout)
	}
	return ctx, func() {}
}

func parsePageURL(pageURL string) (*url.URL, error) {
	if pageURL == "" {
		return nil, nil
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	return u, nil
}

// recoverPanic turns a panic in a dependency into an error with its stack,
// so that one bad page never takes the caller's process down.
func recoverPanic(err *error) {
	if v := recover(); v != nil {
		*err = fmt.Errorf("%w: %v\n%s", ErrPanic, v, debug.Stack())
	}
}
