package declutter

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestMenuListReadsCountsAfterBodyRules is the stale-statistics defect:
// cleanBody measured the text once, the body rules then removed nodes, and
// the menu-list decision read the old counts. A menu whose items also held
// a reading time kept its menu once reading-time had taken the spans; the
// same menu without the spans was removed.
func TestMenuListReadsCountsAfterBodyRules(t *testing.T) {
	prose := "<p>" + strings.Repeat("The council met on Tuesday and agreed the budget after a long debate. ", 4) + "</p>"
	item := func(extra string) string {
		return `<li><a href="/home">Home</a>` + extra + `</li>`
	}
	for _, tc := range []struct{ name, extra string }{
		{"plain", ""},
		{"with reading time", ` <span>5 min read</span>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list := "<ul>" + strings.Repeat(item(tc.extra), 5) + "</ul>"
			_, body := parseBody(t, "<div>"+prose+list+prose+"</div>")
			removed, err := defaultExtractor().cleanBody(context.Background(), body, &Article{})
			if err != nil {
				t.Fatal(err)
			}
			if !hasRemoval(removed, "menu-list") && !hasRemoval(removed, "link-list") {
				t.Errorf("menu kept; removed %v", removed)
			}
			if got := collapsedText(body); strings.Contains(got, "Home") || !strings.Contains(got, "The council met") {
				t.Errorf("body = %q", got)
			}
		})
	}
}

// TestDetachKeepsAncestorCounts checks that removing a measured node
// updates the counts of every ancestor, links included.
func TestDetachKeepsAncestorCounts(t *testing.T) {
	_, body := parseBody(t, `<div><p>keep this</p><p id="x"><a href="/">link text</a> more</p></div>`)
	st := newTextStats(body)
	div := body.FirstChild
	var x *html.Node
	for n := range body.Descendants() {
		if attrOf(n, "id") == "x" {
			x = n
		}
	}
	before := st.chars(div)
	_ = st.parentChars(x) // fill the cache that detach must forget
	st.detach(x)
	if x.Parent != nil {
		t.Fatal("node still attached")
	}
	if got, want := st.chars(div), before-13; got != want || got != len("keep this") { // x holds "link text more", 13 collapsed runes after the leading space
		t.Errorf("div chars = %d, want %d", got, want)
	}
	if st.n[div].linkChars != 0 || st.chars(body) != st.chars(div) {
		t.Errorf("stats after detach: div %+v, body %d", st.n[div], st.chars(body))
	}
	if got := st.parentChars(div.FirstChild); got != st.chars(div) {
		t.Errorf("parentChars cache stale: %d, want %d", got, st.chars(div))
	}
}

func hasRemoval(rs []Removal, rule string) bool {
	for _, r := range rs {
		if r.Rule == rule {
			return true
		}
	}
	return false
}
