package declutter

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// captionProse is the story around each figure in the caption tests: two
// paragraphs long enough that one caption is never most of the text.
const captionProse = `<p>The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found the steel under the deck had rusted through in several places.</p>
<p>Cyclists and walkers will still be able to cross while the city looks for the money to replace it, which the mayor put at about forty million euros.</p>`

// renderFragment renders the body fragment s as Text, with captions or
// without.
func renderFragment(t *testing.T, s string, captions bool) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	require.NoError(t, err)
	body := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	return renderText(body, captions)
}

// TestTextLeavesCaptionsOut holds the captions and photo credits that Text
// leaves out by default (and keeps with TextCaptions), each between two
// paragraphs of the story.
func TestTextLeavesCaptionsOut(t *testing.T) {
	for name, c := range map[string]struct{ figure, caption string }{
		"figcaption": {
			`<figure><img src="bridge.jpg" alt=""><figcaption>The old bridge seen from the river bank. Photo: Jane Roe / Agency</figcaption></figure>`,
			"The old bridge seen from the river bank.",
		},
		"figcaption without its image": {
			`<figure><figcaption>Rust on the girders under the deck</figcaption></figure>`,
			"Rust on the girders",
		},
		"block editor caption": {
			`<figure class="wp-block-image size-large"><img src="a.jpg"><figcaption class="wp-element-caption">Engineers at work on the deck in March</figcaption></figure>`,
			"Engineers at work on the deck",
		},
		"classic WordPress caption": {
			`<div id="attachment_357" class="wp-caption alignnone"><img src="a.jpg"><p id="caption-attachment-357" class="wp-caption-text">Die Farbe Gelb ist fertig.</p></div>`,
			"Die Farbe Gelb ist fertig.",
		},
		"classic WordPress caption without its image": {
			`<p class="wp-caption-text">The mayor at the press conference</p>`,
			"The mayor at the press conference",
		},
		"caption class beside the image": {
			`<div class="bild-breit"><picture><img src="a.jpg"></picture><p class="media-caption">Wer die Äste immer wieder auf die Wege zieht, ist unklar (Symbolbild).</p></div>`,
			"Wer die Äste",
		},
		"caption class two levels under the image's box": {
			`<div class="media"><div class="image"><img src="a.jpg"></div><div class="credit-caption"><div class="caption-wrap"><p class="caption">A concrete sculpture dropped into the gulf attracts algae and barnacles.</p></div><div class="credit">Rob Stein</div></div></div>`,
			"A concrete sculpture",
		},
		"caption class in a figure": {
			`<figure class="image"><img src="a.jpg"><div class="image__caption"><span class="caption__text">Workers on the bridge</span> <span class="caption__credit">Alex Doe for Agency</span></div></figure>`,
			"Workers on the bridge",
		},
		"video description": {
			`<div class="media media--video"><video src="v.mp4"></video><div class="media__caption">01:48 min Ergebnisse in Dixville Notch: Alle sechs Wähler haben abgestimmt</div></div>`,
			"Ergebnisse in Dixville Notch",
		},
		"schema.org caption": {
			`<div itemscope itemtype="https://schema.org/ImageObject"><img src="a.jpg"><span itemprop="caption">The bridge at night</span></div>`,
			"The bridge at night",
		},
		"credit span in a figure": {
			`<figure><img src="a.jpg"><span class="photo-credit">Reuters</span><figcaption>The bridge at dawn</figcaption></figure>`,
			"Reuters",
		},
		"copyright holder in a figure": {
			`<figure><img src="a.jpg"><span class="credit" itemprop="copyrightHolder">Getty Images</span></figure>`,
			"Getty Images",
		},
		"Foto credit line in a figure": {
			`<figure><img src="a.jpg"><p>Foto: dpa / Max Muster</p></figure>`,
			"Foto: dpa",
		},
		"Bild credit line in a figure": {
			`<figure><picture><img src="a.jpg"></picture><div>Bild: Keystone</div></figure>`,
			"Bild: Keystone",
		},
		"copyright sign in a figure": {
			`<figure><img src="a.jpg"><small>© Agence France-Presse</small></figure>`,
			"Agence France-Presse",
		},
		"photo-by line in a figure": {
			`<figure><img src="a.jpg"><div>Photo by Xingchen Yan on Unsplash</div></figure>`,
			"Xingchen Yan",
		},
		"caption toggle in a figure": {
			`<figure><img src="a.jpg"><b class="toggle-caption">toggle caption</b><figcaption>The bridge</figcaption></figure>`,
			"toggle caption",
		},
	} {
		t.Run(name, func(t *testing.T) {
			page := captionProse[:strings.Index(captionProse, "\n")] + c.figure + captionProse[strings.Index(captionProse, "\n"):]
			text := renderFragment(t, page, false)
			assert.NotContains(t, text, c.caption, "Text keeps the caption")
			assert.Contains(t, text, "rusted through in several places.")
			assert.Contains(t, text, "forty million euros.")
			assert.Contains(t, text, "places.\n\nCyclists", "the prose is not one block apart")
			with := renderFragment(t, page, true)
			assert.Contains(t, with, c.caption, "TextCaptions lost the caption")
			assert.Contains(t, with, "forty million euros.")
		})
	}
}

// TestTextKeepsCaptionLikeProse holds text that looks like a caption by its
// markup but is the story, or the point of a figure: Text keeps it.
func TestTextKeepsCaptionLikeProse(t *testing.T) {
	for name, c := range map[string]struct{ block, keep string }{
		"caption class on a paragraph of the story": {
			`<p class="caption">Wir erwarten neue Foldables, Smartwatches und mehr.</p>`,
			"Wir erwarten neue Foldables",
		},
		"caption class in a card without an image": {
			`<div class="research-card_authors"><p class="caption-s">James Liu, Pragaash Ponnusamy, Tianle Cai</p></div>`,
			"James Liu, Pragaash Ponnusamy",
		},
		"code listing's file name": {
			`<p class="code-block-caption"><span class="caption-text">forms.py</span></p><pre>import os</pre>`,
			"forms.py",
		},
		"table caption": {
			`<table><caption class="table-caption">Scores for each characteristic</caption><tr><td>comfort</td><td>4</td></tr></table>`,
			"Scores for each characteristic",
		},
		"quote in a figure": {
			`<figure class="wp-block-pullquote"><blockquote><p>We cannot wait for the bridge to fall down.</p></blockquote><figcaption>Anna Berg, city engineer</figcaption></figure>`,
			"Anna Berg, city engineer",
		},
		"table in a figure": {
			`<figure class="wp-block-table"><table><tr><td>Cars a day</td><td>12,000</td></tr></table><figcaption>Traffic on the bridge in 2024</figcaption></figure>`,
			"Traffic on the bridge in 2024",
		},
		"caption class in a box with prose beside the image": {
			`<div class="article-content"><img src="a.jpg"><p>The engineers' report runs to three hundred pages and lists every girder that needs work before the bridge can carry cars again.</p><p class="caption">Das ist der eigentliche Punkt der Sache.</p></div>`,
			"eigentliche Punkt",
		},
		"photo line outside a figure": {
			`<p>Photo: the river at the foot of the old bridge was frozen for the first time in years.</p>`,
			"the river at the foot",
		},
		"credit class outside a figure": {
			`<p class="credit">Thanks to everyone who sent us their memories of the bridge.</p>`,
			"Thanks to everyone",
		},
	} {
		t.Run(name, func(t *testing.T) {
			text := renderFragment(t, captionProse+c.block, false)
			assert.Contains(t, text, c.keep)
			assert.Contains(t, text, "forty million euros.")
		})
	}
}

// TestTextKeepsGalleryCaptions: on a gallery the captions are most of the
// text, and what there is to read.
func TestTextKeepsGalleryCaptions(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<p>Ten years of the old bridge, in pictures.</p>`)
	for _, c := range []string{
		"The bridge opened to traffic in May 1931, with the mayor cutting the ribbon in front of a crowd of thousands.",
		"A tram crosses in 1950; the tracks were taken up twenty years later when the city switched to buses.",
		"Floods in 1988 reached the deck for the first and only time, closing the crossing for two weeks.",
	} {
		b.WriteString(`<figure><img src="a.jpg"><figcaption>` + c + `</figcaption></figure>`)
	}
	text := renderFragment(t, b.String(), false)
	assert.Contains(t, text, "Ten years of the old bridge")
	assert.Contains(t, text, "The bridge opened to traffic in May 1931")
	assert.Contains(t, text, "closing the crossing for two weeks.")
	assert.Equal(t, text, renderFragment(t, b.String(), true))
}

// TestExtractCaptions: the default Article.Text leaves the caption out,
// Content and Markdown keep it with its image, and Options.TextCaptions
// puts it back in Text (and WordCount).
func TestExtractCaptions(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Old bridge to close</title></head><body>
<article><h1>Old bridge to close</h1>` + captionProse + `
<figure><img src="https://example.org/bridge.jpg" alt="The bridge"><figcaption>Rust under the deck of the old bridge. Photo: Jane Roe / Agency</figcaption></figure>
<p>Work on a new crossing could begin in three years if the regional government agrees to pay half of the cost, the council said in a statement.</p>
<p>Until then, buses will be diverted over the motorway bridge to the north, adding about ten minutes to the journey into the centre.</p>
</article></body></html>`
	const caption = "Rust under the deck of the old bridge."
	a, err := Extract(context.Background(), strings.NewReader(page), "https://example.org/news/bridge")
	require.NoError(t, err)
	assert.NotContains(t, a.Text, caption)
	assert.Contains(t, a.Text, "half of the cost")
	assert.Contains(t, a.Content, caption)
	md, err := a.Markdown()
	require.NoError(t, err)
	assert.Contains(t, md, caption)
	assert.Contains(t, md, "bridge.jpg")

	ex, err := New(Options{TextCaptions: true})
	require.NoError(t, err)
	with, err := ex.Extract(context.Background(), bytes.NewReader([]byte(page)), "https://example.org/news/bridge")
	require.NoError(t, err)
	assert.Contains(t, with.Text, caption)
	assert.Contains(t, with.Text, "euros.\n\n"+caption) // a block of its own
	assert.Greater(t, with.WordCount, a.WordCount)
	assert.Equal(t, a.Content, with.Content)
}
