package declutter

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// shownH1 returns the page's only h1 when it words the headline otherwise
// than the metadata's title t ("Der Nervenkrieg um den Brexit geht in
// die nächste Runde" for "Brexit: Nervenkrieg geht in nächste Runde"):
// the h1 is what the reader sees, the metadata often an SEO variant. It
// returns "" when the h1 looks like something else: the site's name, a
// part of a title (a blog's name in "Post | Blog"), the title with a
// kicker, a subtitle or a date glued on, or a label that shares no word with the
// title (webmd's "Information and Resources"); and when a heading shows
// the metadata's title. titles are the plain candidates and <title>.
func shownH1(in titleInputs, h1s []string, t string, titles, sites []string) string {
	if !in.soleH1 || len(h1s) != 1 || t == "" {
		return ""
	}
	h := h1s[0]
	hk, tk := titleKey(h), titleKey(t)
	if hk == tk || len(strings.Fields(h)) < 2 && utf8.RuneCountInString(h) < 10 || isSiteName(h, sites) {
		return ""
	}
	if partIsHeadline(h, tk, false) || len(tk) >= 12 && (strings.HasSuffix(hk, tk) || strings.HasPrefix(hk, tk)) {
		return "" // "Section | Headline", "Kicker Headline", "Headline Subtitle"
	}
	for _, c := range titles {
		if partIsHeadline(c, hk, false) {
			return ""
		}
	}
	for _, x := range in.headings {
		if titleKey(x) == tk {
			return ""
		}
	}
	if len(strings.Fields(t)) > 1 && !sharesWord(h, t) {
		return ""
	}
	return h
}

// sharesWord reports whether a and b have a word in common, ignoring case.
func sharesWord(a, b string) bool {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	words := make(map[string]bool)
	for _, w := range strings.FieldsFunc(strings.ToLower(a), notWord) {
		words[w] = true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(b), notWord) {
		if words[w] {
			return true
		}
	}
	return false
}

// maxHeadlineGap bounds the elements between the headline and the first
// paragraph of the body; an h1 further up heads the site, not the story.
const maxHeadlineGap = 500

// soleH1 reports whether the page has exactly one h1, noise regions and
// breadcrumbs included, and it is no further than maxHeadlineGap
// elements above the body (when the scan found where the body starts).
func (s *pageScan) soleH1() bool {
	return len(s.h1s) == 1 && (s.bodyStart == 0 || s.bodyStart-s.h1s[0].order <= maxHeadlineGap)
}
