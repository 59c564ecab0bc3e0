package declutter

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The readability pass often starts the body below the headline block, so
// the standfirst (the lead paragraph under the headline) is lost. These
// functions find it in the page before the pass and put it back after.

// leadClass matches the class or id of standfirst containers.
var leadClass = regexp.MustCompile(`(?i)(^|[\s_-])(lead|leadin|intro|standfirst|strapline|teaser|summary|dek|deck|subtitle|sub-title|subheadline|subhead|excerpt|abstract|description|kicker-text|article-lede|lede)([\s_-]|$)`)

// leadWords are leadClass's words, for isLeadName.
var leadWords = []string{"lead", "leadin", "intro", "standfirst", "strapline", "teaser", "summary", "dek", "deck", "subtitle", "sub-title", "subheadline", "subhead", "excerpt", "abstract", "description", "kicker-text", "article-lede", "lede"}

// isLeadName is leadClass.MatchString(name) without the regexp machinery
// for ASCII names. Other names go to leadClass: (?i) folds some non-ASCII
// letters into ASCII ones (the Kelvin sign into k, long s into s).
func isLeadName(name string) bool {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return leadClass.MatchString(name)
		}
	}
	for i := 0; i < len(name); i++ {
		if i > 0 && !isLeadSeparator(name[i-1]) {
			continue
		}
		for _, w := range leadWords {
			end := i + len(w)
			if end <= len(name) && strings.EqualFold(name[i:end], w) && (end == len(name) || isLeadSeparator(name[end])) {
				return true
			}
		}
	}
	return false
}

// isLeadSeparator is leadClass's [\s_-]; \s is [\t\n\f\r ] in RE2.
func isLeadSeparator(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\f', '\r', '_', '-':
		return true
	}
	return false
}

const (
	minLeadChars  = 40
	maxLeadChars  = 1200
	leadLookahead = 40 // elements examined after the headline
)

// findStandfirst returns the text of the standfirst that follows the page's
// main headline, or "" when there is none to trust.
func findStandfirst(doc *html.Node, st *textStats, title string) string {
	h1 := mainHeading(doc, title)
	if h1 == nil {
		return ""
	}
	region := h1.Parent
	if region != nil && region.Parent != nil && region.Data != "article" && region.Data != "body" {
		region = region.Parent
	}
	seen := 0
	for n := nextSkipping(h1, region, true); n != nil && seen < leadLookahead; {
		if n.Type != html.ElementNode {
			n = nextSkipping(n, region, false)
			continue
		}
		seen++
		switch n.Data {
		case "figure", "figcaption", "nav", "aside", "form", "time", "address", "ul", "ol", "table", "button",
			"blockquote", "details", "dialog", "footer", "cite":
			n = nextSkipping(n, region, true)
			continue
		}
		if notLead(n) && !holdsLeadBlock(n) {
			n = nextSkipping(n, region, true)
			continue
		}
		switch n.Data {
		case "h2", "h3", "h4", "h5", "h6":
			if !isLeadBlock(n) && st.linkDensity(n) >= 0.5 {
				return "" // a linked headline: what follows is another story's teaser
			}
		}
		chars := st.chars(n)
		classy := isLeadBlock(n)
		if (classy || n.Data == "p") && chars >= minLeadChars && chars <= maxLeadChars && st.linkDensity(n) < 0.2 {
			if text := st.text(n); !reNotLeadText.MatchString(text) {
				return text
			}
			n = nextSkipping(n, region, true) // a byline or a notice: the dek may follow
			continue
		}
		if n.Data == "p" && chars >= minLeadChars {
			return "" // a long paragraph: the body has begun
		}
		n = nextSkipping(n, region, false)
	}
	return ""
}

// isLeadBlock reports whether n is named as a standfirst.
func isLeadBlock(n *html.Node) bool {
	return isLeadName(attrOf(n, "class")) || isLeadName(attrOf(n, "id")) || attrOf(n, "itemprop") == "description"
}

// holdsLeadBlock reports whether a block under n is named as a
// standfirst: then n's own name ("accreditation", "promoted") does not
// rule it out.
func holdsLeadBlock(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && isLeadBlock(d) {
			return true
		}
	}
	return false
}

// reNotLeadName matches the class or id of blocks under a headline that
// are not its standfirst: captions and credits, bylines and date lines,
// media players, author bios, notices, prices and prompts.
var reNotLeadName = regexp.MustCompile(`(?i)caption|credit|image|img|photo|picture|foto|bild|media|video|player|gallery|byline|author|(^|[^a-z])bio([^a-z]|$)|date|timestamp|(^|[\s_-])time([\s_-]|$)|meta|info|signature|submitted|posted|price|cookie|consent|notif|disclosure|affiliate|commission|(^|[\s_-])cta([\s_-]|$)|newsletter|subscri|promo|tooltip|popover|modal|share|social|related|label|sr-only|visually-hidden`)

// notLead reports whether n, under the headline, is a block that does not
// hold the standfirst: named for something else (reNotLeadName), in
// schema.org terms an author, date or caption, or hidden.
func notLead(n *html.Node) bool {
	for _, key := range []string{"class", "id"} {
		if v := attrOf(n, key); v != "" && !isLeadName(v) && reNotLeadName.MatchString(v) {
			return true
		}
	}
	switch attrOf(n, "itemprop") {
	case "author", "creator", "datePublished", "dateModified", "caption", "publisher", "associatedMedia", "image", "video":
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "hidden" || a.Key == "aria-hidden" && a.Val == "true" {
			return true
		}
	}
	style := strings.ToLower(strings.ReplaceAll(attrOf(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// reNotLeadText matches the text of a block under a headline that is not
// its standfirst: a byline or date line, a photo caption's credit, a
// notice about links, cookies or subscriptions, a player's controls.
var reNotLeadText = regexp.MustCompile(`(?i)^(?:by|von|par|por|di|door|written by|posted|published|veröffentlicht|gespeichert von|updated|last updated|aktualisiert|image|photo|foto|bild|credit|fotocredit|pictured)\b|` +
	`^.{0,80}\b(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.?,?\s+\d{4})\b.{0,80}$|` +
	`\b(?:min(?:ute)?s? read|reading time|lesezeit)\b|` +
	`[(\[](?:foto|photo|bild|image|imagen|credit|créditos?|quelle|source)s?\s*:[^)\]]*[)\]]\s*\.?$|` +
	`(?:getty images|wireimage|shutterstock|istock|reuters|afp|dpa|keystone|imago|\bap)\s*\.?$|` +
	`\b(?:image|photo|foto|bild)\s*:\s*\S[^.]{0,60}$|` +
	`\b(?:affiliate|amazon associate|commission|we use cookies|uses cookies|subscribe|subscribing|sign up|click here|video player|is loading)\b`)

// mainHeading returns the h1 that best matches the title, or the first h1.
func mainHeading(doc *html.Node, title string) *html.Node {
	var first *html.Node
	want := normalizeKey(title)
	for n := doc; n != nil; n = nextSkipping(n, doc, false) {
		if n.Type != html.ElementNode || n.Data != "h1" {
			continue
		}
		if want != "" && normalizeKey(collapsedText(n)) == want {
			return n
		}
		if first == nil {
			first = n
		}
	}
	return first
}

// restoreStandfirst puts lead at the top of body unless the body already
// has it.
func restoreStandfirst(body *html.Node, lead string) bool {
	if lead == "" {
		return false
	}
	if holdsLead(body, lead) {
		return false
	}
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: lead})
	top := body
	if c := firstElementChild(body); c != nil && c.Data == "div" && attrOf(c, "id") == "readability-page-1" {
		top = c
	}
	top.InsertBefore(p, top.FirstChild)
	return true
}

// holdsLead reports whether body's text holds the start of lead, case
// and white space aside.
func holdsLead(body *html.Node, lead string) bool {
	probe := normalizeKey(lead)
	if len(probe) > 80 {
		probe = probe[:80]
	}
	// The body's text is folded as it is collapsed (strings.ToLower of
	// collapsedText, which is normalizeKey of it) and searched as it
	// grows, so a lead near the top ends the walk there.
	if probe == "" {
		return true
	}
	want := []byte(probe)
	c := collapser{lower: true}
	checked := 0
	c.afterText = func() {
		from := min(max(0, checked-len(want)+1), len(c.buf))
		if bytes.Contains(c.buf[from:], want) {
			c.done = true
		}
		checked = len(c.buf)
	}
	c.walk(body)
	return c.done
}

// normalizeKey folds case and white space for text comparisons.
func normalizeKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// appendFolded appends normalizeKey(text), cut after limit runes (none
// when limit < 0), to dst, for text whose white space is collapsed already
// (words apart by single spaces, as collapsedText makes it): normalizing
// it only folds case, rune by rune as strings.ToLower does (invalid UTF-8
// becoming U+FFFD). For other text ok is false and what was appended is
// to be ignored.
func appendFolded(dst, text []byte, limit int) (_ []byte, ok bool) {
	runes := 0
	for i := 0; i < len(text); runes++ {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[i:])
		}
		switch {
		case r == ' ':
			if i == 0 || i == len(text)-1 || text[i-1] == ' ' {
				return dst, false
			}
		case r < utf8.RuneSelf && asciiSpace[r], r >= utf8.RuneSelf && unicode.IsSpace(r):
			return dst, false
		}
		if limit < 0 || runes < limit {
			if 'A' <= r && r <= 'Z' {
				dst = append(dst, byte(r)+'a'-'A')
			} else if r < utf8.RuneSelf {
				dst = append(dst, byte(r))
			} else {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
		}
		i += size
	}
	return dst, true
}
