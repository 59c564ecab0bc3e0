package declutter

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCleanByline(t *testing.T) {
	cases := []struct {
		in      string
		byline  string
		authors []string
	}{
		{"By Jane Doe", "Jane Doe", []string{"Jane Doe"}},
		{"Von Max Mustermann", "Max Mustermann", []string{"Max Mustermann"}},
		{"Par Sébastien Farcis", "Sébastien Farcis", []string{"Sébastien Farcis"}},
		{"Por María López", "María López", []string{"María López"}},
		{"Written by Rob Ewaschuk", "Rob Ewaschuk", []string{"Rob Ewaschuk"}},
		// several names
		{"By JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL", "JOSH HASKELL, DAVID CAPLAN, PATRICK REEVELL",
			[]string{"JOSH HASKELL", "DAVID CAPLAN", "PATRICK REEVELL"}},
		{"Anna Schmidt und Peter Meier", "Anna Schmidt, Peter Meier", []string{"Anna Schmidt", "Peter Meier"}},
		{"Julia Carrie Wong & Sam Levin", "Julia Carrie Wong, Sam Levin", []string{"Julia Carrie Wong", "Sam Levin"}},
		{"The Associated Press news desk", "The Associated Press news desk", []string{"The Associated Press news desk"}},
		// dates, times, job titles and labels go
		{"By Nathan Willis March 25, 2015", "Nathan Willis", []string{"Nathan Willis"}},
		{"Meg Wagner Dec 22, 2016 at 6:47 PM", "Meg Wagner", []string{"Meg Wagner"}},
		{"Jane Doe | Staff Writer | May 5, 2020", "Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe, Staff Writer", "Jane Doe", []string{"Jane Doe"}},
		{"Sam Stein Senior Politics Editor", "Sam Stein", []string{"Sam Stein"}},
		{"Rebecca Hersher Twitter", "Rebecca Hersher", []string{"Rebecca Hersher"}},
		{"Mike Cason | mcason@al.com", "Mike Cason", []string{"Mike Cason"}},
		// labels, weekdays, categories and outlets around the name
		{"capital von Jemima Kelly", "Jemima Kelly", []string{"Jemima Kelly"}},
		{"Ursula von der Leyen", "Ursula von der Leyen", []string{"Ursula von der Leyen"}},
		{"Erstellt von Andri Bryner", "Andri Bryner", []string{"Andri Bryner"}},
		{"Post author By Helge Fahrnberger", "Helge Fahrnberger", []string{"Helge Fahrnberger"}},
		{"Zeige alle Beiträge von mywakenews →", "mywakenews", []string{"mywakenews"}},
		{"View all posts by Jane Doe", "Jane Doe", []string{"Jane Doe"}},
		{"vom Support Team", "Support Team", []string{"Support Team"}},
		{"Heiko Sauer Do, 12.03.2020", "Heiko Sauer", []string{"Heiko Sauer"}},
		{"Anna So", "Anna So", []string{"Anna So"}}, // a two-word name keeps its last word
		{"By TPN, in News, Portugal, Business", "TPN", []string{"TPN"}},
		{"Anna Schmidt, Ines Berg", "Anna Schmidt, Ines Berg", []string{"Anna Schmidt", "Ines Berg"}},
		{"Michael Larabel in Valve", "Michael Larabel", []string{"Michael Larabel"}},
		{"Meg Wagner NEW YORK DAILY NEWS", "Meg Wagner", []string{"Meg Wagner"}},
		{"JOHN SMITH", "JOHN SMITH", []string{"JOHN SMITH"}}, // capitals alone are the name
		{"Christoph Hein Chefredakteur", "Christoph Hein", []string{"Christoph Hein"}},
		{"Houzz Deutschland vor 3 Stunden Mehr", "Houzz Deutschland", []string{"Houzz Deutschland"}},
		{"Dezember 10, 2019 · von freeman1984 · in Uncategorized · Hinterlasse einen Kommentar", "freeman1984",
			[]string{"freeman1984"}},
		{"CC7567", "", nil}, // more digits than letters: a code, not a handle
		// never a URL, a photo credit or a date alone
		{"(Image: Getty Images/iStockphoto)", "", nil},
		{"Quelle: sid/dpa", "", nil},
		{"ca. 8 Min. 12.01.2022", "", nil},
		{"https://www.facebook.com/someone", "", nil},
		{"Bild: Getty Images", "", nil},
		{"Updated 3 hours ago", "", nil},
		{"See all", "", nil},
		{"October 18, 2024", "", nil},
		{"", "", nil},
	}
	for _, c := range cases {
		byline, authors := cleanByline(c.in)
		assert.Equal(t, c.byline, byline, "%q", c.in)
		assert.Equal(t, c.authors, authors, "%q", c.in)
	}
}

func TestBylineFromPage(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"json-ld person array", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
			"author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}]}</script>`, "Ann Lee, Bo Chen"},
		{"json-ld @id reference", `<script type="application/ld+json">{"@graph":[
			{"@type":"Article","headline":"H","author":{"@id":"#p1"}},
			{"@type":"Person","@id":"#p1","name":"Ann Lee"}]}</script>`, "Ann Lee"},
		{"meta author", `<meta name="author" content="Ann Lee">`, "Ann Lee"},
		{"article:author URL is not a name", `<meta property="article:author" content="https://www.facebook.com/annlee">
			<h1>Headline</h1><span class="byline">By Bo Chen</span>`, "Bo Chen"},
		{"microdata nested name", `<h1>H</h1><div itemprop="author" itemscope itemtype="https://schema.org/Person">
			<a href="/a">Profile</a> <span itemprop="name">Ann Lee</span></div>`, "Ann Lee"},
		{"byline class near the h1, not the comment's", `<article><h1>Headline</h1>
			<div class="post-meta"><span class="author vcard">von Heiko</span></div><p>Text</p></article>
			<section id="comments"><span class="comment-author">Troll</span></section>`, "Heiko"},
		{"rel author", `<h1>H</h1><p><a rel="author" href="/u/ann">Ann Lee</a></p>`, "Ann Lee"},
		{"links to author pages", `<h1>H</h1><address>By <a href="/profile/ann-lee">Ann Lee</a> and
			<a href="/profile/bo-chen">Bo Chen</a></address><aside><a href="/author/other">Other Person</a></aside>`,
			"Ann Lee, Bo Chen"},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		assert.Equal(t, c.want, m.Byline, c.name)
	}
}
