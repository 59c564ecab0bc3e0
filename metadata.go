package declutter

import (
	"net/url"
	"time"

	"golang.org/x/net/html"
)

// STUB: owned by the metadata work; replaced by the real implementation.

// metadata is what the page says about the article, read from the whole
// page before any cleanup.
type metadata struct {
	Title, Byline       string
	Authors             []string
	Published, Modified time.Time
	SiteName            string
	Language, Direction string
	Excerpt             string
	Image, ImageCaption string
	CanonicalURL        string
	Tags                []string
}

// readMetadata reads the article's metadata from the whole parsed page.
// pageURL may be nil.
func readMetadata(doc *html.Node, pageURL *url.URL) metadata { return metadata{} }

// applyTo copies the metadata into the article's fields.
func (m metadata) applyTo(a *Article) {
	a.Title, a.Byline, a.Authors = m.Title, m.Byline, m.Authors
	a.Published, a.Modified = m.Published, m.Modified
	a.SiteName, a.Language, a.Direction = m.SiteName, m.Language, m.Direction
	a.Excerpt, a.Image, a.ImageCaption = m.Excerpt, m.Image, m.ImageCaption
	a.CanonicalURL, a.Tags = m.CanonicalURL, m.Tags
}
