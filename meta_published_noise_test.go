package declutter

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// Class names with a noise word that describe the layout or the post, not
// a region: the article inside them keeps its date.
func TestPublishedInsideLayoutClasses(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"WordPress post classes for a category named popular",
			`<div class="post-1113 post type-post hentry category-blog category-popular tag-sports">
			<h1>Top 10</h1><p>January 22, 2014</p><p>Body</p></div>`, "2014-01-22"},
		{"a page body with a sidebar",
			`<div class="iz-pagebody iz-pagebody--wsidebar"><article><h1>Titel</h1>
			<time class="entry-date published" datetime="2021-11-19T10:13:50+01:00">19.11.2021</time></article></div>`, "2021-11-19"},
		{"a wrapper with-sidebar",
			`<section class="gallery--wrapper gallery--wrapper__with-sidebar"><h1>Items</h1>
			<div class="gallery--page-meta">Posted on September 21, 2020 by Adi</div></section>`, "2020-09-21"},
		// must not change: a real sidebar's and a popular list's dates stay out
		{"the sidebar itself",
			`<h1>Title</h1><div class="sidebar sidebar-widgets"><span class="date">1 January 2010</span></div>`, ""},
		{"a popular-posts list",
			`<h1>Title</h1><div class="popular-posts"><span class="date">1 January 2010</span></div>`, ""},
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
