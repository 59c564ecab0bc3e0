package declutter

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The readability pass sometimes settles on the wrong container: a list of
// signatures instead of the letter above it, a sidebar instead of a short
// story. recoverBody cross-checks its choice against the page's prose
// paragraphs and, when the body holds too little of them, takes the
// container that holds the most prose instead.

const (
	proseMinChars    = 80   // a paragraph shorter than this is not counted
	proseMaxLinkDens = 0.25 // nor one that is mostly links
	proseMinTotal    = 400  // pages with less prose are left alone
	proseKeptShare   = 0.3  // the body must hold at least this share
	proseClimb       = 4    // ancestors credited with a paragraph's prose
	proseWinFactor   = 2.5  // the new container must hold this much more
	proseKeyLen      = 60   // paragraph identity: its first characters
)

// unlikelyProse lists words in the class and id names of regions whose
// paragraphs are not the article's (the cues the readability pass uses).
var unlikelyProse = []string{"comment", "disqus", "footer", "sidebar", "related", "remark", "replies", "sponsor", "promo", "newsletter", "subscribe", "cookie", "consent", "modal", "popup", "teaser-list", "recommend", "legend", "gallery", "slideshow", "carousel", "caption", "share", "social"}

// recoverBody returns a better body container found in doc, or nil when
// the readability result holds enough of the page's prose.
func recoverBody(doc, body *html.Node) *html.Node {
	inBody := make(map[string]bool)
	for n := range body.Descendants() {
		if n.Type == html.ElementNode && n.Data == "p" {
			inBody[proseKey(n)] = true
		}
	}
	credit := make(map[*html.Node]int)
	total, kept := 0, 0
	var best *html.Node
	for n := doc; n != nil; {
		next := nextSkipping(n, doc, false)
		if n.Type == html.ElementNode {
			if skipText(n) || unlikelyRegion(n) {
				next = nextSkipping(n, doc, true)
			} else if n.Data == "p" {
				chars, isKept := proseChars(n, inBody)
				total += chars
				if isKept {
					kept += chars
				}
				best = creditAncestors(n, chars, credit, best)
			}
		}
		n = next
	}
	if total < proseMinTotal || float64(kept) >= proseKeptShare*float64(total) || best == nil {
		return nil
	}
	// The new container must hold far more prose than the body holds text
	// of any kind, so a long body whose paragraphs were merely reshaped by
	// the readability pass is never swapped for a smaller one.
	if float64(credit[best]) < proseWinFactor*float64(collapsedLen(collapsedText(body))) {
		return nil
	}
	return best
}

// proseChars returns the length of paragraph p if it counts as prose, and
// whether the body already holds it.
func proseChars(p *html.Node, inBody map[string]bool) (int, bool) {
	text := collapsedText(p)
	chars := collapsedLen(text)
	if chars < proseMinChars || linkShare(p, chars) > proseMaxLinkDens {
		return 0, false
	}
	return chars, inBody[keyOf(text)]
}

// creditAncestors credits p's nearest ancestors with its prose and returns
// the best-credited container so far.
func creditAncestors(p *html.Node, chars int, credit map[*html.Node]int, best *html.Node) *html.Node {
	if chars == 0 {
		return best
	}
	a := p.Parent
	for i := 0; i < proseClimb && a != nil && a.Type == html.ElementNode && a.Data != "body"; i++ {
		credit[a] += chars
		if best == nil || credit[a] > credit[best] {
			best = a
		}
		a = a.Parent
	}
	return best
}

func unlikelyRegion(n *html.Node) bool {
	switch n.Data {
	case "nav", "aside", "footer", "header", "form":
		return true
	}
	names := attrOf(n, "class") + " " + attrOf(n, "id")
	if len(names) == 1 {
		return false
	}
	names = strings.ToLower(names)
	for _, w := range unlikelyProse {
		if strings.Contains(names, w) {
			return true
		}
	}
	return false
}

func linkShare(n *html.Node, chars int) float64 {
	if chars == 0 {
		return 0
	}
	links := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.Data == "a" {
			links += collapsedLen(collapsedText(d))
		}
	}
	return float64(links) / float64(chars)
}

func proseKey(p *html.Node) string { return keyOf(collapsedText(p)) }

func keyOf(text string) string {
	if len(text) > 4*proseKeyLen {
		// Only the start matters; cut at a rune boundary before folding.
		cut := 4 * proseKeyLen
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	k := normalizeKey(text)
	if r := []rune(k); len(r) > proseKeyLen {
		k = string(r[:proseKeyLen])
	}
	return k
}
