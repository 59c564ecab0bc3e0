package goldentest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"time"

	"github.com/declutter/declutter"
)

// record is the content of a .golden.json file. The struct's field order
// is the file's field order, so files are stable and diffs stay small.
// Every field is always written, even when empty, so that a field that
// starts (or stops) being filled shows up as a one-line change.
type record struct {
	URL            string    `json:"url"`
	CanonicalURL   string    `json:"canonical_url"`
	Title          string    `json:"title"`
	Byline         string    `json:"byline"`
	Authors        []string  `json:"authors"`
	Published      string    `json:"published"`
	Modified       string    `json:"modified"`
	SiteName       string    `json:"site_name"`
	Language       string    `json:"lang"`
	Direction      string    `json:"dir"`
	Excerpt        string    `json:"excerpt"`
	Image          string    `json:"image"`
	ImageCaption   string    `json:"image_caption"`
	Tags           []string  `json:"tags"`
	Encoding       string    `json:"encoding"`
	EncodingSource string    `json:"encoding_source"`
	LimitsHit      []string  `json:"limits_hit"`
	WordCount      int       `json:"word_count"`
	Removed        []removal `json:"removed"`
	// Text holds Article.Text split into lines, so that a changed
	// paragraph is a changed line in the file and in the failure diff.
	Text []string `json:"text"`
}

type removal struct {
	Rule    string `json:"rule"`
	Snippet string `json:"snippet"`
}

// encodeRecord renders a as the content of its .golden.json file:
// indented JSON, times in RFC 3339 with the page's own offset, HTML
// characters left unescaped, and a trailing newline.
func encodeRecord(a *declutter.Article) []byte {
	r := record{
		URL:            a.URL,
		CanonicalURL:   a.CanonicalURL,
		Title:          a.Title,
		Byline:         a.Byline,
		Authors:        nonNil(a.Authors),
		Published:      formatTime(a.Published),
		Modified:       formatTime(a.Modified),
		SiteName:       a.SiteName,
		Language:       a.Language,
		Direction:      a.Direction,
		Excerpt:        a.Excerpt,
		Image:          a.Image,
		ImageCaption:   a.ImageCaption,
		Tags:           nonNil(a.Tags),
		Encoding:       a.Encoding,
		EncodingSource: string(a.EncodingSource),
		LimitsHit:      nonNil(a.LimitsHit),
		WordCount:      a.WordCount,
		Removed:        []removal{},
		Text:           nonNil(splitLines(a.Text)),
	}
	for _, rm := range a.Removed {
		r.Removed = append(r.Removed, removal{Rule: rm.Rule, Snippet: rm.Snippet})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		// Only strings, ints and slices of them: encoding cannot fail.
		panic("goldentest: encoding golden record: " + err.Error())
	}
	return b.Bytes()
}

// formatTime keeps the offset the page stated; the zero time (unknown) is
// written as "".
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// blockEnd matches the end of a block element, with the line break that
// may follow it.
var blockEnd = regexp.MustCompile(`(?i)(</(?:p|h[1-6]|li|ul|ol|dl|dt|dd|figure|figcaption|blockquote|pre|table|thead|tbody|tfoot|tr|div|section|article|aside|header|footer|details|summary)>|<br\s*/?>|<hr\s*/?>)\n?`)

// formatHTML renders Article.Content as the content of its .golden.html
// file: a line break after each block, so that diffs show one paragraph
// per line, and a trailing newline. White space between blocks does not
// change how HTML renders, so nothing of meaning is lost.
func formatHTML(content string) []byte {
	s := blockEnd.ReplaceAllString(content, "$1\n")
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return []byte(s)
}
