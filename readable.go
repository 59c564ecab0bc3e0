package declutter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Readable reports whether the page read from r probably holds an article,
// with the default Extractor's limits. See Extractor.Readable.
func Readable(ctx context.Context, r io.Reader) (bool, error) {
	return defaultExtractor().Readable(ctx, r)
}

// Readable reports whether the page read from r probably holds an article:
// enough paragraphs of prose outside comment sections, sidebars, menus and
// footers. It is a cheap test to run before Extract on pages that may hold
// nothing to read: it tokenises the page without building a tree and stops
// reading as soon as it has seen enough prose. It is the test
// Readability.js calls isProbablyReaderable (paragraphs of at least 140
// characters, each worth the square root of its length past 140, until the
// sum passes 20), so Extract can still find a short article where Readable
// says no, and find nothing where it says yes.
//
// It fails with ErrTooLarge beyond Options.MaxBytes (it reads no further),
// and with the reader's error or ErrCanceled.
func (e *Extractor) Readable(ctx context.Context, r io.Reader) (ok bool, err error) {
	defer recoverPanic(&err)
	ctx, cancel := e.withTimeout(ctx)
	defer cancel()
	if r == nil {
		return false, fmt.Errorf("%w: nil reader", ErrNoContent)
	}
	var src io.Reader = &ctxReader{ctx: ctx, r: r}
	max := e.opts.maxBytes()
	if max >= 0 {
		src = io.LimitReader(src, max+1)
	}
	cr := &readCounter{r: src}
	z := html.NewTokenizer(cr)
	var sc readerScore
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if sc.token(tt, z) {
			return true, nil
		}
	}
	switch err := z.Err(); {
	case ctx.Err() != nil:
		return false, canceled(ctx)
	case err != nil && !errors.Is(err, io.EOF):
		return false, fmt.Errorf("declutter: reading input: %w", err)
	case max >= 0 && cr.n > max:
		return false, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	sc.flush()
	return sc.score > readableMinScore, nil
}

const (
	readableMinChars = 140 // a paragraph shorter than this does not count
	readableMinScore = 20
)

// readableUnlikely and readableMaybe are Readability.js's class and id
// words for regions that are not the article, and for those that may be
// despite such a word.
var (
	readableUnlikely = regexp.MustCompile(`(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote`)
	readableMaybe    = regexp.MustCompile(`(?i)and|article|body|column|content|main|mathjax|shadow`)
)

// readerScore follows the open elements of a token stream closely enough
// to know whether text is inside a paragraph and outside unlikely regions.
// Markup that closes elements implicitly is followed approximately.
type readerScore struct {
	open     []readerFrame
	unlikely int // open frames that are unlikely regions
	hidden   int // open raw-text elements whose content is not text
	inPara   bool
	chars    int // the current paragraph's collapsed text
	space    bool
	score    float64
}

type readerFrame struct {
	tag      string
	unlikely bool
	hidden   bool
}

// token takes one token and reports whether the page is readable already.
func (sc *readerScore) token(tt html.TokenType, z *html.Tokenizer) bool {
	switch tt {
	case html.TextToken:
		if sc.inPara && sc.hidden == 0 {
			sc.text(z.Raw()) // entities count as their source: no unescaping, no copy
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		name, hasAttr := z.TagName()
		tag := string(name)
		if tag == "br" || isVoidTag(tag) || tt == html.SelfClosingTagToken {
			if sc.inPara {
				sc.space = true
			}
			return false
		}
		switch tag {
		case "p", "pre":
			done := sc.flush()
			sc.popTo("p") // a paragraph ends where the next begins
			sc.push(tag, hasAttr, z)
			sc.inPara = sc.unlikely == 0 && sc.hidden == 0
			sc.chars, sc.space = 0, false
			return done
		case "div", "section", "article", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
			"header", "footer", "nav", "aside", "form", "blockquote", "figure", "main":
			done := sc.flush()
			sc.popTo("p")
			sc.push(tag, hasAttr, z)
			return done
		}
		sc.push(tag, hasAttr, z)
	case html.EndTagToken:
		name, _ := z.TagName()
		tag := string(name)
		if tag == "p" || tag == "pre" {
			done := sc.flush()
			sc.popTo(tag)
			return done
		}
		sc.popTo(tag)
	}
	return false
}

func (sc *readerScore) push(tag string, hasAttr bool, z *html.Tokenizer) {
	f := readerFrame{tag: tag}
	switch tag {
	case "script", "style", "template", "noscript", "svg", "math", "textarea", "title", "select", "option":
		f.hidden = true
	case "nav", "aside", "footer", "header":
		f.unlikely = true
	case "div", "section", "article", "ul", "ol", "table", "td", "form", "main", "span", "p":
	default:
		hasAttr = false // only containers' names are read
	}
	for hasAttr && !f.hidden && !f.unlikely {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == "class" || string(k) == "id" {
			if s := string(v); readableUnlikely.MatchString(s) && !readableMaybe.MatchString(s) {
				f.unlikely = true
			}
		}
	}
	if f.unlikely {
		sc.unlikely++
	}
	if f.hidden {
		sc.hidden++
	}
	sc.open = append(sc.open, f)
}

// popTo closes the innermost open element named tag and those inside it;
// an end tag with no open element of its name is ignored.
func (sc *readerScore) popTo(tag string) {
	i := len(sc.open) - 1
	for i >= 0 && sc.open[i].tag != tag {
		i--
	}
	if i < 0 {
		return
	}
	for _, f := range sc.open[i:] {
		if f.unlikely {
			sc.unlikely--
		}
		if f.hidden {
			sc.hidden--
		}
	}
	sc.open = sc.open[:i]
}

// text adds a text token's collapsed length to the paragraph.
func (sc *readerScore) text(b []byte) {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
			sc.space = true
			continue
		}
		if sc.space && sc.chars > 0 {
			sc.chars++
		}
		sc.space = false
		sc.chars++
	}
}

// flush scores the paragraph that ends and reports whether the page is
// readable now.
func (sc *readerScore) flush() bool {
	if sc.inPara && sc.chars >= readableMinChars {
		sc.score += math.Sqrt(float64(sc.chars - readableMinChars))
	}
	sc.inPara, sc.chars = false, 0
	return sc.score > readableMinScore
}

func isVoidTag(tag string) bool {
	switch tag {
	case "area", "base", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}

// readCounter counts the bytes read through it.
type readCounter struct {
	r io.Reader
	n int64
}

func (c *readCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
