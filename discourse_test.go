package declutter

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func preloaded(posts string) string {
	return `{"topic_7":` + jsonString(`{"post_stream":{"posts":[`+posts+`]}}`) + `}`
}

func TestReadDiscoursePayload(t *testing.T) {
	posts := readDiscoursePayload([]byte(preloaded(
		`{"post_number":2,"username":"bob","created_at":"2026-02-20T17:07:33Z","cooked":"<p>second</p>"},` +
			`{"post_number":1,"username":"alice","created_at":"2026-02-20T16:55:07Z","cooked":"<p>first</p>"},` +
			`{"post_number":3,"username":"x","cooked":"<p>hidden</p>","hidden":true},` +
			`{"post_number":4,"username":"y","cooked":"  "}`)))
	require.Len(t, posts, 2)
	assert.Equal(t, "alice", posts[0].Username)
	assert.Equal(t, "bob", posts[1].Username)

	for name, raw := range map[string]string{
		"not JSON":          `{"topic_7":`,
		"no topic":          `{"site":"{}"}`,
		"topic not a text":  `{"topic_7":{"post_stream":{}}}`,
		"text not JSON":     `{"topic_7":"nope"}`,
		"no posts":          preloaded(``),
		"posts of no shape": `{"topic_7":"{\"post_stream\":{\"posts\":[1,2]}}"}`,
	} {
		assert.Empty(t, readDiscoursePayload([]byte(raw)), name)
	}
}

func TestDiscoursePayloadLimits(t *testing.T) {
	deep := strings.Repeat("<div>", 300) + "deep text" + strings.Repeat("</div>", 300)
	page := discourseShell("", preloaded(
		`{"post_number":1,"username":"alice","created_at":"2026-02-20T16:55:07Z","cooked":`+jsonString("<p>"+threadTexts[0]+"</p>"+deep)+`},`+
			`{"post_number":2,"username":"bob","created_at":"2026-02-20T17:07:33Z","cooked":`+jsonString("<p>"+threadTexts[1]+"</p>"+strings.Repeat("<p>x</p>", 500))+`}`))
	doc := parseHTML(t, page)
	pageElements := countElements(doc)
	posts := discoursePayload(context.Background(), doc, 64, 200)
	made := 0
	for _, p := range posts {
		for _, n := range p.body {
			made += countElements(n)
			assert.NoError(t, checkTree(context.Background(), n, 64-3, -1), "a post's HTML keeps the page's depth limit")
		}
	}
	assert.LessOrEqual(t, made, 200, "the posts add no more elements than the budget")
	assert.NotEmpty(t, posts)

	for _, budget := range []int{0, 20} {
		doc := parseHTML(t, page)
		th := assembleThread(context.Background(), doc, 64, pageElements+budget)
		if th != nil {
			assert.LessOrEqual(t, countElements(th.root), budget+1, "budget %d", budget)
		}
	}
}

// FuzzDiscoursePayload feeds untrusted data-preloaded values to the
// payload reader and the thread built from it: no panic, and what it
// builds keeps the limits it was given.
func FuzzDiscoursePayload(f *testing.F) {
	f.Add(preloaded(`{"post_number":1,"username":"alice","created_at":"2026-02-20T16:55:07Z","cooked":"<p>first post</p>"}`))
	f.Add(preloaded(`{"post_number":1,"username":"a","cooked":"<table><tr><td><p>x` + strings.Repeat("<b>", 40) + `"}`))
	f.Add(`{"topic_1":"{\"post_stream\":{\"posts\":[{\"cooked\":\"<svg><foreignObject><p>x</svg>\"}]}}"}`)
	f.Add(`{"topic_":"null"}`)
	f.Fuzz(func(t *testing.T, raw string) {
		posts := readDiscoursePayload([]byte(raw))
		for _, p := range posts {
			if strings.TrimSpace(p.Cooked) == "" || p.Hidden {
				t.Fatalf("hidden or empty post kept: %+v", p)
			}
		}
		doc := parseHTML(t, discourseShell("", raw))
		const depth, budget = 40, 300
		got := discoursePayload(context.Background(), doc, depth, budget)
		made := 0
		for _, p := range got {
			if !utf8.ValidString(p.author) && utf8.ValidString(raw) {
				t.Fatalf("author %q not UTF-8", p.author)
			}
			for _, n := range p.body {
				made += countElements(n)
				if err := checkTree(context.Background(), n, depth-3, -1); err != nil {
					t.Fatal(err)
				}
			}
		}
		if made > budget {
			t.Fatalf("%d elements made over the budget %d", made, budget)
		}
	})
}
