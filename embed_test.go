package declutter

import (
	"net/url"
	"strings"
	"testing"
)

// embedPrefixes are the embed paths of each allowed host.
var embedPrefixes = map[string]string{
	"www.youtube.com": "/embed/", "youtube.com": "/embed/",
	"www.youtube-nocookie.com": "/embed/", "youtube-nocookie.com": "/embed/",
	"player.vimeo.com":    "/video/",
	"www.dailymotion.com": "/embed/video/", "dailymotion.com": "/embed/video/",
}

// embedPathOffence is the test's own reading of an allowed iframe's path:
// decoded until it no longer changes, it must stay under the host's embed
// path, with no dot segment, no backslash and no encoded slash on the way.
func embedPathOffence(u *url.URL) string {
	p := u.EscapedPath()
	for range 10 {
		low := strings.ToLower(p)
		if strings.Contains(low, "%2f") || strings.Contains(low, "%5c") {
			return "encoded slash in " + p
		}
		d, err := url.PathUnescape(p)
		if err != nil {
			return "bad escape in " + p
		}
		if d == p {
			break
		}
		p = d
	}
	if strings.Contains(p, `\`) {
		return "backslash in " + p
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return "dot segment in " + p
		}
	}
	if !strings.HasPrefix(p, embedPrefixes[u.Host]) {
		return p + " outside " + embedPrefixes[u.Host]
	}
	return ""
}

// TestVideoEmbedDotSegments: an iframe whose path leaves the embed path
// once percent-decoded (the browser treats %2e as a dot) is dropped, for
// every allowed host; legitimate embeds stay.
func TestVideoEmbedDotSegments(t *testing.T) {
	hosts := map[string]string{
		"youtube":          "https://www.youtube.com/embed/",
		"youtube bare":     "https://youtube.com/embed/",
		"youtube-nocookie": "https://www.youtube-nocookie.com/embed/",
		"nocookie bare":    "https://youtube-nocookie.com/embed/",
		"vimeo":            "https://player.vimeo.com/video/",
		"dailymotion":      "https://www.dailymotion.com/embed/video/",
		"dailymotion bare": "https://dailymotion.com/embed/video/",
	}
	escapes := []string{
		"%2e%2e/watch?v=abc",
		"%2E%2E/watch?v=abc",
		".%2e/watch?v=abc",
		"%2e./watch?v=abc",
		"%2E./watch",
		"../watch?v=abc",
		"./../watch",
		"%2e%2e%2fwatch?v=abc",
		"..%2fwatch",
		"..%2Fwatch",
		"x%2f..%2f..%2fwatch",
		"..%5cwatch",
		"..%5Cwatch",
		"%252e%252e/watch?v=abc",   // double encoded
		"%25252e%25252e/watch",     // triple encoded
		"%252e%252e%252fwatch",     // double encoded slash
		"x/%2e%2e/%2e%2e/%2e%2e/a", // climbs past the embed path
		"abc/%2e%2e/%2e%2e/watch",
		"%2e",
		"%2e%2e",
		"%zz",
	}
	for host, prefix := range hosts {
		for _, esc := range escapes {
			in := `<iframe src="` + prefix + esc + `"></iframe><p>after</p>`
			out := sanitizeHTML(in)
			if strings.Contains(out, "<iframe") {
				t.Errorf("%s %q: kept: %s", host, esc, out)
			}
			if !strings.Contains(out, "<p>after</p>") {
				t.Errorf("%s %q: the text after the iframe was lost: %s", host, esc, out)
			}
			if sanitizeHTML(out) != out {
				t.Errorf("%s %q: not idempotent", host, esc)
			}
		}
		for _, ok := range []string{
			"abc123",
			"abc123?start=30&rel=0",
			"x7zq9",
			"123456789?h=abcdef&badge=0",
			"abc%20def", // an encoded space is not a dot
			"videoseries?list=PL1234",
			"a.b..c", // dots inside a segment are not dot segments
		} {
			in := `<iframe src="` + prefix + ok + `"></iframe>`
			out := sanitizeHTML(in)
			if !strings.Contains(out, "<iframe") || !strings.Contains(out, `sandbox="`+iframeSandbox+`"`) {
				t.Errorf("%s %q: legitimate embed dropped: %s", host, ok, out)
			}
		}
	}
}
