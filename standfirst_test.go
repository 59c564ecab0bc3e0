package declutter

import (
	"bytes"
	"math/rand/v2"
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

func TestIsLeadName(t *testing.T) {
	pieces := []string{"lead", "LEAD", "Lede", "in", "sub", "-", "_", " ", "\t", "\v", "\n", "title", "head", "line", "article", "kicker", "text", "x", "teaser", "ſummary", "\u212Aicker-text", "dek", "deck", "é", "description", "summaryx"}
	names := []string{"", "lead", "x-lead", "leadx", "sub-title", "sub_title", "article-lede", "kicker-text", "kicker_text", "teaser\vx", "ſummary", "\u212Aicker-text"}
	for _, raw := range savedPages(t) {
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			names = append(names, attrOf(n, "class"), attrOf(n, "id"))
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		names = append(names, b.String())
	}
	matched := 0
	for _, name := range names {
		want := leadClass.MatchString(name)
		if got := isLeadName(name); got != want {
			t.Fatalf("isLeadName(%q) = %v, want %v", name, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 100 {
		t.Fatalf("only %d names matched: the test checks too little", matched)
	}
}
