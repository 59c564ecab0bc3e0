package main

import (
	"context"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/declutter/declutter"
)

// TestArticleJSONMatchesCommand: json.Marshal of a declutter.Article uses
// the same keys as the command's JSON Lines for the same page, apart from
// the fields only one of them has. A field added to one side without the
// other, or named differently, fails here.
func TestArticleJSONMatchesCommand(t *testing.T) {
	const seed = "../../testdata/pages/kyiv-independent-seed.html"
	const pageURL = "https://kyivindependent.com/north-korean-troops-preparing-to-help-russias-war-in-ukraine-a-grave-security-threat-says-south-korea/"

	r := runCmd(t, "", "-format", "json", "-url", pageURL, seed)
	require.Equal(t, exitOK, r.code, r.stderr)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 1)
	cli := recs[0]

	f, err := os.Open(seed)
	require.NoError(t, err)
	defer f.Close()
	a, err := declutter.Extract(context.Background(), f, pageURL)
	require.NoError(t, err)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	var lib map[string]any
	require.NoError(t, json.Unmarshal(b, &lib))

	onlyCommand := []string{"file", "warc_date", "warc_record_id"}            // about the input
	onlyArticle := []string{"canonical_url", "encoding_source", "limits_hit"} // not in the command's contract
	cliKeys := without(slices.Sorted(maps.Keys(cli)), onlyCommand)
	libKeys := without(slices.Sorted(maps.Keys(lib)), onlyArticle)
	assert.Equal(t, cliKeys, libKeys, "Article's JSON keys and the command's")
	assert.Subset(t, slices.Collect(maps.Keys(lib)), onlyArticle, "Article fields the command does not have")
	assert.Contains(t, cli, "file", "the command's own field")

	// Same values where both say the same thing.
	assert.Equal(t, cli["title"], lib["title"])
	assert.Equal(t, cli["byline"], lib["byline"])
	assert.Equal(t, cli["text"], lib["text"])
	assert.Equal(t, cli["lang"], lib["lang"])
	assert.Equal(t, cli["published"], lib["published"], "both RFC 3339")
	assert.NotEmpty(t, lib["published"])

	// A removal has the same keys on both sides.
	cliRemoved, ok := cli["removed"].([]any)
	require.True(t, ok)
	libRemoved, ok := lib["removed"].([]any)
	require.True(t, ok)
	require.NotEmpty(t, libRemoved, "the seed page has boilerplate")
	require.Len(t, cliRemoved, len(libRemoved))
	assert.Equal(t, slices.Sorted(maps.Keys(cliRemoved[0].(map[string]any))),
		slices.Sorted(maps.Keys(libRemoved[0].(map[string]any))))
	assert.Equal(t, cliRemoved, libRemoved)
}

func without(keys, drop []string) []string {
	return slices.DeleteFunc(keys, func(k string) bool { return slices.Contains(drop, k) })
}
