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
	h1Wholes   []string // the h1s with their kickers, when h1s has them
	soleH1     bool     // the page has one h1 (noise and breadcrumbs count), near the body
	headings   []string // h2 and h3 outside noise regions: a blog's post title
	siteNames  []string
}

// chooseTitle picks the article's title, trying in order: a candidate
// the h1 gives after a kicker set apart; a candidate the h1 confirms; a
// candidate a heading gives after a kicker or repeats; the part of a
// title a heading names ("Post | Blog"); an h1 that follows a candidate's
// kicker ("Kicker: Headline") or starts one ("Headline - Blog"); then the
// first candidate, unless the page's only h1 words the headline otherwise.
func chooseTitle(in titleInputs) string {
	// site names, candidates and h1s are folded once here: the helpers
	// below compare them many times
	sites := siteKeys(in.siteNames)
	plain := make([]string, len(in.candidates))
	for i, c := range in.candidates {
		plain[i] = metaPlain(c)
	}
	titleTag := metaPlain(in.titleTag)
	titles := append(plain[:len(plain):len(plain)], titleTag)
	var cands []titleCand
	for _, c := range titles {
		if s := stripSiteKeys(c, sites); s != "" {
			cands = append(cands, titleCand{s, titleKey(c), titleKey(s)})
		}
	}
	var h1s, h1Keys []string
	for _, h := range in.h1s {
		if h, k := metaPlainKey(h); len(k) >= 3 {
			h1s, h1Keys = append(h1s, h), append(h1Keys, k)
		}
	}
	// "Kicker Headline" in the h1 where a candidate gives the headline
	// alone: the kicker is set apart on the page
	for _, k := range h1Keys {
		if c := kickerGlued(k, plain); c != "" {
			return c
		}
	}
	if t := confirmedTitle(h1s, h1Keys, cands, 3); t != "" {
		return t
	}
	if len(h1Keys) == 0 {
		for _, h := range in.headings {
			if c := kickerGlued(titleKey(h), plain); c != "" {
				return c
			}
		}
	}
	// a candidate a heading repeats, where no h1 confirms one
	if t := confirmedTitle(in.headings, nil, cands, 6); t != "" {
		return t
	}
	// "Post | Blog" or "Blog | Post" where a heading names the post
	// (the longer part when headings name both: a post outgrows its blog)
	// (the <title> goes through metaPlain twice there, as it always did)
	if t := partNamedByHeading(append([]string{metaPlain(titleTag)}, plain...), sites,
		append(append([]string(nil), h1s...), in.headings...)); t != "" {
		return t
	}
	if h := h1InTitle(in, h1s, h1Keys, titles, cands, sites); h != "" {
		return h
	}
	t := metadataTitle(plain, titleTag, sites)
	if h := shownH1(in, h1s, t, titles, sites); h != "" {
		return h
	}
	if t == "" && len(h1s) > 0 {
		t = h1s[0]
	}
	return t
}

// titleCand is a candidate title without its site name (text), with the
// titleKey of the whole (raw) and of text (clean).
type titleCand struct{ text, raw, clean string }

// confirmedTitle returns the first candidate one of the headings (with
// their titleKeys, computed when nil) repeats, in the candidate's own
// spelling (metadata keeps the punctuation a heading's markup often
// mangles) unless only its quotes differ: the page typesets them
// ("It’s") where metadata often writes them plain. Keys shorter than
// minKey bytes prove nothing.
func confirmedTitle(headings, keys []string, cands []titleCand, minKey int) string {
	for i, h := range headings {
		k := ""
		if keys != nil {
			k = keys[i]
		} else {
			k = titleKey(h)
		}
		if len(k) < minKey {
			continue
		}
		for _, c := range cands {
			if c.clean == k {
				if onlyQuotesDiffer(c.text, h) {
					return h
				}
				return c.text
			}
		}
	}
	return ""
}

// h1InTitle returns the h1 that a title shows after a kicker ("Kicker:
// Headline") or, when long enough, at its start ("Headline - Some Blog"
// where the blog's name is unknown).
func h1InTitle(in titleInputs, h1s, h1Keys, titles []string, cands []titleCand, sites []string) string {
	for i, h := range h1s {
		if len(strings.Fields(h)) < 2 || hasKicker(in, h) || isSiteName(h, sites) {
			continue
		}
		for _, c := range titles {
			if partIsHeadline(c, h1Keys[i], true) {
				return h
			}
		}
	}
	for i, h := range h1s {
		k := h1Keys[i]
		if len(strings.Fields(h)) < 3 && utf8.RuneCountInString(k) < 12 {
			continue
		}
		for _, c := range cands {
			if strings.HasPrefix(c.raw, k) {
				return h
			}
		}
	}
	return ""
}

// metadataTitle is the first candidate without its site name, else the
// <title> without it.
func metadataTitle(plain []string, titleTag string, sites []string) string {
	for _, c := range plain {
		if c = stripSiteKeys(c, sites); c != "" {
			return c
		}
	}
	t := stripSiteKeys(titleTag, sites)
	if t == titleTag {
		t = stripUnknownSite(t)
	}
	return t
}

// metaPlainKey returns metaPlain(s) and its titleKey.
func metaPlainKey(s string) (string, string) {
	s = metaPlain(s)
	return s, titleKey(s)
}

// partNamedByHeading returns the part of the plain-text titles (the
// <title>, the og:title ...), split at their separators, that a heading repeats: the
// post's title when the rest is the site's name. sites are siteKeys.
func partNamedByHeading(titles, sites, headings []string) string {
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
	for _, t := range titles {
		locs := titleSeps(t)
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
			if h, ok := keys[titleKey(part)]; ok && !isSiteName(part, sites) &&
				utf8.RuneCountInString(part) > utf8.RuneCountInString(best) {
				best = part
				if onlyQuotesDiffer(part, h) {
					best = h // the page's typeset quotes
				}
			}
		}
	}
	return best
}

// titleSeps returns reTitleSep's matches in t, skipping the regexp when t
// holds none of the characters every match has.
func titleSeps(t string) [][]int {
	if !strings.ContainsAny(t, "|-–—:·•»/~*｜：") {
		return nil
	}
	return reTitleSep.FindAllStringIndex(t, -1)
}

// stripSiteName removes a leading or trailing part that names the site.
func stripSiteName(t string, siteNames []string) string {
	return stripSiteKeys(t, siteKeys(siteNames))
}

// siteKeys returns the titleKey of each site name, for isSiteName.
func siteKeys(siteNames []string) []string {
	keys := make([]string, len(siteNames))
	for i, s := range siteNames {
		keys[i] = titleKey(s)
	}
	return keys
}

// stripSiteKeys is stripSiteName with the names' siteKeys.
func stripSiteKeys(t string, sites []string) string {
	if t == "" {
		return t
	}
	for i := 0; i < 2 && len(sites) > 0; i++ {
		locs := titleSeps(t)
		if len(locs) == 0 {
			break
		}
		first, last := locs[0], locs[len(locs)-1]
		switch {
		case isSiteName(t[last[1]:], sites):
			t = trimDanglingSep(strings.TrimSpace(t[:last[0]]))
		case isSiteName(t[:first[0]], sites):
			t = strings.TrimSpace(t[first[1]:])
		default:
			return stripGluedSite(t, sites)
		}
	}
	return stripGluedSite(t, sites)
}

// stripUnknownSite drops a short trailing part after the last separator
// of a <title> when the site's name is not known: "A long headline here |
// Blog". The head must be clearly longer, so a headline with a dash in it
// stays whole.
func stripUnknownSite(t string) string {
	locs := titleSeps(t)
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
// sites are the names' siteKeys.
func isSiteName(part string, sites []string) bool {
	k := titleKey(part)
	if k == "" {
		return false
	}
	for _, sk := range sites {
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
	// lowercasing rune by rune is strings.ToLower without its copy
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				b.WriteByte(byte(r))
			}
			continue
		}
		if r = unicode.ToLower(r); unicode.IsLetter(r) || unicode.IsDigit(r) {
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
