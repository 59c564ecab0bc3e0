package declutter

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// parseBody parses page and returns its first <article>, or <body>.
func parseBody(t *testing.T, page string) (doc, body *html.Node) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "article" {
			return doc, n
		}
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "body" {
			return doc, n
		}
	}
	t.Fatal("no body")
	return nil, nil
}

const prose1 = "The council voted on Tuesday to close the old bridge to cars, after engineers found cracks in two of its piers."

func TestSegmentBlocks(t *testing.T) {
	_, body := parseBody(t, `<article>
		<div class="kicker">Transport</div>
		<h1>The bridge closes</h1>
		<p>`+prose1+`</p>
		<figure><img src="a.jpg"><figcaption>The bridge in 1950. Photo: Archive</figcaption></figure>
		<div class="wrap"><span>Updated</span> <time>12:30</time></div>
		<ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul>
		<table><tr><td>1</td></tr></table>
		<div><p>Short.</p><p>Not a sentence</p></div>
	</article>`)
	blocks := segmentBlocks(body, newTextStats(body))
	type want struct {
		tag      string
		kind     blockKind
		prose    bool
		sentence bool
		caption  bool
	}
	wants := []want{
		{"div", blockBox, false, false, false},
		{"h1", blockHeading, false, false, false},
		{"p", blockPara, true, true, false},
		{"figure", blockFigure, false, false, true},
		{"div", blockBox, false, false, false},
		{"ul", blockList, false, false, false},
		{"table", blockTable, false, false, false},
		{"p", blockPara, false, true, false},
		{"p", blockPara, false, false, false},
	}
	if len(blocks) != len(wants) {
		for _, b := range blocks {
			t.Logf("%s %q", b.n.Data, b.text)
		}
		t.Fatalf("got %d blocks, want %d", len(blocks), len(wants))
	}
	for i, w := range wants {
		b := blocks[i]
		if b.n.Data != w.tag || b.kind != w.kind || b.prose != w.prose || b.sentence != w.sentence || b.caption != w.caption {
			t.Errorf("block %d %q: got %s kind %d prose %v sentence %v caption %v, want %+v",
				i, b.text, b.n.Data, b.kind, b.prose, b.sentence, b.caption, w)
		}
	}
	if ld := blocks[5].linkDens; ld != 1 {
		t.Errorf("link list density = %v, want 1", ld)
	}
}

func TestEndsSentence(t *testing.T) {
	for text, want := range map[string]bool{
		"It rained.":   true,
		"Did it rain?": true,
		"„Pflanze nie vor der Kalten Sophie.“": true,
		"正是有了英勇的你们，才有这座英雄的城！（评论员 罗博）":          true,
		"und das gefällt mir 😉":                true,
		"Ingredients:":                         true,
		"Updated 12:30":                        false,
		"More stories":                         false,
		"By Jane Doe":                          false,
		"":                                     false,
	} {
		if got := endsSentence(text); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestInCaption(t *testing.T) {
	_, body := parseBody(t, `<article><div class="image-credit"><span>Getty Images</span></div><div class="story"><span>Text</span></div></article>`)
	var credit, story *html.Node
	for n := range body.Descendants() {
		if n.Type == html.ElementNode && n.Data == "span" {
			if credit == nil {
				credit = n
			} else {
				story = n
			}
		}
	}
	if !inCaption(credit) {
		t.Error("a span in an image-credit box is not read as a caption")
	}
	if inCaption(story) {
		t.Error("a span in a story box is read as a caption")
	}
}
