package declutter

import (
	"net/url"

	"golang.org/x/net/html"
)

// documentBase returns the page's <base href> resolved against pageURL, or
// pageURL when there is none.
func documentBase(doc *html.Node, pageURL *url.URL) *url.URL { return pageURL }

// resolveURLs makes every URL in body absolute.
func resolveURLs(body *html.Node, base *url.URL) {}
