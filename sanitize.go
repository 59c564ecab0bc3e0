package declutter

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// Output safety. Article.Content is rendered by callers inside their own
// pages, so it goes through one allow-list policy: the vocabulary of an
// article (text, links, images, figures, tables, lists, quotes, code,
// media) and nothing that runs code, loads styles, submits data or changes
// how the host page resolves URLs. Everything not named here is removed:
// script, style, link, meta, base, forms and their controls, object,
// embed, svg, math markup, every on* handler, style, srcdoc, class and id
// attributes. Text inside removed elements is kept, except where it is
// code or hidden (script, style, svg, template, noscript, iframe, ...).
//
// bluemonday decodes entities before it checks a value, so `jav&#x09;ascript:`
// is seen as the browser sees it. The output is re-parsed and checked for
// anything executable in sanitize_test.go, over the XSS corpus in
// testdata/xss and under fuzzing.

// iframeSandbox is the sandbox every embedded player gets. Players need
// scripts, their own origin (to reach their own storage and API) and the
// Presentation API; they get no popups, forms, top navigation or modals.
// allow-scripts with allow-same-origin is only safe because the frame's
// origin is one of the video hosts below, never the reader's own.
const iframeSandbox = "allow-scripts allow-same-origin allow-presentation"

var (
	// linkURL admits http, https, mailto and relative URLs. A relative URL
	// has no ':' before its first '/', '?' or '#'. Browsers delete tabs and
	// newlines inside a URL, so whitespace inside the scheme fails too.
	// bluemonday then parses the URL and checks its scheme again.
	linkURL = regexp.MustCompile(`(?i)^\s*(?:(?:https?|mailto):|[^\s:/?#]*(?:[/?#]|$))`)

	// mediaURL is linkURL without mailto. It is the only check on the
	// attributes bluemonday does not parse (video poster, source src).
	mediaURL = regexp.MustCompile(`(?i)^\s*(?:https?:|[^\s:/?#]*(?:[/?#]|$))`)

	// imageURL is mediaURL plus inline raster images; isInlineImage checks
	// the payload.
	imageURL = regexp.MustCompile(`(?i)^\s*(?:https?:|data:image/(?:png|jpeg|gif|webp|avif);base64,|[^\s:/?#]*(?:[/?#]|$))`)

	// srcsetURLs admits a srcset whose every token that holds a ':' starts
	// with http:// or https://: descriptors ("2x", "640w") hold none, and a
	// relative URL with a ':' before its first '/' would be a scheme.
	srcsetURLs = regexp.MustCompile(`(?i)^(?:[\s,]*(?:https?://[^\s,]*|[^\s,:]+))*[\s,]*$`)

	// videoEmbed is the allow-list of iframe sources: the embed paths of
	// the major video hosts, over https. The host must be followed by the
	// path at once, so "youtube.com@evil.example" cannot pass. It sees the
	// path as written; isVideoEmbed then decides on the decoded path.
	videoEmbed = regexp.MustCompile(`^https://(?:` +
		`(?:www\.)?youtube\.com/embed/` +
		`|(?:www\.)?youtube-nocookie\.com/embed/` +
		`|player\.vimeo\.com/video/` +
		`|(?:www\.)?dailymotion\.com/embed/video/` +
		`)[^\s\\]*$`)

	inlineImage = regexp.MustCompile(`^image/(?:png|jpeg|gif|webp|avif);base64,`)

	langTag    = regexp.MustCompile(`^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$`)
	direction  = regexp.MustCompile(`(?i)^(?:ltr|rtl|auto)$`)
	integer    = regexp.MustCompile(`^-?[0-9]{1,9}$`)
	count      = regexp.MustCompile(`^[0-9]{1,4}$`)
	dimension  = regexp.MustCompile(`^[0-9]{1,5}%?$`)
	cellScope  = regexp.MustCompile(`(?i)^(?:row|col|rowgroup|colgroup)$`)
	listType   = regexp.MustCompile(`^(?:1|a|A|i|I|disc|circle|square)$`)
	mimeType   = regexp.MustCompile(`^[a-zA-Z0-9.+-]+/[a-zA-Z0-9.+-]+(?:\s*;[^<>]*)?$`)
	dateTime   = regexp.MustCompile(`^[0-9A-Za-z:+.,\- ]{1,64}$`)
	preloadVal = regexp.MustCompile(`(?i)^(?:none|metadata|auto|)$`)
)

// contentPolicy is built on first use and only read afterwards; a
// bluemonday policy is safe for concurrent use once built.
var contentPolicy = sync.OnceValue(newContentPolicy)

func newContentPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()

	// URLs must parse and be http, https, mailto or relative: the pipeline
	// makes them absolute first when it has a page URL, and a relative URL
	// left over (no page URL given) cannot name a scheme. data: is admitted
	// here for isInlineImage, but only img src's pattern lets it through.
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowURLSchemeWithCustomPolicy("data", isInlineImage)

	// Links get rel="nofollow noreferrer": content shown again outside its
	// site should not pass it ranking (nofollow), and following a link
	// should not tell the linked site the reader's own, possibly private,
	// URL (noreferrer, which also implies noopener). target is not kept:
	// how links open is the reader's decision.
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)

	p.AllowAttrs("lang").Matching(langTag).Globally()
	p.AllowAttrs("dir").Matching(direction).Globally()

	p.AllowElements(
		"article", "section", "header", "footer", "aside", "div", "span",
		"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
		"figure", "figcaption", "summary",
		"em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark",
		"cite", "code", "kbd", "samp", "var", "dfn", "bdi", "wbr",
		"ruby", "rt", "rp",
		"ul", "ol", "li", "dl", "dt", "dd",
		"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
		"colgroup", "col", "picture", "video", "audio",
	)
	p.AllowAttrs("open").OnElements("details")
	p.AllowAttrs("start").Matching(integer).OnElements("ol")
	p.AllowAttrs("reversed").OnElements("ol")
	p.AllowAttrs("type").Matching(listType).OnElements("ol", "ul")
	p.AllowAttrs("value").Matching(integer).OnElements("li")
	p.AllowAttrs("colspan", "rowspan").Matching(count).OnElements("td", "th")
	p.AllowAttrs("scope").Matching(cellScope).OnElements("th")
	p.AllowAttrs("span").Matching(count).OnElements("col", "colgroup")
	p.AllowAttrs("title").OnElements("a", "img", "abbr", "dfn")
	p.AllowAttrs("datetime").Matching(dateTime).OnElements("time", "del", "ins")
	p.AllowNoAttrs().OnElements("abbr", "time", "del", "ins", "q", "blockquote", "details")

	p.AllowAttrs("href").Matching(linkURL).OnElements("a")
	p.AllowAttrs("cite").Matching(linkURL).OnElements("blockquote", "q", "del", "ins")

	p.AllowAttrs("src").Matching(imageURL).OnElements("img")
	p.AllowAttrs("srcset").Matching(srcsetURLs).OnElements("img", "source")
	p.AllowAttrs("sizes").OnElements("img", "source")
	p.AllowAttrs("alt").OnElements("img")
	p.AllowAttrs("width", "height").Matching(dimension).OnElements("img", "video")
	p.AllowAttrs("media").OnElements("source")
	p.AllowAttrs("type").Matching(mimeType).OnElements("source")
	p.AllowAttrs("src").Matching(mediaURL).OnElements("source", "video", "audio")
	p.AllowAttrs("poster").Matching(mediaURL).OnElements("video")
	p.AllowAttrs("controls").OnElements("video", "audio")
	p.AllowAttrs("preload").Matching(preloadVal).OnElements("video", "audio")

	// An iframe keeps only an allow-listed src, so one without it is
	// dropped whole. bluemonday adds sandbox="" (the strictest) and
	// sandboxIframes widens it to iframeSandbox.
	p.AllowAttrs("src").Matching(videoEmbed).OnElements("iframe")
	p.RequireSandboxOnIFrame()

	// Drop the text of elements whose content is code, hidden or inert,
	// not only their tags (bluemonday already does this for script, style,
	// iframe, object, noscript, noembed, noframes, frameset and title).
	p.SkipElementsContent("svg", "template", "applet")
	return p
}

// isInlineImage admits a data: URL that is a base64 raster image. SVG is
// refused: an SVG document can carry script.
func isInlineImage(u *url.URL) bool {
	if u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	prefix := inlineImage.FindString(u.Opaque)
	if prefix == "" {
		return false
	}
	_, err := base64.StdEncoding.DecodeString(u.Opaque[len(prefix):])
	return err == nil
}

// sanitizeHTML returns fragment with everything unsafe to render removed.
// It is idempotent: sanitising its output again changes nothing.
func sanitizeHTML(fragment string) string {
	out, _ := sanitizeHTMLCtx(context.Background(), fragment)
	return out
}

// sanitizeHTMLCtx is sanitizeHTML that gives up with the context's error
// (wrapped in ErrCanceled) once ctx is done.
func sanitizeHTMLCtx(ctx context.Context, fragment string) (string, error) {
	fragment = strings.ToValidUTF8(fragment, "\uFFFD")
	if strings.IndexByte(fragment, 0) >= 0 {
		fragment = strings.ReplaceAll(fragment, "\x00", "\uFFFD")
	}
	clean, err := sanitizeStringCtx(ctx, contentPolicy(), fragment)
	if err != nil {
		return "", err
	}
	return sandboxIframes(clean), nil
}

// sanitizeStringCtx is p.Sanitize(s) writing into a buffer the size of
// the input, which the output rarely exceeds, instead of growing one by
// doubling and copying it into a string at the end. It gives up with the
// context's error once ctx is done: the input reaches bluemonday through a
// ctxReader, which fails its reads.
func sanitizeStringCtx(ctx context.Context, p *bluemonday.Policy, s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	if err := p.SanitizeReaderToWriter(&ctxReader{ctx: ctx, r: strings.NewReader(s)}, &b); err != nil {
		if ctx.Err() != nil {
			return "", canceled(ctx)
		}
		return "", nil // as Sanitize does
	}
	return b.String(), nil
}

// sandboxIframes sets iframeSandbox on every iframe in s, bluemonday's
// output, and drops those left without a src (bluemonday keeps an iframe
// whose src failed to parse, for the sandbox it added). It also empties
// the iframes: their content is never shown, and since it is raw text,
// escaping it again on every pass would make sanitising unstable. Every
// iframe is closed at once; what follows an unclosed or self-closed one up
// to its end tag is dropped, as a browser would swallow it.
func sandboxIframes(s string) string {
	if !strings.Contains(s, "<iframe") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 64)
	z := html.NewTokenizer(strings.NewReader(s))
	inFrame := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if inFrame && tt == html.TextToken {
			continue
		}
		raw := z.Raw()
		if !isIframeTag(tt, raw) {
			b.Write(raw)
			continue
		}
		if tt == html.EndTagToken {
			inFrame = false
			continue
		}
		inFrame = true // a browser ignores the "/" of <iframe/>, too
		tok := z.Token()
		if src, ok := attrVal(tok, "src"); !ok || !isVideoEmbed(src) {
			continue // its src was not allowed, failed to parse or leaves the embed path
		}
		tok.Type = html.StartTagToken
		setAttr(&tok, "sandbox", iframeSandbox)
		b.WriteString(tok.String())
		b.WriteString("</iframe>")
	}
	return b.String()
}

// isIframeTag reports whether raw, a token of bluemonday's output (where
// tag names are lower case), is an iframe start or end tag. It spares
// building a Token for every other tag.
func isIframeTag(tt html.TokenType, raw []byte) bool {
	var rest []byte
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		rest, _ = bytes.CutPrefix(raw, []byte("<iframe"))
	case html.EndTagToken:
		rest, _ = bytes.CutPrefix(raw, []byte("</iframe"))
	}
	return len(rest) > 0 && len(rest) < len(raw) && strings.IndexByte(" />\t\n\f\r", rest[0]) >= 0
}

// isVideoEmbed reports whether src, an iframe source videoEmbed admitted,
// stays on its host's embed path once the browser and the host's server
// have read it. A browser takes %2e for a dot when it resolves dot
// segments ("/embed/%2e%2e/watch" loads "/watch"), and servers decode
// again, so the path is decoded until it no longer changes (double
// encoding) and refused if it then has a dot segment at all (no embed
// URL needs one), a backslash or a control character, or if any round
// of decoding shows an encoded slash or backslash (%2f, %5c), which
// servers disagree on.
func isVideoEmbed(src string) bool {
	if !videoEmbed.MatchString(src) {
		return false
	}
	u, err := url.Parse(src)
	if err != nil || u.User != nil {
		return false
	}
	p := u.EscapedPath()
	for round := 0; ; round++ {
		if containsFold(p, "%2f") || containsFold(p, "%5c") {
			return false
		}
		d, err := url.PathUnescape(p)
		if err != nil {
			return false
		}
		if d == p {
			break
		}
		if round == maxEmbedDecodes {
			return false // still decoding: nobody encodes an embed URL that often
		}
		p = d
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return false
		}
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// maxEmbedDecodes bounds isVideoEmbed's rounds of percent-decoding.
const maxEmbedDecodes = 4

// containsFold reports whether s contains the lower-case ASCII sub,
// ignoring ASCII case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

func attrVal(tok html.Token, key string) (string, bool) {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func setAttr(tok *html.Token, key, val string) {
	for i := range tok.Attr {
		if tok.Attr[i].Key == key {
			tok.Attr[i].Val = val
			return
		}
	}
	tok.Attr = append(tok.Attr, html.Attribute{Key: key, Val: val})
}

// sanitizeBody returns sanitizeHTML(renderHTML(body)), doing less work for
// the same result: it renders the body without the attributes
// contentPolicy drops from every element (see neverKept), a good share of
// an article's markup, which bluemonday would otherwise tokenize, check and
// throw away. The body is left as it was.
func sanitizeBody(body *html.Node) string {
	out, _ := sanitizeBodyCtx(context.Background(), body)
	return out
}

// sanitizeBodyCtx is sanitizeBody that gives up with the context's error
// (wrapped in ErrCanceled) once ctx is done.
func sanitizeBodyCtx(ctx context.Context, body *html.Node) (string, error) {
	restore := hideNeverKept(body)
	defer restore()
	return sanitizeHTMLCtx(ctx, renderHTML(body))
}

// neverKept reports attributes no rule of contentPolicy allows on any
// element: class, id, style and data-* (TestNeverKept checks this against
// the policy).
func neverKept(a html.Attribute) bool {
	switch {
	case a.Namespace != "":
		return false
	case a.Key == "class", a.Key == "id", a.Key == "style":
		return true
	}
	return strings.HasPrefix(a.Key, "data-")
}

// hideNeverKept points each element under n that has neverKept attributes
// at a copy of its attributes without them, and returns the function that
// puts the originals back. The copies share one allocation.
func hideNeverKept(n *html.Node) (restore func()) {
	type saved struct {
		n    *html.Node
		attr []html.Attribute
	}
	var changed []saved
	kept := 0
	for d := range n.Descendants() {
		drop := 0
		for _, a := range d.Attr {
			if neverKept(a) {
				drop++
			}
		}
		if drop > 0 {
			changed = append(changed, saved{d, d.Attr})
			kept += len(d.Attr) - drop
		}
	}
	pool := make([]html.Attribute, 0, kept)
	for _, c := range changed {
		start := len(pool)
		for _, a := range c.attr {
			if !neverKept(a) {
				pool = append(pool, a)
			}
		}
		c.n.Attr = pool[start:len(pool):len(pool)]
	}
	return func() {
		for _, c := range changed {
			c.n.Attr = c.attr
		}
	}
}
