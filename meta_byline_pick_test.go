package declutter

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBylinePublisherNames(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"the site's domain is no author", `<link rel="canonical" href="https://www.example.de/a/b">
			<meta name="author" content="example.de"><h1>H</h1><p class="author">von Jana Berg, EXAMPLE NORD</p>`,
			"Jana Berg, EXAMPLE NORD"},
		{"the site's staff is no author", `<meta property="og:site_name" content="Us Weekly">
			<meta name="author" content="Us Weekly Staff"><h1>H</h1><div class="content-byline">By Megan French</div>`,
			"Megan French"},
		{"a company is no author", `<meta name="author" content="Web Commerce GmbH">
			<h1>H</h1><span class="byline">Von Alexandra Weber</span>`, "Alexandra Weber"},
		{"the site, then the author", `<link rel="canonical" href="https://www.unocero.com/a/b">
			<meta name="author" content="unocero - Alberto Ávila"><h1>H</h1>`, "Alberto Ávila"},
		{"the author, then the site", `<link rel="canonical" href="https://www.unocero.com/a/b">
			<meta name="author" content="Alberto Ávila | unocero"><h1>H</h1>`, "Alberto Ávila"},
		{"the site alone is kept", `<meta property="og:site_name" content="Lesotho Times">
			<meta name="author" content="Lesotho Times"><h1>H</h1>`, "Lesotho Times"},
		{"a company alone is kept", `<meta name="author" content="Web Commerce GmbH"><h1>H</h1>`, "Web Commerce GmbH"},
		{"a follow button is no byline", `<meta property="og:site_name" content="Salzburger Nachrichten">
			<meta name="author" content="Salzburger Nachrichten"><h1>H</h1>
			<button class="followauthorbtn">Abbruch</button>`, "Salzburger Nachrichten"},
		{"a section's name beside the site's is no byline", `<meta property="og:site_name" content="LBCI">
			<meta name="author" content="LBCI"><h1>H</h1><div class="article-author">Varieties</div>`, "LBCI"},
		{"a person's name beside the site's is", `<meta property="og:site_name" content="LBCI">
			<meta name="author" content="LBCI"><h1>H</h1><div class="article-author">Rima Haddad</div>`, "Rima Haddad"},
		{"a handle without structured data is", `<h1>H</h1><div class="article-author">mikecason</div>`, "mikecason"},
		{"the author link under the headline, not a related story's byline", `<h1>H</h1>
			<p class="story-info">By <a href="/author/kathy-wise">Kathy Wise</a></p><p>Text</p>
			<ul><li><h3>Other</h3><a class="byline" href="/author/mike">Michael Mooney</a></li></ul>`, "Kathy Wise"},
		{"the byline element nearer the headline than the author link", `<h1>H</h1>
			<p class="byline">By Kathy Wise</p><p>Text</p><p><a href="/author/mike">Michael Mooney</a></p>`, "Kathy Wise"},
		{"an author's biography is no byline", `<meta name="author" content="Teufel Redaktion">
			<meta property="og:site_name" content="Teufel"><h1>H</h1><p>Text</p>
			<p class="author-bio">Alles über Lautsprecher, Heimkino und HiFi-Trends. Zudem haben wir jede Menge
			praktische Tipps und Tricks für zu Hause.</p>`, "Teufel Redaktion"},
		{"a dated byline line is no biography", `<h1>H</h1><div class="author">Written by Michael Larabel in Valve
			on 1 June 2019 at 08:34 PM EDT. 51 Comments</div>`, "Michael Larabel"},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		assert.Equal(t, c.want, m.Byline, c.name)
	}
}

func TestBylineWidenedFromPage(t *testing.T) {
	ld := `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
		"author":{"@type":"Person","name":"Marlene Holm"}}</script>`
	cases := []struct{ name, html, want string }{
		{"the page names all of json-ld's authors and more", ld + `<h1>H</h1>
			<div class="byline">By Ingrid Treborg and Marlene Holm</div>`,
			"Ingrid Treborg, Marlene Holm"},
		{"the page names someone else", ld + `<h1>H</h1><div class="byline">Ingrid Treborg, Per Olsen</div>`,
			"Marlene Holm"},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		assert.Equal(t, c.want, m.Byline, c.name)
	}
}

func TestBylineWithoutMarkup(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"by-word before a span", `<h1>Hustling</h1><div class="x1">By <span class="x2">Yomi Kazeem</span></div>
			<p>Text</p>`, "Yomi Kazeem"},
		{"von before emphasis", `<h1>Geschichte</h1><p> von <em>Klaus Stanjek</em></p><p>Text</p>`, "Klaus Stanjek"},
		{"posted on a date by", `<h1>Items</h1><div>Posted on September 21, 2020 by Adi Tzlil</div>`, "Adi Tzlil"},
		{"label alone in its element", `<h1>H</h1><div><span>Autor:</span> <span>Fritz Imhof</span></div>`,
			"Fritz Imhof"},
		{"several names", `<h1>H</h1><p>von Josef Kastner, Marieke Hübner und Imke Schlömer</p>`,
			"Josef Kastner, Marieke Hübner, Imke Schlömer"},
		{"auteur", `<h1>H</h1><p>Auteur : Kossivi Tiassou </p>`, "Kossivi Tiassou"},
		{"a place beside the name", `<h1>H</h1><p>Text</p><p>Von Ines Zöttl, Washington</p>`, "Ines Zöttl"},
		{"an agency beside the name", `<h1>H</h1><byline>Von David Hutzler, dpa</byline>`, "David Hutzler"},
		// sentences, counters and headings that start with a by-word
		{"a sentence", `<h1>H</h1><p>Die Musik<br>von Künstlern, Bands, DJs,<br>die wir lieben.</p>`, ""},
		{"a picture counter", `<h1>H</h1><div>Bild 1<span> von 4</span></div>`, ""},
		{"a heading", `<h1>Von Sprachregeln, Gender-Politik und Deutsch</h1><h2>Von Berlin nach Rom</h2>`, ""},
		{"a lowercase phrase", `<h1>H</h1><p>By the way</p>`, ""},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		assert.Equal(t, c.want, m.Byline, c.name)
	}
}

func TestBylineNameBeforeDate(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"a name and a separator before the date line", `<h1>H</h1><h4>Lead</h4><div class="row">
			<span style="float:left">Sehernur Karsu &nbsp;|</span> <span class="tarih">05.04.2025 - Güncelleme</span></div>`,
			"Sehernur Karsu"},
		{"before a date class", `<h1>H</h1><p><span>Jana Berg ·</span><span class="pub-date">5. April</span></p>`,
			"Jana Berg"},
		// not a name, or no separator
		{"a breadcrumb of links", `<h1>H</h1><div><span><a href="/">Home</a> | <a href="/eco">Economy</a> |</span>
			<span class="date">05.04.2025</span></div>`, ""},
		{"a section without a separator", `<h1>H</h1><div><span>World News</span><span class="date">05.04.2025</span></div>`, ""},
		{"one word", `<h1>H</h1><div><span>Ekonomi |</span><span class="date">05.04.2025</span></div>`, ""},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		assert.Equal(t, c.want, m.Byline, c.name)
	}
}

func TestBylineEditorInSchema(t *testing.T) {
	ld := `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
		"author":{"@type":"Person","name":"Heryadi Putra"}}</script>`
	cases := []struct{ name, html, want string }{
		{"schema's author is the page's editor", ld + `<h1>H</h1><div class="author-2">Naufal Zuhdi</div>
			<p>Text</p><div class="info-author">Editor : Heryadi Putra</div>`, "Naufal Zuhdi"},
		{"schema's author is the page's author", ld + `<h1>H</h1><div class="author-2">Heryadi Putra</div>
			<p>Text</p><div class="info-author">Editor : Naufal Zuhdi</div>`, "Heryadi Putra"},
		{"no editor credit", ld + `<h1>H</h1><div class="author-2">Naufal Zuhdi</div>`, "Heryadi Putra"},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		assert.Equal(t, c.want, m.Byline, c.name)
	}
}

func TestExtraArePeople(t *testing.T) {
	ld := []string{"Daniel Kahn Gillmor"}
	assert.False(t, extraArePeople([]string{"Daniel Kahn Gillmor", "Privacy", "and Technology Project"}, ld), "a job after the name")
	assert.True(t, extraArePeople([]string{"Daniel Kahn Gillmor", "Ana de la Cruz"}, ld), "a co-author")
	assert.True(t, extraArePeople([]string{"Daniel Kahn Gillmor", "山田太郎"}, ld), "a co-author written without spaces")
	assert.True(t, extraArePeople(ld, ld))
}
