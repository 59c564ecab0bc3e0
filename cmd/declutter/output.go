package main

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"time"

	"github.com/declutter/declutter"
)

// record is the JSON Lines contract: one object per page, snake_case
// fields, dates in RFC 3339 or empty, lists never null.
type record struct {
	File         string    `json:"file"`
	URL          string    `json:"url"`
	Title        string    `json:"title"`
	Byline       string    `json:"byline"`
	Authors      []string  `json:"authors"`
	Published    string    `json:"published"`
	Modified     string    `json:"modified"`
	SiteName     string    `json:"site_name"`
	Lang         string    `json:"lang"`
	Dir          string    `json:"dir"`
	Excerpt      string    `json:"excerpt"`
	Image        string    `json:"image"`
	ImageCaption string    `json:"image_caption"`
	Tags         []string  `json:"tags"`
	Content      string    `json:"content"`
	Text         string    `json:"text"`
	WordCount    int       `json:"word_count"`
	Removed      []removal `json:"removed"`
	Encoding     string    `json:"encoding"`
	Confidence   float64   `json:"confidence"`
	PageType     string    `json:"page_type"`
	WARCDate     string    `json:"warc_date,omitempty"`
	WARCRecordID string    `json:"warc_record_id,omitempty"`
}

type removal struct {
	Rule    string `json:"rule"`
	Snippet string `json:"snippet"`
}

func newRecord(p *page, a *declutter.Article) record {
	r := record{
		File:         p.file,
		URL:          a.URL,
		Title:        a.Title,
		Byline:       a.Byline,
		Authors:      nonNil(a.Authors),
		Published:    rfc3339(a.Published),
		Modified:     rfc3339(a.Modified),
		SiteName:     a.SiteName,
		Lang:         a.Language,
		Dir:          a.Direction,
		Excerpt:      a.Excerpt,
		Image:        a.Image,
		ImageCaption: a.ImageCaption,
		Tags:         nonNil(a.Tags),
		Content:      a.Content,
		Text:         a.Text,
		WordCount:    a.WordCount,
		Removed:      make([]removal, len(a.Removed)),
		Encoding:     a.Encoding,
		Confidence:   a.Confidence,
		PageType:     string(a.PageType),
		WARCDate:     rfc3339(p.warcDate),
		WARCRecordID: p.warcID,
	}
	for i, rm := range a.Removed {
		r.Removed[i] = removal{Rule: rm.Rule, Snippet: rm.Snippet}
	}
	return r
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// encodeRecord writes rec as one line of JSON, strings not HTML-escaped:
// the JSON contract of the command and of "declutter serve".
func encodeRecord(w io.Writer, rec record) error {
	enc := json.NewEncoder(w) // Encode ends the line: JSON Lines
	enc.SetEscapeHTML(false)
	return enc.Encode(rec)
}

// format renders one extracted page in the chosen output format.
func (b *batch) format(j *job, p *page, a *declutter.Article) ([]byte, error) {
	var buf bytes.Buffer
	if b.cfg.format == "json" {
		err := encodeRecord(&buf, newRecord(p, a))
		return buf.Bytes(), err
	}
	named := j.named && b.cfg.outDir == "" // under -o each page has its own file
	if named {
		buf.WriteString("==> " + j.name + " <==\n")
	}
	switch b.cfg.format {
	case "markdown":
		md, err := a.MarkdownWith(declutter.MarkdownOptions{Title: true, FrontMatter: b.cfg.frontMatter})
		if err != nil {
			return nil, err
		}
		buf.WriteString(md)
	case "html":
		writeHTMLDocument(&buf, a)
	case "explain":
		writeExplain(&buf, a.Title, a.Text, explainLines(a.Removed), b.colour)
	default:
		if a.Title != "" {
			buf.WriteString(a.Title + "\n\n")
		}
		buf.WriteString(a.Text + "\n")
	}
	if named {
		buf.WriteString("\n")
	}
	return buf.Bytes(), nil
}

// writeHTMLDocument writes a small standalone page: the title as <h1> and
// the sanitised Content as the body, so the result opens in a browser.
func writeHTMLDocument(buf *bytes.Buffer, a *declutter.Article) {
	buf.WriteString("<!DOCTYPE html>\n<html")
	if a.Language != "" {
		buf.WriteString(` lang="` + html.EscapeString(a.Language) + `"`)
	}
	if a.Direction != "" {
		buf.WriteString(` dir="` + html.EscapeString(a.Direction) + `"`)
	}
	buf.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n")
	buf.WriteString("<title>" + html.EscapeString(a.Title) + "</title>\n")
	buf.WriteString("</head>\n<body>\n<article>\n")
	if a.Title != "" {
		buf.WriteString("<h1>" + html.EscapeString(a.Title) + "</h1>\n")
	}
	buf.WriteString(a.Content)
	buf.WriteString("\n</article>\n</body>\n</html>\n")
}
