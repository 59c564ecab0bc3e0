package declutter

import (
	"strings"
	"time"
)

// Article is the clean article extracted from one page. String fields are
// plain text: valid UTF-8, no markup, no control characters. Content is the
// only HTML field and it is sanitised.
type Article struct {
	// URL is the page URL the caller passed in; CanonicalURL is the page's
	// own <link rel=canonical> or og:url, resolved to an absolute URL.
	URL          string
	CanonicalURL string

	Title   string
	Byline  string   // as the page states it, without a leading "By"
	Authors []string // individual author names, when they can be told apart

	// Published and Modified are zero when unknown. A time the page gave
	// with an offset is that instant. A time it gave without a zone is
	// read in the zone of the page's language or country when that is a
	// single zone (ja, ko, zh, most European languages, pt-BR, es-AR, ...),
	// else as UTC at that wall time. On such a page a UTC time is shown
	// in the page's zone (the same instant), so that its day is the
	// publisher's. See NOTES.md for the measured reasons.
	Published time.Time
	Modified  time.Time

	SiteName  string
	Language  string // BCP 47 tag as the page declares it, e.g. "en-GB"
	Direction string // "ltr", "rtl" or "" when the page does not say
	Excerpt   string

	Image        string // lead image URL
	ImageCaption string // the lead image's caption, when the page has one
	Tags         []string

	// Content is the article body as sanitised HTML, safe to render.
	Content string
	// Text is the article body as plain text: one blank line between
	// blocks, list items and table cells on lines of their own.
	Text      string
	WordCount int

	// Encoding is the character encoding the page was decoded from (a
	// WHATWG name such as "utf-8" or "windows-1251") and EncodingSource
	// says how it was chosen.
	Encoding       string
	EncodingSource EncodingSource

	// Removed lists what the cleanup rules took out and why.
	Removed []Removal

	// PageType is what kind of page this is (article, forum, product,
	// collection, listing, documentation, service, or other), decided from
	// the page as parsed: schema.org types, og:type, the generator, the
	// URL's shape and the page's structure. On a page that is not an
	// article, Text is its main column rather than a story.
	PageType PageType `json:"page_type,omitempty"`

	// LimitsHit names the limits that degraded this result instead of
	// failing it, e.g. "max-depth" when deeply nested markup was flattened.
	LimitsHit []string
}

// Removal records one element removed by a boilerplate rule.
type Removal struct {
	Rule    string // the rule's name, e.g. "newsletter-mailchimp"
	Snippet string // the start of the removed element's text
}

// EncodingSource says where the character encoding came from.
type EncodingSource string

// The sources of an encoding, in the order they are tried.
const (
	EncodingFromBOM         EncodingSource = "bom"
	EncodingFromContentType EncodingSource = "content-type"
	EncodingFromMeta        EncodingSource = "meta"
	EncodingFromUTF8        EncodingSource = "valid-utf8"
	EncodingFromGuess       EncodingSource = "guess"
	EncodingFromDefault     EncodingSource = "default"
	EncodingFromCaller      EncodingSource = "caller" // an *html.Node passed in: already decoded
)

// cleanFields makes every plain-text field valid UTF-8 on one line, without
// control characters, whatever source it came from.
func (a *Article) cleanFields() {
	for _, f := range []*string{&a.Title, &a.Byline, &a.SiteName, &a.Excerpt, &a.ImageCaption, &a.Language, &a.Direction} {
		*f = plainLine(*f)
	}
	for i := range a.Authors {
		a.Authors[i] = plainLine(a.Authors[i])
	}
	for i := range a.Tags {
		a.Tags[i] = plainLine(a.Tags[i])
	}
}

func plainLine(s string) string {
	return strings.Join(strings.Fields(sanitizeText(s)), " ")
}
