package declutter

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func parseHTML(t *testing.T, src string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	require.NoError(t, err)
	return doc
}

func TestStripSiteName(t *testing.T) {
	sites := []string{"The Daily Planet", "dailyplanet.com", "dailyplanet"}
	cases := []struct{ in, want string }{
		{"Superman saves the day | The Daily Planet", "Superman saves the day"},
		{"The Daily Planet - Superman saves the day", "Superman saves the day"},
		{"Superman saves the day – dailyplanet.com", "Superman saves the day"},
		{"Superman saves the day :: DailyPlanet", "Superman saves the day"},
		{"Superman - the man, the myth", "Superman - the man, the myth"}, // a dash that is the headline's
		{"The Daily Planet", "The Daily Planet"},                         // never stripped to nothing
	}
	for _, c := range cases {
		assert.Equal(t, c.want, stripSiteName(c.in, sites), c.in)
	}
}

func TestChooseTitle(t *testing.T) {
	cases := []struct {
		name string
		in   titleInputs
		want string
	}{
		{"h1 confirms the cleaned og:title", titleInputs{
			candidates: []string{"Big News Today | Site"}, h1s: []string{"Big News Today"}, siteNames: []string{"Site"}},
			"Big News Today"},
		{"site name known only from the domain", titleInputs{
			titleTag: "Big News Today - Example", siteNames: domainNames(mustURL(t, "https://www.example.com/a"))},
			"Big News Today"},
		{"unknown blog name after the title, h1 starts it", titleInputs{
			titleTag: "Big News Today for Everyone - Some Blog", h1s: []string{"Big News Today for Everyone"}},
			"Big News Today for Everyone"},
		{"a post heading names a part of the title", titleInputs{
			titleTag: "My Blog | A post about things", h1s: []string{"My Blog"}, headings: []string{"A post about things"}},
			"A post about things"},
		{"a logo h1 does not win", titleInputs{
			candidates: []string{"Real Headline Here"}, h1s: []string{"msn back to msn home news"}},
			"Real Headline Here"},
		{"short trailing part of an unknown site", titleInputs{
			titleTag: "A long headline about the thing | Blog"}, "A long headline about the thing"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, chooseTitle(c.in), c.name)
	}
}

func TestTitleFromPage(t *testing.T) {
	doc := parseHTML(t, `<html><head><title>Storm hits coast &amp; towns | Coast News</title>
		<meta property="og:site_name" content="Coast News">
		<meta property="og:title" content="Storm hits coast &amp;amp; towns"></head>
		<body><header><h1 class="logo">Coast News</h1></header>
		<article><h1>Storm hits coast &amp; towns</h1></article></body></html>`)
	m := readMetadata(doc, mustURL(t, "https://coastnews.example/storm"))
	assert.Equal(t, "Storm hits coast & towns", m.Title)
	assert.Equal(t, "Coast News", m.SiteName)
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	require.NoError(t, err)
	return u
}
