package declutter

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Titles: the page's headline without the site name the <title> and
// og:title often carry ("Title | Site", "Site - Title"). The h1 wins when
// it matches a candidate, since it is what the reader sees.

var reTitleSep = regexp.MustCompile(`\s+[|\-–—:·•»/~*]{1,2}\s+|\s*[|·•»｜：]\s*`)

// titleInputs are the candidates chooseTitle decides between.
type titleInputs struct {
	candidates []string // in priority order: JSON-LD, og, twitter, meta, <title>
	titleTag   string
	h1s        []string
	headings   []string // h2 and h3 outside noise regions: a blog's post title
	siteNames  []string
}

// chooseTitle picks the article's title. A candidate the h1 confirms
// wins (in the candidate's own spelling: metadata keeps the punctuation
// the h1's markup often mangles); then an h1 that starts a candidate
// whose site suffix is unknown; then the first candidate.
func chooseTitle(in titleInputs) string {
	type cand struct{ text, raw, clean string }
	var cands []cand
	for _, c := range append(append([]string(nil), in.candidates...), in.titleTag) {
		c = metaPlain(c)
		if s := stripSiteName(c, in.siteNames); s != "" {
			cands = append(cands, cand{s, titleKey(c), titleKey(s)})
		}
	}
	var h1s []string
	for _, h := range in.h1s {
		if h = metaPlain(h); len(titleKey(h)) >= 3 {
			h1s = append(h1s, h)
		}
	}
	for _, h := range h1s {
		for _, c := range cands {
			if c.clean == titleKey(h) {
				return c.text
			}
		}
	}
	// "Post | Blog" or "Blog | Post" where a heading names the post
	// (the longer part when headings name both: a post outgrows its blog)
	if t := partNamedByHeading(in, append(append([]string(nil), h1s...), in.headings...)); t != "" {
		return t
	}
	for _, h := range h1s {
		k := titleKey(h)
		long := len(strings.Fields(h)) >= 3 || utf8.RuneCountInString(k) >= 12
		for _, c := range cands {
			// "Headline - Some Blog" where the blog's name is unknown, and
			// "Kicker: Headline" where the h1 shows the kicker apart
			if long && (strings.HasPrefix(c.raw, k)) {
				return h
			}
		}
	}
	for _, c := range in.candidates {
		if c = stripSiteName(metaPlain(c), in.siteNames); c != "" {
			return c
		}
	}
	t := stripSiteName(metaPlain(in.titleTag), in.siteNames)
	if t == metaPlain(in.titleTag) {
		t = stripUnknownSite(t)
	}
	if t == "" && len(h1s) > 0 {
		t = h1s[0]
	}
	return t
}

// partNamedByHeading returns the part of the <title> or og:title,
// split at its separators, that a heading repeats: the post's title
// when the rest is the site's name.
func partNamedByHeading(in titleInputs, headings []string) string {
	if len(headings) == 0 {
		return ""
	}
	keys := make(map[string]string, len(headings))
	for _, h := range headings {
		if k := titleKey(h); utf8.RuneCountInString(k) >= 6 {
			keys[k] = h
		}
	}
	best := ""
	for _, t := range append([]string{metaPlain(in.titleTag)}, in.candidates...) {
		t = metaPlain(t)
		locs := reTitleSep.FindAllStringIndex(t, -1)
		if len(locs) == 0 {
			continue
		}
		prev := 0
		for i := 0; i <= len(locs); i++ {
			end := len(t)
			if i < len(locs) {
				end = locs[i][0]
			}
			part := strings.TrimSpace(t[prev:end])
			if i < len(locs) {
				prev = locs[i][1]
			}
			if _, ok := keys[titleKey(part)]; ok && !isSiteName(part, in.siteNames) &&
				utf8.RuneCountInString(part) > utf8.RuneCountInString(best) {
				best = part
			}
		}
	}
	return best
}

// stripSiteName removes a leading or trailing part that names the site.
func stripSiteName(t string, siteNames []string) string {
	if t == "" || len(siteNames) == 0 {
		return t
	}
	for i := 0; i < 2; i++ {
		locs := reTitleSep.FindAllStringIndex(t, -1)
		if len(locs) == 0 {
			break
		}
		first, last := locs[0], locs[len(locs)-1]
		switch {
		case isSiteName(t[last[1]:], siteNames):
			t = strings.TrimSpace(t[:last[0]])
		case isSiteName(t[:first[0]], siteNames):
			t = strings.TrimSpace(t[first[1]:])
		default:
			return t
		}
	}
	return t
}

// stripUnknownSite drops a short trailing part after the last separator
// of a <title> when the site's name is not known: "A long headline here |
// Blog". The head must be clearly longer, so a headline with a dash in it
// stays whole.
func stripUnknownSite(t string) string {
	locs := reTitleSep.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return t
	}
	last := locs[len(locs)-1]
	head, tail := strings.TrimSpace(t[:last[0]]), strings.TrimSpace(t[last[1]:])
	if len(strings.Fields(head)) >= 4 && len(strings.Fields(tail)) <= 4 && len(tail) < len(head)/2 {
		return head
	}
	return t
}

// isSiteName reports whether part names the site: equal to a known name,
// or equal to a domain label, ignoring case, spaces and punctuation.
func isSiteName(part string, siteNames []string) bool {
	k := titleKey(part)
	if k == "" {
		return false
	}
	for _, s := range siteNames {
		sk := titleKey(s)
		if sk == "" {
			continue
		}
		if k == sk || (len(sk) >= 3 && strings.HasPrefix(k, sk) && len(k)-len(sk) <= 4) {
			return true
		}
	}
	return false
}

// titleKey folds case and drops everything but letters and digits, so
// "The Site" and "thesite.com" compare the same way.
func titleKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(b.String(), "com"), "org"), "net")
}

// domainNames returns the host and its labels ("nytimes" for
// www.nytimes.com, "timesofindia" for timesofindia.indiatimes.com) as
// site-name guesses for titles.
func domainNames(u *url.URL) []string {
	if u == nil || u.Hostname() == "" {
		return nil
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	labels := strings.Split(host, ".")
	out := []string{host}
	for i, l := range labels {
		if i == len(labels)-1 || len(l) < 3 || genericLabels[l] {
			continue // the TLD, "co" of co.uk, www, m, news ...
		}
		out = append(out, l)
	}
	return out
}

var genericLabels = map[string]bool{"www": true, "com": true, "org": true, "net": true, "news": true, "blog": true,
	"blogs": true, "amp": true, "mobile": true, "edition": true, "web": true, "online": true}
