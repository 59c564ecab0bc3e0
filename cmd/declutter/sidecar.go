package main

import (
	"encoding/json"
	"io"
	"os"
	"strings"
)

// maxSidecarBytes bounds the read of a sidecar file: it holds a URL and a
// few notes, never a page.
const maxSidecarBytes = 1 << 20

// sidecarURL returns the page URL from the sidecar JSON file beside a saved
// page (page.html or page.html.gz → page.json, with a "url" field), or ""
// when there is none, it cannot be read or parsed, or its url is not an
// http(s) URL. A sidecar is a convenience: its absence or damage is never
// an error, the page is simply extracted without a URL.
func sidecarURL(name string) string {
	base := strings.TrimSuffix(name, ".gz")
	lower := strings.ToLower(base)
	stripped := false
	for _, ext := range []string{".html", ".htm", ".xhtml"} {
		if strings.HasSuffix(lower, ext) {
			base, stripped = base[:len(base)-len(ext)], true
			break
		}
	}
	if !stripped {
		return ""
	}
	f, err := os.Open(base + ".json")
	if err != nil {
		return ""
	}
	defer f.Close()
	var side struct {
		URL string `json:"url"`
	}
	if err := json.NewDecoder(io.LimitReader(f, maxSidecarBytes)).Decode(&side); err != nil {
		return ""
	}
	if !isURL(side.URL) {
		return ""
	}
	return side.URL
}
