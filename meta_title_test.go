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
		{"Superman saves the day | | DailyPlanet", "Superman saves the day"},
		{"*Superman* saves *the day* - DailyPlanet", "*Superman* saves *the day*"},
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

func TestTitleTypographicQuotes(t *testing.T) {
	// the page typesets the quotes the metadata writes plain
	doc := parseHTML(t, `<html><head><title>Why the mayor won't run again | City Paper</title>
		<meta property="og:title" content="Why the mayor won't run again">
		<meta property="og:site_name" content="City Paper"></head>
		<body><article><h1>Why the mayor won’t run again</h1><p>Text.</p></article></body></html>`)
	assert.Equal(t, "Why the mayor won’t run again", readMetadata(doc, nil).Title)

	// the h1's markup drops a colon: the metadata's spelling stays
	doc = parseHTML(t, `<html><head><meta property="og:title" content="Storm season: what to expect">
		</head><body><article><h1><span>Storm season</span> <span>what to expect</span></h1></article></body></html>`)
	assert.Equal(t, "Storm season: what to expect", readMetadata(doc, nil).Title)

	assert.True(t, onlyQuotesDiffer(`say "no"`, "say „no“"))
	assert.False(t, onlyQuotesDiffer(`say "no"`, `say "no"`))
	assert.False(t, onlyQuotesDiffer("Metroid, One", "Metroid , One"))
}

func TestTitleKickerInMetadata(t *testing.T) {
	// the metadata carries the kicker, the h1 shows the headline alone
	doc := parseHTML(t, `<html><head><title>Climate: Drilling until it gets hot | Weekly</title>
		<meta property="og:title" content="Climate: Drilling until it gets hot">
		<meta property="og:site_name" content="Weekly"></head>
		<body><article><div class="topic">Climate</div><h1>Drilling until it gets hot</h1></article></body></html>`)
	assert.Equal(t, "Drilling until it gets hot", readMetadata(doc, nil).Title)

	// a kicker inside the h1, set apart by a hidden colon, is the title's
	doc = parseHTML(t, `<html><head><meta property="og:title" content="Draft law: A little progress">
		</head><body><article><h1><span class="headline-kicker">Draft law</span><span class="is-hidden">: </span>
		<span class="headline-title">A little progress</span></h1></article></body></html>`)
	assert.Equal(t, "Draft law: A little progress", readMetadata(doc, nil).Title)

	// an h1 that names the site is no headline
	doc = parseHTML(t, `<html><head><title>Office 365 – Notes, part three | Jane's Blog</title>
		<meta property="og:site_name" content="Jane's Blog"></head>
		<body><header><h1>Jane's Blog</h1></header><article><p>Text.</p></article></body></html>`)
	assert.Equal(t, "Office 365 – Notes, part three", readMetadata(doc, nil).Title)

	assert.True(t, partIsHeadline("Climate: Drilling until it gets hot", titleKey("Drilling until it gets hot"), true))
	assert.True(t, partIsHeadline("Climate: Drilling until it gets hot - Weekly", titleKey("Drilling until it gets hot"), true))
	assert.True(t, partIsHeadline("Section | Big news today | Site", titleKey("Big news today"), false))
	assert.False(t, partIsHeadline("Section | Big news today | Site", titleKey("Big news today"), true))
	assert.False(t, partIsHeadline("Big news today", titleKey("Big news today"), false))
	assert.False(t, partIsHeadline("Anti-Brexit protest grows", titleKey("Brexit protest grows"), false))
}

func TestTitleKickerGluedInHeading(t *testing.T) {
	// kicker and headline in one heading without punctuation: the
	// og:title names the headline
	doc := parseHTML(t, `<html><head><meta property="og:title" content="Judy Lybke, not peculiar at all">
		<script type="application/ld+json">{"@type":"NewsArticle","headline":"New School: Judy Lybke, not peculiar at all"}</script>
		</head><body><nav><h1>New School: Judy Lybke, not peculiar at all</h1></nav>
		<article><h2><span class="article__kicker">New School</span>
		<span class="article__headline">Judy Lybke, not peculiar at all</span></h2></article></body></html>`)
	assert.Equal(t, "Judy Lybke, not peculiar at all", readMetadata(doc, nil).Title)

	// a heading equal to the candidate is no kicker
	assert.Equal(t, "", kickerGlued(titleKey("Judy Lybke, not peculiar at all"), []string{"Judy Lybke, not peculiar at all"}))
	// a short candidate is too weak a match
	assert.Equal(t, "", kickerGlued(titleKey("Weather report Sunny"), []string{"Sunny"}))
}

func TestTitleBreadcrumbH1(t *testing.T) {
	// the h1 closes a breadcrumb trail; the headline is a heading below
	page := `<html><head><title>EPI: Europe can beat Paypal | Magazine</title>
		<meta property="og:title" content="Instead of Paypal: How Europe's new payment system could win">
		<script type="application/ld+json">{"@type":"NewsArticle","headline":"EPI: Europe can beat Paypal"}</script>
		</head><body><ul class="site-breadcrumb"><li><a href="/">Business</a></li><li><a href="/money">Money</a></li>
		<li>%s</li></ul>
		<article><h2><span class="title__kicker">Payments</span>
		<span class="title__headline">Instead of Paypal: How Europe's new payment system could win</span></h2></article></body></html>`
	doc := parseHTML(t, strings.Replace(page, "%s", `<h1>EPI: Europe can beat Paypal</h1>`, 1))
	assert.Equal(t, "Instead of Paypal: How Europe's new payment system could win", readMetadata(doc, nil).Title)

	// a "breadcrumb" class on a teaser that holds no trail of links
	doc = parseHTML(t, `<html><head><meta property="og:title" content="Parish auction: How it went">
		<title>How the auction went | City News</title><meta property="og:site_name" content="City News"></head><body><div class="teaser-breadcrumb"><span>Free until 7 pm</span><h1>How the auction went</h1></div>
		<p>Text.</p></body></html>`)
	assert.Equal(t, "How the auction went", readMetadata(doc, nil).Title)
}

func TestTitleShownH1(t *testing.T) {
	page := func(head, body string) string {
		return `<html><head><title>Brexit: war of nerves enters next round</title>
			<meta property="og:title" content="Brexit: war of nerves enters next round">
			<meta property="og:site_name" content="Daily">` + head + `</head><body>` + body + `</body></html>`
	}
	// the page's only h1 words the headline otherwise: the reader sees it
	doc := parseHTML(t, page("", `<article><h1>The war of nerves over Brexit enters the next round</h1>
		<p>Text.</p></article>`))
	assert.Equal(t, "The war of nerves over Brexit enters the next round", readMetadata(doc, nil).Title)

	cases := []struct{ name, body string }{
		{"a section label sharing no word", `<h1>Information and Resources</h1><article><p>Text.</p></article>`},
		{"another h1, in a sidebar", `<article><h1>The war of nerves over Brexit enters the next round</h1>
			<p>Text.</p></article><aside><h1>Brexit newsletter</h1></aside>`},
		{"a heading shows the metadata's title", `<h1>Brexit news and analysis</h1><article>
			<h2>Brexit: war of nerves enters next round</h2><p>Text.</p></article>`},
		{"the title with a subtitle glued on", `<article><h1>Brexit: war of nerves enters next round
			<small>What happens on Monday</small></h1><p>Text.</p></article>`},
	}
	for _, c := range cases {
		doc := parseHTML(t, page("", c.body))
		assert.Equal(t, "Brexit: war of nerves enters next round", readMetadata(doc, nil).Title, c.name)
	}
	// an h1 far above the story heads the site
	long := strings.Repeat("A paragraph of the story, long enough to count as the body of the article. ", 3)
	doc = parseHTML(t, page("", `<h1>The war of nerves over Brexit enters the next round</h1>`+
		strings.Repeat("<div><span>menu</span></div>", 300)+`<article><p>`+long+`</p></article>`))
	assert.Equal(t, "Brexit: war of nerves enters next round", readMetadata(doc, nil).Title)
	doc = parseHTML(t, page("", `<h1>The war of nerves over Brexit enters the next round</h1>`+
		strings.Repeat("<div><span>menu</span></div>", 10)+`<article><p>`+long+`</p></article>`))
	assert.Equal(t, "The war of nerves over Brexit enters the next round", readMetadata(doc, nil).Title)

	// a blog's name in the h1, the post's in the title
	doc = parseHTML(t, `<html><head><title>Interning of small integers | Four Years Remaining</title></head>
		<body><header><h1>Four Years Remaining</h1></header><article><h2>Interning of small integers</h2>
		<p>Text.</p></article></body></html>`)
	assert.Equal(t, "Interning of small integers", readMetadata(doc, nil).Title)
}

func TestTitleHeadingConfirms(t *testing.T) {
	// no h1 confirms a candidate; a heading shows the og:title
	doc := parseHTML(t, `<html><head><title>Company pensions (bAV) - when do they pay? - Money Tips</title>
		<meta property="og:title" content="Saving for retirement with your boss's help">
		<meta property="og:site_name" content="Money Tips"></head>
		<body><h1>Company pensions</h1><article><h2>Saving for retirement with your boss’s help</h2>
		<p>Text.</p><h2>In this guide</h2></article></body></html>`)
	assert.Equal(t, "Saving for retirement with your boss’s help", readMetadata(doc, nil).Title)

	// a short heading ("Contact") repeating a short candidate proves little
	in := titleInputs{candidates: []string{"News"}, titleTag: "Big storm hits the coast | News",
		headings: []string{"News"}, h1s: []string{"Big storm hits the coast"}}
	assert.Equal(t, "Big storm hits the coast", chooseTitle(in))
}

func TestStripGluedSite(t *testing.T) {
	sites := siteKeys([]string{"phpspot開発日誌", "한국일보"})
	cases := []struct{ in, want string }{
		{"武汉的声音：有英勇的你，才有英雄的城！-新华网", "武汉的声音：有英勇的你，才有英雄的城！"},
		{"这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报", "这个约会软件，想用你和对方的相似好恶来帮你找对象"},
		{"マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌", "マインドマップ風のツリーを描画できる「Treeviz」"},
		{"장동혁, 한동훈 제명했지만 부담 커졌다-정치ㅣ한국일보", "장동혁, 한동훈 제명했지만 부담 커졌다"},
		// what must stay
		{"武汉的声音：有英勇的你", "武汉的声音：有英勇的你"},             // a kicker colon, not a site
		{"JVNDB-2018-013542", "JVNDB-2018-013542"}, // an identifier
		{"Covid-19 vaccines reach the villages", "Covid-19 vaccines reach the villages"},
		{"蔡健雅_百度百科", "蔡健雅_百度百科"}, // the head is too short to tell
	}
	for _, c := range cases {
		assert.Equal(t, c.want, stripSiteKeys(c.in, sites), c.in)
	}
}

func TestTitleKickerGluedInH1(t *testing.T) {
	// the h1 sets a kicker before the headline; the JSON-LD headline has
	// the headline alone, the og:title both
	doc := parseHTML(t, `<html><head><meta property="og:title" content="Patch Notes - Patchnotes 4.47 - Equinox Bugfix Build">
		<script type="application/ld+json">{"@type":"Article","headline":"Patchnotes 4.47 - Equinox Bugfix Build"}</script>
		</head><body><article><h1><span class="prefix">Patch Notes</span> Patchnotes 4.47 - Equinox Bugfix Build</h1>
		<p>Text.</p></article></body></html>`)
	assert.Equal(t, "Patchnotes 4.47 - Equinox Bugfix Build", readMetadata(doc, nil).Title)
}
