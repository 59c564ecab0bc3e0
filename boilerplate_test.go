package declutter

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// ruleCase is one row of a rule's table: a fragment of markup placed in a
// story, and the phrase that must be gone (remove cases) or must survive
// (keep cases). The cases themselves are in boilerplate_cases_test.go.
type ruleCase struct {
	name string
	html string
	text string
	// chrome places the fragment in the page's chrome, before the story,
	// where cookie banners and skip links live. Page-stage rules only.
	chrome bool
}

// ruleCases are a rule's must-remove and must-keep rows.
type ruleCases struct {
	remove, keep []ruleCase
}

// storyProse is the article text around every fragment. It holds no cue of
// any rule, so anything missing from it afterwards is collateral damage.
var storyProse = []string{
	"The river rose more than two metres overnight, flooding the lower town and forcing the evacuation of about 3,000 residents, according to the regional emergency service. Crews worked through the night to shore up the embankment near the old mill, where water had begun to seep through the stones.",
	"Engineers had warned for a decade that the dam upstream needed repairs. A 2016 inspection found cracks in the spillway, but the work was postponed twice because of disputes over who should pay for it, the regional government or the company that operates the hydroelectric plant.",
	"By Wednesday afternoon the water had started to fall. Schools will stay closed until Monday, and the main road to the valley remains shut while inspectors check the bridge for damage.",
}

// storyScope is where body rules run. The readability pass returns the
// story still wrapped in its containers (div.page > main > article >
// div.entry-content), so the fragment sits a few levels below the root.
var storyScope = cascadia.MustCompile("main")

// storyPage builds a WordPress-style article page with the case's fragment
// after the first paragraph of the story (or in the chrome).
func storyPage(c ruleCase) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Floods in the valley</title></head><body>`)
	if c.chrome {
		b.WriteString(c.html)
	}
	b.WriteString(`<main id="main"><article class="post"><header class="entry-header"><h1 class="entry-title">Floods force thousands from their homes</h1></header><div class="entry-content">`)
	b.WriteString("<p>" + storyProse[0] + "</p>\n")
	if !c.chrome {
		b.WriteString(c.html + "\n")
	}
	for _, p := range storyProse[1:] {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString(`</div></article></main></body></html>`)
	return b.String()
}

// applyStage runs one stage of rs over the case's page the way the
// pipeline does: page rules over the whole document, body rules over the
// story container. It returns the text left in that scope.
func applyStage(t *testing.T, rs *ruleSet, doc *html.Node, stage Stage) (string, []Removal) {
	t.Helper()
	root, rules := doc, rs.page
	if stage == StageBody {
		root, rules = storyScope.MatchFirst(doc), rs.body
		require.NotNil(t, root, "the story container is gone")
	}
	removed, err := applyRules(context.Background(), rules, root, newTextStats(root))
	require.NoError(t, err)
	return collapsedText(root), removed
}

func parseCase(t *testing.T, c ruleCase) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(storyPage(c)))
	require.NoError(t, err)
	return doc
}

func squashSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestBoilerplateRules runs every case through the compiled built-in rule
// set. A remove case runs its rule's stage alone and must lose the phrase
// to that rule and to no other; a keep case runs both stages in order, as
// a story paragraph meets them in the pipeline, and must keep the phrase.
// Either way the story around the fragment must survive whole.
func TestBoilerplateRules(t *testing.T) {
	rs, err := compileRules(builtinRules, nil, nil)
	require.NoError(t, err)
	stageOf := make(map[string]Stage, len(builtinRules))
	for _, r := range builtinRules {
		stageOf[r.Name] = r.Stage
	}
	for _, name := range slices.Sorted(maps.Keys(boilerplateCases)) {
		cases := boilerplateCases[name]
		stage, ok := stageOf[name]
		if !ok {
			t.Errorf("boilerplateCases has cases for %q, which is not a built-in rule", name)
			continue
		}
		for _, c := range cases.remove {
			t.Run(name+"/remove/"+c.name, func(t *testing.T) {
				if c.chrome && stage != StagePage {
					t.Fatalf("a chrome fragment is never seen by a %s-stage rule", stage)
				}
				text, removed := applyStage(t, rs, parseCase(t, c), stage)
				require.NotEmpty(t, removed, "nothing removed")
				for _, r := range removed {
					require.Equal(t, name, r.Rule, "removed by another rule: %q", r.Snippet)
				}
				require.NotContains(t, text, squashSpace(c.text))
				for _, p := range storyProse {
					require.Contains(t, text, p, "story text went with it; removed %v", removed)
				}
			})
		}
		for _, c := range cases.keep {
			t.Run(name+"/keep/"+c.name, func(t *testing.T) {
				doc := parseCase(t, c)
				_, pageRemoved := applyStage(t, rs, doc, StagePage)
				text, bodyRemoved := applyStage(t, rs, doc, StageBody)
				removed := append(pageRemoved, bodyRemoved...)
				require.Contains(t, text, squashSpace(c.text), "removed %v", removed)
				for _, p := range storyProse {
					require.Contains(t, text, p, "removed %v", removed)
				}
			})
		}
	}
}

// TestBoilerplateRulesAllTested fails when a built-in rule is added
// without cases it must remove and cases it must keep.
func TestBoilerplateRulesAllTested(t *testing.T) {
	seen := make(map[string]bool)
	for _, r := range builtinRules {
		require.False(t, seen[r.Name], "built-in rule %q is defined twice", r.Name)
		seen[r.Name] = true
		c := boilerplateCases[r.Name]
		require.NotEmpty(t, c.remove, "built-in rule %q has no case it must remove", r.Name)
		require.NotEmpty(t, c.keep, "built-in rule %q has no case it must keep", r.Name)
	}
}

// widgetPage is a news article wrapped in widgets of many rule families, as
// a Ghost or WordPress theme renders it.
const widgetPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Dam repairs to start in spring | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
</head><body>
<a class="skip-link screen-reader-text" href="#main">Skip to content</a>
<div id="cookie-notice" role="dialog"><p>We use cookies to improve your experience on our site.</p><button>Accept</button></div>
<header class="site-header"><a href="/">Valley Herald</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main id="main"><article class="post">
<header class="entry-header"><h1 class="entry-title">Dam repairs to start in spring</h1>
<div class="entry-meta"><span class="byline">By <a rel="author" href="/author/ana">Ana Ruiz</a></span> <span class="reading-time">4 min read</span></div>
<p class="audio-note">Listen to this article</p></header>
<div class="entry-content">
<p>The regional government will pay for the repairs to the upper dam itself and recover the money from the operator later, ending a dispute that had delayed the work for eight years.</p>
<p>Engineers found cracks in the spillway in 2016. Their report warned that a flood like the one in 1987 could overtop the embankment in the lower town within hours.</p>
<p><strong>Read more:</strong> <a href="/news/floods-force-thousands">Floods force thousands from their homes</a></p>
<div id="mc_embed_signup"><form action="https://valley.us21.list-manage.com/subscribe/post?u=1&amp;id=2" method="post" id="mc-embedded-subscribe-form"><h2>The Morning Herald</h2><div class="indicates-required"><span class="asterisk">*</span> indicates required</div><label for="mce-EMAIL">Email Address</label><input type="email" name="EMAIL" id="mce-EMAIL"><input type="submit" value="Subscribe"></form></div>
<p>The work will start in the spring, when the reservoir is at its lowest, and should take about a year. Members of the regional parliament from all parties welcomed the decision, though several said it came far too late for the families who lost their homes.</p>
<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="/news/ageing-dams"><div class="kg-bookmark-content"><div class="kg-bookmark-title">Europe's ageing dams need billions in repairs</div><div class="kg-bookmark-description">A survey of 400 dams.</div></div></a></figure>
<p>Residents who want to follow the work can subscribe to text alerts from the regional water authority, which said it would publish the inspection reports online for the first time.</p>
<div class="membership-cta"><h3>Support local journalism</h3><p>The Valley Herald is funded by its readers.</p><a class="btn" href="/membership">Become a member</a></div>
<p>The operator said it would appeal. Its chief executive told reporters that the company had always met its legal obligations and that the cracks had never posed a danger.</p>
<p>Copyright 2024 Valley Herald. All rights reserved.</p>
<div class="share-buttons"><a href="https://twitter.com/intent/tweet">Twitter</a> <a href="https://facebook.com/sharer">Facebook</a></div>
<div class="post-tags"><a rel="tag" href="/t/dams">Dams</a> <a rel="tag" href="/t/floods">Floods</a></div>
</div>
<div class="author-bio"><p>Ana Ruiz covers the environment for the Valley Herald.</p></div>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “Dam repairs”</h2><ol class="comment-list"><li id="comment-1"><p>About time.</p></li></ol></div>
</article></main>
<footer><p>© 2024 Valley Herald</p></footer>
</body></html>`

// TestBoilerplateExtract runs a page with widgets of many families through
// Extract: the story must come out whole and in order, the widgets not at all.
func TestBoilerplateExtract(t *testing.T) {
	a, err := Extract(context.Background(), strings.NewReader(widgetPage), "https://valley.example/news/dam-repairs")
	require.NoError(t, err)
	story := []string{
		"The regional government will pay for the repairs to the upper dam itself",
		"Engineers found cracks in the spillway in 2016.",
		"The work will start in the spring, when the reservoir is at its lowest",
		"Members of the regional parliament from all parties welcomed the decision",
		"Residents who want to follow the work can subscribe to text alerts",
		"The operator said it would appeal.",
	}
	at := 0
	for _, s := range story {
		i := strings.Index(a.Text[at:], s)
		require.GreaterOrEqual(t, i, 0, "story text missing or out of order: %q\n%s\nremoved: %v", s, a.Text, a.Removed)
		at += i + len(s)
	}
	for _, noise := range []string{
		"Skip to content", "We use cookies", "4 min read", "Listen to this article",
		"Read more:", "Floods force thousands", "indicates required", "The Morning Herald",
		"Europe's ageing dams", "Support local journalism", "funded by its readers", "Become a member",
		"All rights reserved", "Twitter", "Facebook", "Dams", "Ana Ruiz covers", "thoughts on", "About time",
	} {
		require.NotContains(t, a.Text, noise, "removed: %v", a.Removed)
	}
	// The widgets inside the story are ones the readability pass keeps, so
	// the rules must have taken them, whichever stage they run in.
	rules := make(map[string]bool)
	for _, r := range a.Removed {
		rules[r.Rule] = true
	}
	for _, name := range []string{"membership-appeal", "read-also-link", "bookmark-card", "copyright-line"} {
		require.True(t, rules[name], "no removal by %q; removed: %v", name, a.Removed)
	}
}

// TestAccountFormSparesPageForm keeps the story of an ASP.NET-style page,
// whose one form wraps the whole page, log-in box included.
func TestAccountFormSparesPageForm(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Floods</title></head><body><form id="aspnetForm" method="post" action="/story">` +
		`<div class="login">User <input type="text" name="u"> Password <input type="password" name="p"></div>` +
		`<main><article><h1>Floods force thousands from their homes</h1><p>` + strings.Repeat(strings.Join(storyProse, "</p><p>")+"</p><p>", 6) + `</p></article></main></form></body></html>`
	a, err := Extract(context.Background(), strings.NewReader(page), "")
	require.NoError(t, err)
	for _, p := range storyProse {
		require.Contains(t, a.Text, p)
	}
}
