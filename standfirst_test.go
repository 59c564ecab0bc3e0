package declutter

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestAppendFolded(t *testing.T) {
	for _, s := range randomTexts() {
		for _, text := range []string{s, strings.Join(strings.Fields(s), " ")} {
			got, ok := appendFolded([]byte("x"), []byte(text), -1)
			if text == strings.Join(strings.Fields(text), " ") && !ok {
				t.Fatalf("appendFolded(%q) refused collapsed text", text)
			}
			if ok && string(got[1:]) != normalizeKey(text) {
				t.Fatalf("appendFolded(%q) = %q, want %q", text, got[1:], normalizeKey(text))
			}
		}
	}
}

// TestHoldsLead checks holdsLead against its definition on the testdata
// pages, with leads taken from their own paragraphs and from elsewhere.
func TestHoldsLead(t *testing.T) {
	definition := func(body *html.Node, lead string) bool {
		probe := normalizeKey(lead)
		if len(probe) > 80 {
			probe = probe[:80]
		}
		return strings.Contains(normalizeKey(collapsedText(body)), probe)
	}
	held := 0
	pages := savedPages(t)
	for i, raw := range pages {
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		leads := []string{"not in any page, surely", "  ÄÖÜ ẞ \u212A  "}
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && (n.Data == "p" || n.Data == "h2") && len(leads) < 12 {
				leads = append(leads, strings.ToUpper(collapsedText(n)), "  "+collapsedText(n)+"\n")
			}
		}
		other, _ := html.Parse(bytes.NewReader(pages[(i+1)%len(pages)]))
		for _, body := range []*html.Node{doc, other} {
			for _, lead := range leads {
				want := definition(body, lead)
				if got := holdsLead(body, lead); got != want {
					t.Fatalf("holdsLead(%.80q) = %v, want %v", lead, got, want)
				}
				if want {
					held++
				}
			}
		}
	}
	if held == 0 {
		t.Fatal("no lead was found in its page: the test checks nothing")
	}
}

func TestIsLeadName(t *testing.T) {
	pieces := []string{"lead", "LEAD", "Lede", "in", "sub", "-", "_", " ", "\t", "\v", "\n", "title", "head", "line", "article", "kicker", "text", "x", "teaser", "ſummary", "\u212Aicker-text", "dek", "deck", "é", "description", "summaryx"}
	names := []string{"", "lead", "x-lead", "leadx", "sub-title", "sub_title", "article-lede", "kicker-text", "kicker_text", "teaser\vx", "ſummary", "\u212Aicker-text"}
	for _, raw := range savedPages(t) {
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			names = append(names, attrOf(n, "class"), attrOf(n, "id"))
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		names = append(names, b.String())
	}
	matched := 0
	for _, name := range names {
		want := leadClass.MatchString(name)
		if got := isLeadName(name); got != want {
			t.Fatalf("isLeadName(%q) = %v, want %v", name, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 100 {
		t.Fatalf("only %d names matched: the test checks too little", matched)
	}
}

// leadPage is a page whose headline is followed by block and then the
// story's first paragraph.
func leadPage(block string) string {
	return `<!DOCTYPE html><html><head><title>Storms sweep across the plains</title></head><body><article>
<h1>Storms sweep across the plains</h1>` + block + `
<p>Forecasters warned on Thursday that a line of severe storms would move east across Kansas, Nebraska and Oklahoma overnight, bringing hail the size of golf balls, winds of up to 80 miles an hour and the risk of tornadoes to towns that were hit hard only last spring.</p>
</article></body></html>`
}

func standfirstOf(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return findStandfirst(doc, newTextStats(doc), "Storms sweep across the plains")
}

// TestStandfirstRefusesJunk holds what findStandfirst found under
// headlines in the corpora and must not restore as the dek: a photo
// caption, a byline or date line, a video description, a UI string or
// notice, another story's teaser.
func TestStandfirstRefusesJunk(t *testing.T) {
	for name, block := range map[string]string{
		"caption in an image widget": `<div class="image_image-widget__LYZT4"><img src="a.jpg"><p>Pictured right, is reader Nicole Bresler speaking to a romance novelist at the bookshop on the waterfront.</p></div>`,
		"credit line":                `<div><p>Image: eThekwini Municipality / Facebook page of the city</p></div>`,
		"caption class":              `<p class="caption">Le chlorothalonil est utilisé dans la culture des céréales depuis cinquante ans. Image: Keystone</p>`,
		"caption ending in a credit": `<p>Taylor Kinney and Lady Gaga arrive at the Kennedy Center Honors on Dec. 7, 2014, in Washington, D.C. Paul Morigi/WireImage</p>`,
		"photo credit in brackets":   `<p>La mujer quiso impedir la detención de su hijo en el mercado central. (Foto: Archivo/Soy502)</p>`,
		"byline paragraph":           `<p class="byline">By Takeo Maeda and Tatsuya Tanoue / Yomiuri Shimbun Staff Writers</p>`,
		"byline without a class":     `<p>Von Claudia Riedler 19. Oktober 2019 00:04 Uhr, Redaktion Politik</p>`,
		"date line":                  `<p>Published: Mar 8, 2024 · Modified: May 19, 2025 by Jessica Robinson · This post may contain affiliate links</p>`,
		"date and reading time":      `<div class="blog-header"><p>February 4 2026 - Average reading time: 12 min</p></div>`,
		"signature line":             `<p class="bloc_signature">Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger</p>`,
		"video description":          `<div class="video"><div class="caption"><p>The Heritage Foundation's Michael Pillsbury discusses China rebuffing efforts to restart talks on 'Fox News Live.'</p></div></div>`,
		"video player UI":            `<div><p>Video Player is loading. Play Video Play Unmute Current Time 0:00 / Duration 0:00 Loaded: 0%</p></div>`,
		"affiliate notice":           `<p>As an Amazon Associate, I earn from qualifying purchases made through the links in this post.</p>`,
		"newsletter pitch":           `<p>cron.weekly is a newsletter about Linux and open source. Want to get it in your inbox every Sunday? Subscribe below!</p>`,
		"cookie notice":              `<div class="ccc-notify-text"><p>We use cookies to optimise site functionality and give you the best possible experience.</p></div>`,
		"author bio":                 `<div class="authorPopover__bio"><p>Meegan Hall is the site's Senior Editor and Social Media Director, with a background in writing.</p></div>`,
		"hidden block":               `<div aria-hidden="true"><p>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor.</p></div>`,
		"notice in a quote":          `<blockquote><p>These docs are old and won’t be updated. Go to the new site for the current docs.</p></blockquote>`,
		"another story's teaser":     `<div class="more"><h3><a href="/travel/hotel-secrets">Hotel secrets</a></h3><p>Hotel bosses spill the beans on cost cutting and horrible hygiene in their kitchens.</p></div>`,
	} {
		t.Run(name, func(t *testing.T) {
			got := standfirstOf(t, leadPage(block))
			if got != "" && !strings.HasPrefix(got, "Forecasters warned") {
				t.Errorf("standfirst = %q, want none", got)
			}
		})
	}
}

// TestStandfirstKeepsDeks holds real deks from the corpora (shortened):
// findStandfirst returns them, also after a byline line.
func TestStandfirstKeepsDeks(t *testing.T) {
	for name, c := range map[string]struct{ block, dek string }{
		"paragraph":             {`<p>Strong tornadoes are possible across the central states both Friday and Saturday</p>`, "Strong tornadoes are possible"},
		"date without a year":   {`<p>Deutsches Parlament beschließt nationalen Gedenktag für Bundeswehr-Veteranen am 15. Juni</p>`, "Deutsches Parlament beschließt"},
		"teaser-named dek":      {`<section class="ArticleModuleTeaser_wrapper"><p class="ArticleItemTeaserText_text">Kein Homeoffice, kein Auto. Inzwischen werden die ÖPNV-Streiks für einige Berufsgruppen zum existenziellen Problem.</p></section>`, "Kein Homeoffice"},
		"strapline":             {`<div class="headline_details"><p class="strapline">After testing literally hundreds of mice, these are our favourites.</p></div>`, "After testing literally"},
		"subheading":            {`<p class="comp article-subheading mntl-text-block">Here's how to make your to-do list a bit more manageable.</p>`, "to-do list"},
		"quote as a dek":        {`<p>"Ayer perdí completamente el respeto por él", dice sobre el británico en el GP de Azerbayán 2023.</p>`, "Ayer perdí"},
		"after a short heading": {`<h2 class="epigraph">Los Gallardos</h2><div class="subtitles"><h2 class="subtitle dot">La Junta de Andalucía eleva a 4.000 el número de hectáreas afectadas</h2></div>`, "La Junta de Andalucía"},
		"after a hidden heading and the author line": {`<h2 class="conHeadline hidden">Hauptinhalt</h2><div class="articleMeta"><p class="author">von David Straub, MDR THÜRINGEN</p><p class="webtime">Stand: 28. April 2023, 05:00 Uhr</p></div><p class="einleitung">Beim Fleischkonsum gehört Thüringen zu den Spitzenreitern - doch geschlachtet werden immer weniger Tiere.</p>`, "Beim Fleischkonsum"},
		"title of a teaser module":                   {`<section class="ArticleModuleTeaser_wrapper"><h2 class="ArticleModuleTeaser_title">Evangelische Kirche: Landeskirche will Missbrauch aufarbeiten</h2><p class="ArticleModuleTeaser_teaserText">In Coburg hat die Landessynode der evangelischen Kirche in Bayern begonnen.</p></section>`, "In Coburg hat"},
		"a newsletter's dek":                         {`<p class="subtitle">5-steps to build your AI-powered newsletter system</p>`, "5-steps to build"},
		"dek after the byline":                       {`<p class="byline">By Jane Roe, Staff Writer</p><p class="standfirst">Farmers count the cost after a second night of hail flattened the winter wheat.</p>`, "Farmers count the cost"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := standfirstOf(t, leadPage(c.block)); !strings.Contains(got, c.dek) {
				t.Errorf("standfirst = %q, want %q…", got, c.dek)
			}
		})
	}
}
