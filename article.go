package declutter

import (
	"strings"
	"time"
)

// Article is the clean article extracted from one page. Content is the
// only HTML field and it is sanitised. Every other string field (Title,
// Byline, Authors, SiteName, Language, Direction, Excerpt, ImageCaption,
// Tags) is plain text on one line: valid UTF-8, no control characters,
// and no markup, however the page wrote the value. A value holding markup
// is parsed as HTML and only its text is kept, as a browser would show it
// (tags, comments and script content gone, entities decoded), so no field
// holds '<' followed by a letter, '/', '!' or '?'; a '<' that is text, as
// in "a < b", stays. Plain text is still text: escape it when you put it
// in HTML, as any text.
//
// No URL in the Article (Content's links and images, Image, CanonicalURL)
// carries a user name or password, from the page URL or from the page;
// URL is the caller's own, as passed.
//
// Its JSON field names are those of the command's JSON Lines output
// (cmd/declutter), which also has the input's file name and WARC fields;
// an Article has canonical_url, encoding_source and limits_hit besides.
// Times marshal as RFC 3339 (a zero time as "0001-01-01T00:00:00Z", where
// the command writes ""), and nil lists as null.
type Article struct {
	// URL is the page URL the caller passed in; CanonicalURL is the page's
	// own <link rel=canonical> or og:url, resolved to an absolute URL.
	URL          string `json:"url"`
	CanonicalURL string `json:"canonical_url"`

	Title   string   `json:"title"`
	Byline  string   `json:"byline"`  // as the page states it, without a leading "By"
	Authors []string `json:"authors"` // individual author names, when they can be told apart

	// Published and Modified are zero when unknown. A time the page gave
	// with an offset is that instant. A time it gave without a zone is
	// read in the zone of the page's language or country when that is a
	// single zone (ja, ko, zh, most European languages, pt-BR, es-AR, ...),
	// else as UTC at that wall time. On such a page a UTC time is shown
	// in the page's zone (the same instant), so that its day is the
	// publisher's. See NOTES.md for the measured reasons.
	Published time.Time `json:"published"`
	Modified  time.Time `json:"modified"`

	SiteName  string `json:"site_name"`
	Language  string `json:"lang"` // BCP 47 tag as the page declares it, e.g. "en-GB"
	Direction string `json:"dir"`  // "ltr", "rtl" or "" when the page does not say
	Excerpt   string `json:"excerpt"`

	Image        string   `json:"image"`         // lead image URL
	ImageCaption string   `json:"image_caption"` // the lead image's caption, when the page has one
	Tags         []string `json:"tags"`

	// Content is the article body as sanitised HTML, safe to render. An
	// iframe is kept only for the embed path of a known video host
	// (YouTube, youtube-nocookie, Vimeo, Dailymotion), decided on the
	// percent-decoded path, and always sandboxed.
	Content string `json:"content"`
	// Text is the article body as plain text: one blank line between
	// blocks, list items and table rows on lines of their own, a row's
	// cells apart by a tab.
	Text      string `json:"text"`
	WordCount int    `json:"word_count"`

	// Encoding is the character encoding the page was decoded from (a
	// WHATWG name such as "utf-8" or "windows-1251") and EncodingSource
	// says how it was chosen.
	Encoding       string         `json:"encoding"`
	EncodingSource EncodingSource `json:"encoding_source"`

	// Removed lists what the cleanup rules took out and why.
	Removed []Removal `json:"removed"`

	// PageType is what kind of page this is (article, forum, product,
	// collection, listing, documentation, service, or other), decided from
	// the page as parsed: schema.org types, og:type, the generator, the
	// URL's shape and the page's structure. On a page that is not an
	// article, Text is its main column rather than a story.
	PageType PageType `json:"page_type,omitempty"`

	// LimitsHit names the limits that degraded this result instead of
	// failing it, e.g. "max-depth" when deeply nested markup was flattened.
	LimitsHit []string `json:"limits_hit"`

	// Confidence is how likely Content is the page's main content, from
	// 0 to 1: a calibrated estimate from how much text the body holds, how
	// much of the page's text that is and how much of it is prose rather
	// than links and fragments. Bodies under 0.5 are worth a second look.
	Confidence float64 `json:"confidence"`

	evidence confidenceEvidence // what Confidence was computed from, for refitting it
}

// Removal records one element removed by a boilerplate rule.
type Removal struct {
	Rule    string `json:"rule"`    // the rule's name, e.g. "newsletter-mailchimp"
	Snippet string `json:"snippet"` // the start of the removed element's text
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
// control characters or markup, whatever source it came from. It is the
// one place that guarantees it: the metadata readers clean values too,
// but a value can reach a field by many paths.
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
	return strings.Join(strings.Fields(stripMarkup(sanitizeText(s))), " ")
}
