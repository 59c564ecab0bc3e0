package declutter

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// bloggerPage is a post as Blogger's dynamic templates write it: the story
// in a script template and again in a noscript.
func bloggerPage(story string) string {
	return `<!DOCTYPE html><html><head><title>Enhanced protection</title></head><body>` +
		`<div class="post"><h2 class="title">Enhanced protection</h2><div class="post-body"><div class="post-content">` +
		`<script type="text/template">` + story + `</script>` +
		`<noscript>` + story + `</noscript></div></div></div></body></html>`
}

func TestPromoteNoscriptStory(t *testing.T) {
	story := "<p>" + strings.Join(storyProse, "</p>\n<p>") + "</p><p><img src=x onerror=alert(1)></p>"
	a, err := Extract(context.Background(), strings.NewReader(bloggerPage(story)), "https://blog.example/post")
	require.NoError(t, err)
	for _, p := range storyProse {
		assert.Contains(t, a.Text, p)
		assert.Contains(t, a.Content, p)
	}
	assert.NotContains(t, a.Content, "onerror", "promoted markup is sanitised like any other")
}

func TestPromoteNoscriptLeavesOthers(t *testing.T) {
	for name, page := range map[string]string{
		"image fallback":      `<div class="figure"><img data-src="a.jpg"><noscript><img src="a.jpg"></noscript></div>`,
		"notice beside prose": `<div><p>The story.</p><noscript><p>Please enable JavaScript.</p></noscript></div>`,
		"no paragraphs":       `<div><noscript><iframe src="https://tags.example/ns.html"></iframe></noscript></div>`,
	} {
		doc, err := html.Parse(strings.NewReader(page))
		require.NoError(t, err)
		assert.Zero(t, promoteNoscript(context.Background(), doc, DefaultMaxDepth, DefaultMaxElements), name)
	}
}

func TestPromoteNoscriptKeepsLimits(t *testing.T) {
	deep := strings.Repeat("<div>", 200) + "<p>deep</p>"
	for _, maxElements := range []int{DefaultMaxElements, 50} {
		doc, err := html.Parse(strings.NewReader(bloggerPage("<p>Intro.</p>" + deep)))
		require.NoError(t, err)
		promoteNoscript(context.Background(), doc, 64, maxElements)
		assert.NoError(t, checkTree(context.Background(), doc, 64, maxElements+20), "max elements %d", maxElements)
	}
}

// TestPromoteNoscriptPageBudget is the per-noscript cap defect: each
// promoted fragment was held to the whole MaxElements, so three noscripts
// of 800 paragraphs made a 2,406-element tree under MaxElements 1000. The
// budget is now the page's: what the page already has, plus every
// fragment promoted before.
func TestPromoteNoscriptPageBudget(t *testing.T) {
	story := strings.Repeat("<p>A paragraph of the story, long enough to read as prose on its own.</p>", 800)
	post := `<div class="post-body"><noscript>` + story + `</noscript></div>`
	page := `<!DOCTYPE html><html><head><title>Three copies</title></head><body>` + post + post + post + `</body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	promoteNoscript(context.Background(), doc, DefaultMaxDepth, 1000)
	assert.NoError(t, checkTree(context.Background(), doc, DefaultMaxDepth, 1000), "the promoted tree stays within the page's element cap")

	ex, err := New(Options{MaxElements: 1000})
	require.NoError(t, err)
	a, err := ex.Extract(context.Background(), strings.NewReader(page), "https://blog.example/post")
	if err == nil {
		n := strings.Count(a.Content, "<p>")
		assert.LessOrEqual(t, n, 1000, "Extract built more paragraphs than MaxElements allows")
	} else {
		assert.ErrorIs(t, err, ErrTooLarge)
	}
}
