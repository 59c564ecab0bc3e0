package declutter

import (
	"strings"
	"testing"
)

const (
	prose2 = "Drivers will have to take the ring road, which adds about ten minutes to the trip into town at rush hour, the council said."
	prose3 = "Repairs are expected to take two years and to cost far more than the bridge's last overhaul in the nineteen-nineties."
)

// chromePage is an article whose body, as the readability pass leaves it,
// still holds header and footer chrome around the story.
const chromePage = `<html><body><article>
	<header>
		<div class="kicker">Transport</div>
		<h2>Old bridge closes to cars</h2>
		<div class="meta"><span>Updated</span> <time>12:30</time></div>
		<div class="share"><a href="/fb">Facebook</a> <a href="/x">X</a></div>
		<p class="dek">Engineers found cracks in two of its piers.</p>
		<h3>The history of the bridge</h3>
	</header>
	<div class="body">
		<p>` + prose1 + `</p>
		<p>` + prose2 + `</p>
		<ul><li>The ring road opens at six in the morning.</li><li>Buses keep their routes.</li></ul>
		<p>` + prose3 + `</p>
		<p>Work starts in May.</p>
		<p>Town Hall, 12 Market Street</p>
		<p>Advertisement</p>
		<h3>More stories</h3>
		<ul><li><a href="/1">A new park</a></li><li><a href="/2">The mayor resigns</a></li></ul>
		<h3>Sources</h3>
		<ul><li><a href="https://example.org/report">https://example.org/report</a></li></ul>
	</div>
</article></body></html>`

func TestAssembleBodyTrimsChrome(t *testing.T) {
	_, body := parseBody(t, chromePage)
	removed := assembleBody(body, "Old bridge closes to cars", true, true)
	text := collapsedText(body)

	gone := map[string]string{
		"Transport":                    "trim-header",
		"Old bridge closes to cars":    "trim-header",
		"Updated 12:30":                "trim-header",
		"Facebook X":                   "trim-header",
		"Advertisement":                "trim-tail",
		"More stories":                 "trim-tail",
		"A new park The mayor resigns": "trim-tail",
	}
	for _, r := range removed {
		if want, ok := gone[r.Snippet]; ok && want == r.Rule {
			delete(gone, r.Snippet)
		} else {
			t.Errorf("unexpected removal %+v", r)
		}
	}
	for s, rule := range gone {
		t.Errorf("%q not removed by %s", s, rule)
	}
	for _, keep := range []string{
		"Engineers found cracks in two of its piers.", // a summary in sentences
		"The history of the bridge",                   // a heading that is not the headline
		prose1, prose2, prose3,
		"The ring road opens at six in the morning.", // a list inside the story
		"Work starts in May.",                        // a closing sentence
		"Town Hall, 12 Market Street",                // a line with figures
		"Sources", "https://example.org/report",      // sources written out
	} {
		if !strings.Contains(text, keep) {
			t.Errorf("%q was removed", keep)
		}
	}
}

func TestAssembleBodyLeavesOtherPages(t *testing.T) {
	// A forum thread: each post's prose in a container of its own.
	post := func(who, text string) string {
		return `<div class="post"><div class="author">` + who + `</div><div class="date">Jan 5, 2024</div><p>` + text + `</p></div>`
	}
	page := `<html><body><article>` + post("ann", prose1) + post("bob", prose2) + post("cy", prose3) + post("di", prose1) + `</article></body></html>`
	_, body := parseBody(t, page)
	if removed := assembleBody(body, "A thread", true, true); len(removed) != 0 {
		t.Errorf("a forum thread lost %v", removed)
	}

	// Posts each an <article>, one of them long: its paragraphs would
	// pass for the story's run.
	page = `<html><body><div id="thread">` +
		`<article><div class="meta">Jan 5, 2024</div><p>` + prose1 + `</p></article>` +
		`<article><div class="meta">Jan 6, 2024</div><p>` + prose2 + `</p><p>` + prose3 + `</p><p>` + prose1 + `</p></article>` +
		`</div></body></html>`
	_, body = parseBody(t, page)
	if body.Data == "article" {
		body = body.Parent
	}
	if removed := assembleBody(body, "A thread", true, true); len(removed) != 0 {
		t.Errorf("a thread of <article> posts lost %v", removed)
	}

	// A page with too little prose: a product's specifications.
	_, body = parseBody(t, `<html><body><article><h2>Specifications</h2><p>Weight</p><p>12 kg</p><p>`+prose1+`</p><p>Colour</p></article></body></html>`)
	if removed := assembleBody(body, "Widget", true, true); len(removed) != 0 {
		t.Errorf("a product page lost %v", removed)
	}
}

func TestAssembleBodyKeepsMostText(t *testing.T) {
	// When the lines before the story hold much of the text, the prose
	// test has misread the page: nothing is trimmed.
	var head strings.Builder
	for range 30 {
		head.WriteString(`<div class="x"><span>Step number one of many</span></div>`)
	}
	page := `<html><body><article>` + head.String() + `<div><p>` + prose1 + `</p><p>` + prose2 + `</p><p>` + prose3 + `</p></div></article></body></html>`
	_, body := parseBody(t, page)
	if removed := assembleBody(body, "", true, true); len(removed) != 0 {
		t.Errorf("removed %d blocks, want none", len(removed))
	}
}

func TestDateLine(t *testing.T) {
	for text, want := range map[string]bool{
		"Updated: December 9, 2024":              true,
		"17:41 JST, October 13, 2024":            true,
		"Stand: 10:49 Uhr":                       true,
		"2026-01-08 | 12:42":                     true,
		"Friday, 22 Nov 2024 4:55 PM MYT":        true,
		"Aktualisiert am 07.01.2026 - 18:50 Uhr": true,
		"Lieferzeit: 15 - 21 Tag(e)":             false,
		"Town Hall, 12 Market Street":            false,
		"The meeting starts at 10:30.":           false, // a sentence
		"Stammtisch":                             false,
		"PGE Ekstraliga 28 Września 2020, 18:00 Stadion im. Alfreda Smoczyka w Lesznie": false, // too long
	} {
		if got := dateLine(text); got != want {
			t.Errorf("dateLine(%q) = %v, want %v", text, got, want)
		}
	}
}
