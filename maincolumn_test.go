package declutter

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestMainColumn(t *testing.T) {
	card := func(i int) string {
		return `<div class="card"><h3>Product ` + strings.Repeat("x", i) + `</h3><p>A sturdy oak table with four chairs, seats six, ships flat.</p></div>`
	}
	group := func(id string, n int) string {
		var b strings.Builder
		b.WriteString(`<section id="` + id + `">`)
		for i := range n {
			b.WriteString(card(i))
		}
		b.WriteString(`</section>`)
		return b.String()
	}
	chrome := `<header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>`
	foot := `<footer><p>Copyright 2026 The Furniture Shop, all rights reserved, every day of the year.</p></footer>`
	for _, c := range []struct {
		name, page string
		bodyID     string // the container the readability pass chose
		wantID     string // "" for no main column
	}{
		{"marked main", chrome + `<main id="m">` + group("g1", 4) + group("g2", 4) + group("g3", 4) + `</main>` + foot, "g1", "m"},
		{"role main", chrome + `<div role="main" id="m">` + group("g1", 4) + group("g2", 4) + `</div>` + foot, "g1", "m"},
		{"no marker: chrome-free ancestor", chrome + `<div id="wrap"><div id="col">` + group("g1", 4) + group("g2", 4) + `</div><aside><p>Sidebar text that is not the product grid at all, here.</p></aside></div>` + foot, "g1", "col"},
		{"body is the column already", chrome + `<main id="m">` + group("g1", 6) + `</main>` + foot, "g1", ""},
		{"body reads as one story", chrome + `<main id="m"><article id="story">` + strings.Repeat(`<p>The council met on Tuesday and agreed the budget after a long debate about the library, the pool and the roads.</p>`, 5) + `</article>` + group("g2", 8) + `</main>` + foot, "story", ""},
		{"no paragraph to climb from", chrome + `<div id="col"><section id="g1"><h3>Only a heading</h3></section><section><h3>Another</h3></section></div>` + foot, "g1", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + c.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			body := byID(doc, c.bodyID)
			got := mainColumn(doc, body)
			switch {
			case c.wantID == "" && got != nil:
				t.Errorf("main column = <%s id=%q>, want none", got.Data, attrOf(got, "id"))
			case c.wantID != "" && (got == nil || attrOf(got, "id") != c.wantID):
				t.Errorf("main column = %v, want #%s", got, c.wantID)
			}
			if got != nil && strings.Contains(collapsedText(got), "Copyright") {
				t.Error("main column holds the footer")
			}
		})
	}
}

func byID(doc *html.Node, id string) *html.Node {
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && attrOf(n, "id") == id {
			return n
		}
	}
	return nil
}
