package declutter

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
)

// MarkdownOptions configure Article.MarkdownWith. The zero value renders
// the body only, like Content.
type MarkdownOptions struct {
	// FrontMatter starts the document with a YAML front matter block
	// (between "---" lines) holding the article's metadata: title, byline,
	// authors, dates, site name, language, URLs, lead image, tags and word
	// count. Empty fields are left out.
	FrontMatter bool

	// Title starts the body with the article's title as a level-1 heading.
	Title bool
}

// Markdown renders the article body (Content) as Markdown: CommonMark plus
// GitHub-style tables and strikethrough. Headings, lists, links, images
// with their alt text, code blocks, block quotes and tables keep their
// structure; a figure caption becomes an italic line under its image and
// an embedded video a link to it. It is MarkdownWith with the zero options.
func (a *Article) Markdown() (string, error) {
	return a.MarkdownWith(MarkdownOptions{})
}

// MarkdownWith renders the article as Markdown with the given options. The
// result ends with exactly one newline, or is empty when there is nothing
// to render.
func (a *Article) MarkdownWith(opts MarkdownOptions) (md string, err error) {
	defer recoverPanic(&err) // a converter bug must not take the caller down
	// Content comes from a tree already limited in depth, but an Article
	// can also be built by hand: bound the parser's stack and the
	// converter's recursion the same way.
	src, _ := limitDepth([]byte(a.Content), markdownMaxDepth)
	body, err := markdownConverter.ConvertString(string(src))
	if err != nil {
		return "", fmt.Errorf("declutter: converting to Markdown: %w", err)
	}
	// Content from the extractor is valid UTF-8; one built by hand may not be.
	body = strings.TrimSpace(strings.ToValidUTF8(body, "\uFFFD"))

	var b strings.Builder
	if opts.FrontMatter {
		a.writeFrontMatter(&b)
	}
	if opts.Title && a.Title != "" {
		b.WriteString("# ")
		b.WriteString(escapeMarkdownLine(a.Title))
		b.WriteString("\n")
		if body != "" {
			b.WriteString("\n")
		}
	}
	if body != "" {
		b.WriteString(body)
		b.WriteString("\n")
	}
	return b.String(), nil
}

// markdownMaxDepth caps element nesting in the Content handed to the
// converter, below x/net/html's own limit of 512 open elements (which fails
// the parse) with room for the html and body elements the parser adds.
const markdownMaxDepth = 256

// markdownConverter is built once. After construction it is only read: the
// converter keeps per-conversion state in a context and guards its handler
// tables with a lock, so one converter is safe for concurrent use (tested
// under -race in markdown_test.go).
var markdownConverter = newMarkdownConverter()

func newMarkdownConverter() *converter.Converter {
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(
			commonmark.WithHeadingStyle(commonmark.HeadingStyleATX),
			// Two lists in a row are kept apart by an HTML comment; in a
			// reader's copy of an article that comment is only noise.
			commonmark.WithListEndComment(false),
		),
		strikethrough.NewStrikethroughPlugin(),
		table.NewTablePlugin(
			table.WithHeaderPromotion(true),
			table.WithSkipEmptyRows(true),
			table.WithNewlineBehavior(table.NewlineBehaviorPreserve),
			table.WithCellPaddingBehavior(table.CellPaddingBehaviorMinimal),
		),
	))
	conv.Register.RendererFor("figcaption", converter.TagTypeBlock, renderFigcaption, converter.PriorityEarly)
	// The base plugin drops iframes; the sanitiser lets only video embeds
	// through, and a link to the video is worth keeping.
	conv.Register.RendererFor("iframe", converter.TagTypeBlock, renderEmbed, converter.PriorityEarly)
	conv.Register.PostRenderer(collapseCellBreaks, converter.PriorityLate)
	return conv
}

var (
	blankLines = regexp.MustCompile(`\n\s*\n`)
	cellBreaks = regexp.MustCompile(`(?:<br />){3,}`)
)

// collapseCellBreaks keeps at most one blank line inside a table cell: the
// table plugin writes each line break between a cell's paragraphs as
// <br />, so a cell of two paragraphs would otherwise get four.
func collapseCellBreaks(_ converter.Context, content []byte) []byte {
	return cellBreaks.ReplaceAll(content, []byte("<br /><br />"))
}

// renderFigcaption writes a caption as an italic paragraph of its own, so
// that it reads as a caption rather than as body text.
func renderFigcaption(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	var buf bytes.Buffer
	ctx.RenderChildNodes(ctx, &buf, n)
	text := strings.TrimSpace(blankLines.ReplaceAllString(buf.String(), "\n"))
	if text == "" {
		return converter.RenderSuccess
	}
	w.WriteString("\n\n*")
	w.WriteString(text)
	w.WriteString("*\n\n")
	return converter.RenderSuccess
}

// renderEmbed writes an embedded player as a link to what it plays.
func renderEmbed(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	src := strings.TrimSpace(dom.GetAttributeOr(n, "src", ""))
	if src == "" {
		return converter.RenderSuccess
	}
	label := strings.TrimSpace(dom.GetAttributeOr(n, "title", ""))
	if label == "" {
		label = "Embedded media"
	}
	w.WriteString("\n\n[")
	w.WriteString(escapeMarkdownLine(label))
	w.WriteString("](")
	w.WriteString(strings.ReplaceAll(strings.ReplaceAll(src, "(", "%28"), ")", "%29"))
	w.WriteString(")\n\n")
	return converter.RenderSuccess
}

// escapeMarkdownLine escapes the characters that would turn plain text on
// one line into Markdown markup, and folds line breaks into spaces.
func escapeMarkdownLine(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// writeFrontMatter writes the metadata as a YAML block. Strings are always
// double-quoted with escapes, so no value can break out of its field.
func (a *Article) writeFrontMatter(b *strings.Builder) {
	b.WriteString("---\n")
	str := func(key, v string) {
		if v != "" {
			fmt.Fprintf(b, "%s: %s\n", key, yamlQuote(v))
		}
	}
	list := func(key string, vs []string) {
		if len(vs) == 0 {
			return
		}
		q := make([]string, len(vs))
		for i, v := range vs {
			q[i] = yamlQuote(v)
		}
		fmt.Fprintf(b, "%s: [%s]\n", key, strings.Join(q, ", "))
	}
	date := func(key string, t time.Time) {
		if !t.IsZero() {
			fmt.Fprintf(b, "%s: %s\n", key, t.Format(time.RFC3339))
		}
	}
	str("title", a.Title)
	str("byline", a.Byline)
	list("authors", a.Authors)
	date("published", a.Published)
	date("modified", a.Modified)
	str("site_name", a.SiteName)
	str("lang", a.Language)
	str("dir", a.Direction)
	str("url", a.URL)
	str("canonical_url", a.CanonicalURL)
	str("excerpt", a.Excerpt)
	str("image", a.Image)
	str("image_caption", a.ImageCaption)
	list("tags", a.Tags)
	if a.WordCount > 0 {
		b.WriteString("word_count: " + strconv.Itoa(a.WordCount) + "\n")
	}
	b.WriteString("---\n\n")
}

// yamlQuote returns s as a YAML double-quoted scalar, escaping quotes,
// backslashes and every character YAML does not allow raw in a stream.
func yamlQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case !yamlPrintable(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// yamlPrintable reports whether YAML allows r unescaped (its c-printable
// set, less the byte order mark and line separators, which confuse readers).
func yamlPrintable(r rune) bool {
	switch {
	case r == 0x85 || r == 0xFEFF || r == 0x2028 || r == 0x2029:
		return false
	case r >= 0x20 && r <= 0x7E:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= unicode.MaxRune:
		return true
	}
	return false
}
