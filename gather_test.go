package declutter

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// teaserProse is a related story's summary: a sentence long enough to
// count as prose, in a block of the story's own markup.
var teaserProse = []string{
	"Towns along the lower valley have asked for new flood walls after the third serious flood in five years, and the council will vote next month.",
	"Insurers say claims from the valley have doubled since 2018, and some households can no longer buy cover for their homes at any price at all.",
}

// storyThen is a story in one block of class followed by blocks of the
// same markup that are not the story: each a linked headline and one
// paragraph, as more-stories lists and comment threads are built.
func storyThen(class string, heads []string) string {
	var b strings.Builder
	b.WriteString(`<html><body><main><div class="` + class + `"><h1>Flood</h1>`)
	for _, p := range splitStoryParagraphs {
		b.WriteString(`<p>` + p + `</p>`)
	}
	b.WriteString(`</div>`)
	for i, h := range heads {
		b.WriteString(`<div class="` + class + `"><h3>` + h + `</h3><p>` + teaserProse[i%len(teaserProse)] + `</p></div>`)
	}
	b.WriteString(`</main></body></html>`)
	return b.String()
}

func TestAppendContinuationsLeavesMoreStories(t *testing.T) {
	// Teasers share the story's markup and hold a prose sentence each,
	// but their headline is a link to another page.
	doc, err := html.Parse(strings.NewReader(storyThen("story-block", []string{
		`<a href="/valley-walls">Valley asks for flood walls</a>`,
		`<a href="/insurance">Insurers pull out of the valley</a>`,
	})))
	require.NoError(t, err)
	body := blockBody(t, doc, "story-block", 0)
	appendContinuations(doc, body)
	text := collapsedText(body)
	assert.Contains(t, text, splitStoryParagraphs[5], "the story stays")
	for _, p := range teaserProse {
		assert.NotContains(t, text, p)
	}
}

func TestAppendContinuationsLeavesComments(t *testing.T) {
	// Comments in blocks of the story's markup, under a comment class
	// name on their own blocks' parent.
	page := strings.Replace(storyThen("story-block", []string{"Anna wrote", "Ben wrote"}),
		`</div><div class="story-block"><h3>Anna`, `</div><section class="comments"><div class="story-block"><h3>Anna`, 1)
	page = strings.Replace(page, `</main>`, `</section></main>`, 1)
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	body := blockBody(t, doc, "story-block", 0)
	assert.Zero(t, appendContinuations(doc, body))
	text := collapsedText(body)
	assert.Contains(t, text, splitStoryParagraphs[0])
	for _, p := range teaserProse {
		assert.NotContains(t, text, p)
	}
}

func TestAppendContinuationsKeepsLinkedListicleEntries(t *testing.T) {
	// A listicle entry under its linked name says more than a teaser:
	// two paragraphs, so it is the story's.
	page := storyThen("story-block", []string{`<a href="/shop/pump">1. The pump</a>`})
	page = strings.Replace(page, teaserProse[0]+`</p>`, teaserProse[0]+`</p><p>`+teaserProse[1]+`</p>`, 1)
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	body := blockBody(t, doc, "story-block", 0)
	assert.Equal(t, 1, appendContinuations(doc, body))
	text := collapsedText(body)
	for _, p := range teaserProse {
		assert.Contains(t, text, p)
	}
}
