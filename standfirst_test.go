package declutter

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestAppendFolded(t *testing.T) {
	for _, s := range randomTexts() {
		for _, text := range []string{s, strings.Join(strings.Fields(s), " ")} {
			got, ok := appendFolded([]byte("x"), []byte(text), -1)
			if text == strings.Join(strings.Fields(text), " ") && !ok {
				t.Fatalf("appendFolded(%q) refused collapsed text", text)
			}
			if ok && string(got[1:]) != normalizeKey(text) {
				t.Fatalf("appendFolded(%q) = %q, want %q", text, got[1:], normalizeKey(text))
			}
		}
	}
}

// TestHoldsLead checks holdsLead against its definition on the testdata
// pages, with leads taken from their own paragraphs and from elsewhere.
func TestHoldsLead(t *testing.T) {
	definition := func(body *html.Node, lead string) bool {
		probe := normalizeKey(lead)
		if len(probe) > 80 {
			probe = probe[:80]
		}
		return strings.Contains(normalizeKey(collapsedText(body)), probe)
	}
	held := 0
	pages := savedPages(t)
	for i, raw := range pages {
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		leads := []string{"not in any page, surely", "  ÄÖÜ ẞ \u212A  "}
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && (n.Data == "p" || n.Data == "h2") && len(leads) < 12 {
				leads = append(leads, strings.ToUpper(collapsedText(n)), "  "+collapsedText(n)+"\n")
			}
		}
		other, _ := html.Parse(bytes.NewReader(pages[(i+1)%len(pages)]))
		for _, body := range []*html.Node{doc, other} {
			for _, lead := range leads {
				want := definition(body, lead)
				if got := holdsLead(body, lead); got != want {
					t.Fatalf("holdsLead(%.80q) = %v, want %v", lead, got, want)
				}
				if want {
					held++
				}
			}
		}
	}
	if held == 0 {
		t.Fatal("no lead was found in its page: the test checks nothing")
	}
}
