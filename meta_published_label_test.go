package declutter

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestPublishedBeforeModifiedDate(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"WordPress published and updated times, the updated one nearer",
			`<span class="posted-on"><time class="entry-date published" datetime="2019-02-10T09:30:10+01:00">10. Februar 2019</time>` +
				`<time class="updated" datetime="2019-02-09T23:00:55+01:00">9. Februar 2019</time></span><h1>Laufen im Winter</h1><p>Body</p>`,
			"2019-02-10"},
		{"a labelled modification line before the publication line",
			`<h1>Vom Boden aus gedacht</h1><p>Body</p><p>Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023</p>`,
			"2023-11-01"},
		{"an update label before the date's element",
			`<h1>Title</h1><div><span>Updated:</span> <span class="date">March 5, 2021</span></div><span class="date">March 1, 2021</span>`,
			"2021-03-01"},
		// must not change: an update date alone is still the date; a WordPress
		// time marked both published and updated is the publication
		{"only an updated date", `<h1>Title</h1><p class="date">Updated March 5, 2021</p>`, "2021-03-05"},
		{"published updated",
			`<h1>Title</h1><time class="entry-date published updated" datetime="2021-03-05T10:00:00Z">March 5, 2021</time>` +
				`<time class="date" datetime="2021-03-01T10:00:00Z">March 1, 2021</time>`, "2021-03-05"},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		assert.Equal(t, c.want, m.Published.Format(time.DateOnly), c.name)
	}
}

func TestPublishedFromParagraphDateline(t *testing.T) {
	long := " Bei der Erinnerung an die Verfolgten des NS-Regimes in Deutschland stehen vor allem Männer im Mittelpunkt, am 3. März 2021 auch."
	cases := []struct{ name, html, want string }{
		{"a paragraph opening with its date", `<h1>Titel</h1><p>Von Claudia Lindner</p><p>27.1.2022 -` + long + `</p>`, "2022-01-27"},
		// must not change: a date inside a long paragraph is not the article's
		{"a date the paragraph mentions", `<h1>Titel</h1><p>Die Meldung:` + long + `</p>`, ""},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		if c.want == "" {
			assert.True(t, m.Published.IsZero(), "%s: got %v", c.name, m.Published)
			continue
		}
		assert.Equal(t, c.want, m.Published.Format(time.DateOnly), c.name)
	}
}
