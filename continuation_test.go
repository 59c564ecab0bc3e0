package declutter

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// splitStoryParagraphs are the story of splitStory, two to a block.
var splitStoryParagraphs = []string{
	storyProse[0], "Residents were told to stay away from the river banks until the water falls, and to boil their tap water.",
	storyProse[1], "The company that runs the plant said it had asked for the money three times and been refused each time.",
	storyProse[2], "The regional government promised an inquiry into why the warnings had not been acted upon earlier.",
}

// splitStory is a story in three blocks of the same markup with an ad and
// a teaser list of that markup between them; class is the blocks' class.
func splitStory(class string) string {
	block := func(i int) string {
		return `<div class="` + class + `"><p>` + splitStoryParagraphs[2*i] + `</p><p>` + splitStoryParagraphs[2*i+1] + `</p></div>`
	}
	return `<html><body><main>` + block(0) +
		`<aside class="ad">Advertisement</aside>` + block(1) +
		`<div class="` + class + `"><ul><li><a href="/a">Dams across Europe</a></li><li><a href="/b">The cost of floods</a></li></ul></div>` +
		block(2) + `</main></body></html>`
}

// blockBody returns a readability-like body: a copy of the n-th element
// with the given class.
func blockBody(t *testing.T, doc *html.Node, class string, n int) *html.Node {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "div"}
	for d := range doc.Descendants() {
		if d.Type == html.ElementNode && attrOf(d, "class") == class {
			if n == 0 {
				body.AppendChild(cloneTree(d))
				return body
			}
			n--
		}
	}
	t.Fatal("no such block")
	return nil
}

func TestAppendContinuations(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(splitStory("story-block")))
	require.NoError(t, err)
	body := blockBody(t, doc, "story-block", 1) // the pass took the middle block

	assert.Equal(t, 2, appendContinuations(doc, body), "the blocks before and after, not the link list")
	text := collapsedText(body)
	last := -1
	for _, p := range splitStoryParagraphs {
		i := strings.Index(text, p)
		require.Greater(t, i, last, "%q missing or out of page order in %s", p, text)
		last = i
	}
	assert.NotContains(t, text, "Dams across Europe")
	assert.NotContains(t, text, "Advertisement")
}

func TestAppendContinuationsLeavesOtherBlocks(t *testing.T) {
	// Grid cells repeat all over a page, whatever they hold.
	doc, err := html.Parse(strings.NewReader(splitStory("col-xs-12")))
	require.NoError(t, err)
	assert.Zero(t, appendContinuations(doc, blockBody(t, doc, "col-xs-12", 1)))

	// A body of one paragraph is too little to find its block by.
	doc, err = html.Parse(strings.NewReader(splitStory("story-block")))
	require.NoError(t, err)
	body := blockBody(t, doc, "story-block", 1)
	body.FirstChild.RemoveChild(body.FirstChild.LastChild)
	assert.Zero(t, appendContinuations(doc, body))

	// A body that holds every block already gains nothing.
	doc, err = html.Parse(strings.NewReader(splitStory("story-block")))
	require.NoError(t, err)
	main := firstElement(t, doc, "main")
	assert.Zero(t, appendContinuations(doc, cloneTree(main)))
}

func firstElement(t *testing.T, doc *html.Node, tag string) *html.Node {
	t.Helper()
	for d := range doc.Descendants() {
		if d.Type == html.ElementNode && d.Data == tag {
			return d
		}
	}
	t.Fatalf("no <%s>", tag)
	return nil
}

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
