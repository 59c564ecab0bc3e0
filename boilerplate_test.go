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

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

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
				require.NotContains(t, text, squash(c.text))
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
				require.Contains(t, text, squash(c.text), "removed %v", removed)
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
