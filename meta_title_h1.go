package declutter

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// How the page's h1 and the metadata titles relate when they do not
// simply agree.

// typographicQuote reports whether r is a quotation mark, apostrophe or
// dash: the characters the metadata often writes plain (' " -) where the
// headline on the page has them typeset (’ „ “ –).
func typographicQuote(r rune) bool {
	switch r {
	case '\'', '"', '-', '`', '´', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '«', '»', '‹', '›', '–', '—', '′', '″':
		return true
	}
	return false
}

// onlyQuotesDiffer reports whether a and b differ, and only in which
// quotation marks, apostrophes and dashes they use, one for one.
func onlyQuotesDiffer(a, b string) bool {
	if a == b || utf8.RuneCountInString(a) != utf8.RuneCountInString(b) {
		return false
	}
	for _, ra := range a {
		rb, size := utf8.DecodeRuneInString(b)
		b = b[size:]
		if ra != rb && !(typographicQuote(ra) && typographicQuote(rb)) {
			return false
		}
	}
	return true
}

// reTitlePart matches what separates the parts of a title: reTitleSep's
// separators and a colon before a space ("Kicker: Headline").
var reTitlePart = regexp.MustCompile(reTitleSep.String() + `|:\s+`)

// partIsHeadline reports whether the plain title t is made of the
// headline whose titleKey is hk and something else, each a whole part
// between separators: "Kicker: Headline", "Headline - Blog", "Section |
// Headline | Site". With afterColon, the headline must follow a colon:
// "Kicker: Headline", "Kicker: Headline - Site".
func partIsHeadline(t, hk string, afterColon bool) bool {
	if !strings.ContainsAny(t, "|-–—:·•»/~*｜：") {
		return false
	}
	locs := reTitlePart.FindAllStringIndex(t, -1)
	// starts and ends of the parts, in t
	starts, ends := []int{0}, []int{}
	for _, l := range locs {
		ends = append(ends, l[0])
		starts = append(starts, l[1])
	}
	ends = append(ends, len(t))
	for i, s := range starts {
		if afterColon && (i == 0 || !strings.ContainsAny(t[locs[i-1][0]:s], ":：")) {
			continue
		}
		for j := i; j < len(ends); j++ {
			if (i > 0 || j < len(ends)-1) && ends[j] > s && titleKey(t[s:ends[j]]) == hk {
				return true
			}
		}
	}
	return false
}

// titleH1s returns the text of the first few h1 elements outside noise
// regions and breadcrumb trails, without their kickers (headlineText),
// and each one's whole text, kicker included: a kicker inside the h1
// ("<span class=kicker>Kicker</span><span hidden>: </span>Headline")
// belongs to the title the page gives.
func (s *pageScan) titleH1s() (heads, wholes []string) {
	for _, h := range s.h1s {
		if h.noise || len(heads) == 5 || inBreadcrumb(h.n) {
			continue
		}
		if t := headlineText(h.n); t != "" {
			heads = append(heads, t)
			wholes = append(wholes, metaNodeText(h.n, 1000))
		}
	}
	return heads, wholes
}

// inBreadcrumb reports whether the h1 ends a breadcrumb trail ("Home >
// Politics > <h1>Headline</h1>"), where sites repeat an SEO title in
// small print while the headline the reader sees is a heading below.
func inBreadcrumb(h1 *html.Node) bool {
	if containsASCIIFold(attrOf(h1, "class"), "breadcrumb") {
		return true
	}
	// the links of the trail come before the h1 in the trail's element
	links := 0
	for n, i := h1, 0; i < 5 && n.Parent != nil; n, i = n.Parent, i+1 {
		links += linksBefore(n, 2-links)
		p := n.Parent
		if containsASCIIFold(attrOf(p, "class"), "breadcrumb") || attrOf(p, "itemprop") == "itemListElement" ||
			attrOf(p, "property") == "itemListElement" {
			// a schema.org ListItem holds one step; the others are its
			// earlier siblings
			return links+linksBefore(p, 2-links) >= 2
		}
	}
	return false
}

// linksBefore counts the links in n's earlier siblings, up to limit, and
// looks at no more than a few dozen nodes.
func linksBefore(n *html.Node, limit int) int {
	links, budget := 0, 60
	var count func(*html.Node)
	count = func(c *html.Node) {
		for ; c != nil && links < limit && budget > 0; c = c.NextSibling {
			budget--
			if c.Type != html.ElementNode {
				continue
			}
			if c.Data == "a" {
				links++
				continue
			}
			count(c.FirstChild)
		}
	}
	for c := n.PrevSibling; c != nil && links < limit && budget > 0; c = c.PrevSibling {
		if c.Type == html.ElementNode && c.Data == "a" {
			links++
			budget--
		} else if c.Type == html.ElementNode {
			count(c.FirstChild)
		}
	}
	return links
}

// hasKicker reports whether the h1 whose headline is h holds a kicker.
func hasKicker(in titleInputs, h string) bool {
	for i, x := range in.h1s {
		if x == h && i < len(in.h1Wholes) {
			return titleKey(in.h1Wholes[i]) != titleKey(h)
		}
	}
	return false
}

// kickerGlued returns the candidate that a heading shows after a kicker
// set apart without punctuation ("Open Future Why thinking beats smarts"
// where the og:title is "Why thinking beats smarts"): the heading's
// titleKey ends with the candidate's, and the candidate is a headline of
// its own (three words or more).
func kickerGlued(hk string, plain []string) string {
	for _, c := range plain {
		ck := titleKey(c)
		if len(ck) >= 12 && len(hk) > len(ck) && strings.HasSuffix(hk, ck) && len(strings.Fields(c)) >= 3 {
			return c
		}
	}
	return ""
}
