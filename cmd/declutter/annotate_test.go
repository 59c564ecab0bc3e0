package main

import (
	"strings"
	"testing"

	"github.com/declutter/declutter"
	"github.com/stretchr/testify/assert"
)

func TestAnnotateLocatesRemovals(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>T</title><script>document.title="ran"</script>
<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"></head><body>
<div class="wrap"><div class="banner"><p>Support   our
 newsroom today.</p></div></div>
<main><p>First paragraph of the story, kept in the body.</p>
<div class="promo"><h3>Newsletter</h3><p>Sign up for the morning briefing and get the news before breakfast every single weekday of the year, free.</p></div>
<p>Second paragraph.</p></main>
<aside id="side">Support our newsroom today.</aside>
<img src="x.png" onerror="alert(1)"></body></html>`
	a := &declutter.Article{
		URL:     "https://news.example/story",
		Content: "<p>First paragraph of the story, kept in the body.</p><p>Second paragraph.</p>",
		Removed: []declutter.Removal{
			{Rule: "appeal", Snippet: "Support our newsroom today."},
			{Rule: "appeal", Snippet: "Support our newsroom today."}, // a second copy: the next element
			{Rule: "newsletter", Snippet: "Newsletter Sign up for the morning briefing and get the news before breakfast every…"},
			{Rule: "ghost", Snippet: "Text that is nowhere in the page"},
		},
	}
	an := annotate([]byte(page), a)
	doc := string(an.doc)
	assert.Equal(t, []mark{
		{Rule: "appeal", Snippet: a.Removed[0].Snippet, Anchor: "declutter-0"},
		{Rule: "appeal", Snippet: a.Removed[1].Snippet, Anchor: "declutter-1"},
		{Rule: "newsletter", Snippet: a.Removed[2].Snippet, Anchor: "declutter-2"},
		{Rule: "ghost", Snippet: a.Removed[3].Snippet},
	}, an.marks)
	// Widened to the outermost element with the same text, not beyond.
	assert.Contains(t, doc, `<div class="wrap" data-declutter-rule="appeal" id="declutter-0"><div class="banner">`)
	assert.Contains(t, doc, `<aside id="declutter-1" data-declutter-rule="appeal" data-declutter-id="side">`)
	// A cut snippet takes the innermost element that starts with it.
	assert.Contains(t, doc, `<div class="promo" data-declutter-rule="newsletter" id="declutter-2">`)
	assert.Equal(t, 2, an.kept)
	assert.Contains(t, doc, `<p data-declutter-kept="">Second paragraph.</p>`)

	assert.NotContains(t, doc, "<script")
	assert.NotContains(t, doc, "evil.example")
	assert.Contains(t, doc, `<base href="https://news.example/story" target="_blank"/>`)
	assert.Contains(t, doc, "[data-declutter-rule]::before")
}

// Rule names and snippets come from the page (or a caller's rules): they
// are attribute values, escaped, never markup.
func TestAnnotateEscapes(t *testing.T) {
	page := `<html><body><p>Buy <b>now</b> &lt;script&gt;</p><p>Story text here.</p></body></html>`
	a := &declutter.Article{Removed: []declutter.Removal{{Rule: `x"><script>alert(1)</script>`, Snippet: "Buy now <script>"}}}
	an := annotate([]byte(page), a)
	assert.Equal(t, "declutter-0", an.marks[0].Anchor)
	assert.NotContains(t, string(an.doc), "<script>alert")
	assert.True(t, strings.Contains(string(an.doc), `data-declutter-rule="x&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`), string(an.doc))
}

// The page is read in the encoding the extractor found.
func TestAnnotateDecodes(t *testing.T) {
	page := []byte("<html><body><p>\xc4\xe5\xef\xee closed</p></body></html>") // "Депо" in windows-1251
	an := annotate(page, &declutter.Article{Encoding: "windows-1251", Removed: []declutter.Removal{{Rule: "r", Snippet: "Депо closed"}}})
	assert.Equal(t, "declutter-0", an.marks[0].Anchor)
	assert.Contains(t, string(an.doc), "Депо closed")
}
