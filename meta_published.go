package declutter

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Publication and modification dates: JSON-LD, then the <meta> names that
// say "published" (the one the page confirms when the two disagree, see
// meta_published_agree.go), then the date shown by the headline
// (microdata, <time>, date-ish classes; a date marked as the update last,
// see meta_published_label.go), then a date line, generic date metas, the
// URL. The zone is settled last (meta_published_zone.go).

var (
	// publishedMetas name the publication date explicitly; weakDateMetas
	// ("date", "dc.date") are often a CMS's modification or build date, so
	// a date the page shows next to its headline beats them.
	publishedMetas = []string{"article:published_time", "og:published_time", "article:published", "datepublished",
		"pubdate", "publishdate", "publish-date", "publish_date", "published_time", "published-date", "dc.date.issued",
		"dcterms.issued", "og:article:published_time", "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_online_date",
		"citation_date", "article.published", "originalpublicationdate", "pub_date", "displaydate", "date_published",
		"release_date"}
	weakDateMetas = []string{"dc.date.created", "dcterms.created", "datecreated", "dc.date", "dcterms.date", "date"}
	modifiedMetas = []string{"article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
		"dc.date.modified", "dcterms.modified", "last-modified", "article.updated", "lastmod", "updated_time"}
	// reURLDate finds a date in a URL path: /2016/08/10/, /20160810/, -2016-08-10.
	reURLDate = regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)
	// reURLDateDMY finds a day-first date as a whole path segment: /29-10-2021.
	reURLDateDMY = regexp.MustCompile(`(?:^|/)(0[1-9]|[12]\d|3[01])-(0[1-9]|1[0-2])-((?:19|20)\d{2})(?:[/.]|$)`)
)

// choosePublished returns the article's publication date, in the zone
// the page states or its language implies (see settleZone).
func choosePublished(s *pageScan, ld jsonLD, pageURL *url.URL, monthFirst bool, lang string) time.Time {
	z, known := pageZone(lang, pageURL)
	t := findPublished(s, ld, pageURL, monthFirst)
	if !known {
		t = onURLDay(t, pageURL)
	}
	return settleZone(t, z, known)
}

// findPublished returns the publication date from the most trusted source
// that has one, its zone not yet settled.
func findPublished(s *pageScan, ld jsonLD, pageURL *url.URL, monthFirst bool) time.Time {
	ldT, ldOK := parseDate(ld.published, monthFirst)
	metaT, metaOK := s.firstDateMeta(publishedMetas, monthFirst)
	switch {
	case ldOK && metaOK:
		return s.confirmedOf(ldT, metaT, pageURL, monthFirst)
	case ldOK:
		return ldT
	case metaOK:
		return metaT
	}
	if t, ok := s.domDate(monthFirst, "datepublished", "datecreated"); ok {
		return t
	}
	if t, ok := s.dateLine(monthFirst); ok {
		return t
	}
	if t, ok := s.firstDateMeta(weakDateMetas, monthFirst); ok {
		return t
	}
	if t, ok := urlDate(pageURL); ok {
		return wallIn(t, wallClock) // the publisher's day, in its zone
	}
	return time.Time{}
}

// domDate reads a date from microdata, <time> elements and date-ish
// elements, nearest the headline first.
func (s *pageScan) domDate(monthFirst bool, props ...string) (time.Time, bool) {
	// a date shown right by the headline is the article's, whatever its
	// markup; microdata farther away may be a related item's
	if t, ok := s.dateByHeadline(monthFirst, props); ok {
		return t, true
	}
	for _, m := range s.micro {
		if m.noise || !slices.Contains(props, m.prop) {
			continue
		}
		if t, ok := elemDate(m.n, monthFirst); ok {
			return t, true
		}
	}
	var timeRefs, pubRefs []elemRef
	for _, t := range s.times {
		if t.pubdate || slices.Contains(props, strings.ToLower(t.prop)) {
			pubRefs = append(pubRefs, t.elemRef)
		}
		timeRefs = append(timeRefs, t.elemRef)
	}
	read := func(n *html.Node) (time.Time, bool) { return elemDate(n, monthFirst) }
	for _, refs := range [][]elemRef{pubRefs, timeRefs} {
		if t, ok := firstDate(nearHeadline(s, refs), len(refs), read); ok {
			return t, true
		}
	}
	return firstDate(s.inReach(s.dateElems, monthFirst), 20, read)
}

// farDate is how far from the main h1, in elements, a date-ish element
// is taken to be another item's (a sidebar's events, a teaser list's)
// when the page has a generic date meta to fall back on.
const farDate = 300

// inReach returns refs (date-ish elements, date lines) nearest the headline
// first, without the far ones when a generic date meta can stand in.
func (s *pageScan) inReach(refs []elemRef, monthFirst bool) []elemRef {
	refs = nearHeadline(s, refs)
	h, ok := s.mainH1()
	if !ok || metaNodeText(h.n, 20) == "" {
		return refs // no headline (or an empty logo h1) to measure from
	}
	if _, weak := s.firstDateMeta(weakDateMetas, monthFirst); !weak {
		return refs
	}
	near := refs[:0:0]
	for _, r := range refs {
		if r.order-h.order <= farDate && h.order-r.order <= farDate {
			near = append(near, r)
		}
	}
	return near
}

// Elements this close to the main h1, in document order, belong to the
// article's header.
const (
	headlineWindowAfter  = 50
	headlineWindowBefore = 25
)

// dateByHeadline reads the first dated element (microdata, <time>, or a
// date-ish class) just after the main h1, else the nearest just before it.
func (s *pageScan) dateByHeadline(monthFirst bool, props []string) (time.Time, bool) {
	h, ok := s.mainH1()
	if !ok || h.noise {
		return time.Time{}, false
	}
	// the elements marked as the publication date first, then any
	var marked, all []elemRef
	for _, m := range s.micro {
		if slices.Contains(props, m.prop) {
			marked = append(marked, m.elemRef)
		}
	}
	for _, t := range s.times {
		if t.pubdate || slices.Contains(props, strings.ToLower(t.prop)) {
			marked = append(marked, t.elemRef)
		}
		all = append(all, t.elemRef)
	}
	all = append(append(all, marked...), s.dateElems...)
	for _, refs := range [][]elemRef{marked, all} {
		var near []elemRef
		for _, r := range refs {
			if !r.noise && r.order >= h.order-headlineWindowBefore && r.order <= h.order+headlineWindowAfter {
				near = append(near, r)
			}
		}
		if t, ok := firstDate(nearHeadline(s, near), len(near), func(n *html.Node) (time.Time, bool) {
			return elemDate(n, monthFirst)
		}); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// withShownTime adds the time of day an element shows ("October 18,
// 2024 12:14 PM") to a date-only attribute value of the same day.
func withShownTime(t time.Time, attrVal string, n *html.Node, monthFirst bool) time.Time {
	if len(strings.TrimSpace(attrVal)) != len("2006-01-02") {
		return t
	}
	shown, ok := findDate(metaNodeText(n, 200), monthFirst)
	if ok && shown.Year() == t.Year() && shown.YearDay() == t.YearDay() {
		return shown
	}
	return t
}

// shownDayUTC keeps a UTC attribute time in UTC when the element shows
// that UTC day ("2019-12-26T23:07:45+00:00" shown as "26/12/2019"): the
// site's own clock is UTC, whatever its language's zone.
func shownDayUTC(t time.Time, n *html.Node, monthFirst bool) time.Time {
	if _, off := t.Zone(); off != 0 || t.Location() == wallClock {
		return t
	}
	if shown, ok := findDate(metaNodeText(n, 200), monthFirst); ok && sameDate(shown, t.UTC()) {
		return t.In(siteUTC)
	}
	return t
}

// elemDate reads a date from an element's machine-readable attributes,
// else from its short text.
func elemDate(n *html.Node, monthFirst bool) (time.Time, bool) {
	for _, k := range [...]string{"datetime", "content", "title", "data-date"} {
		if v := attrOf(n, k); v != "" {
			if t, ok := parseDate(v, monthFirst); ok {
				return shownDayUTC(withShownTime(t, v, n, monthFirst), n, monthFirst), true
			}
		}
	}
	if txt := metaNodeText(n, 300); len(txt) <= 200 {
		return findDate(txt, monthFirst)
	}
	return time.Time{}, false
}

// dateLine finds a short line of text that is a date, nearest the
// headline: the date of pages that show it without any markup.
func (s *pageScan) dateLine(monthFirst bool) (time.Time, bool) {
	return firstDate(s.inReach(s.dateTexts, monthFirst), 30, func(n *html.Node) (time.Time, bool) {
		line := strings.TrimSpace(n.Data)
		if len(line) > 80 {
			// a paragraph's opening dateline, not a date it mentions
			line = openingDate(line)
		}
		return findDate(line, monthFirst)
	})
}

// openingDate returns the date a long text opens with, or "".
func openingDate(text string) string {
	head := normalizeDateText(text[:min(len(text), 40)])
	if loc := reDateInText.FindStringIndex(head); loc != nil && loc[0] == 0 {
		return head[:loc[1]]
	}
	return ""
}

func chooseModified(s *pageScan, ld jsonLD, pageURL *url.URL, monthFirst bool, lang string) time.Time {
	z, known := pageZone(lang, pageURL)
	if t, ok := parseDate(ld.modified, monthFirst); ok {
		return settleZone(t, z, known)
	}
	for _, k := range modifiedMetas {
		for _, v := range s.metas[k] {
			if t, ok := parseDate(v, monthFirst); ok {
				return settleZone(t, z, known)
			}
		}
	}
	return time.Time{}
}

// urlDate reads a date from the page URL's path, as UTC midnight.
func urlDate(u *url.URL) (time.Time, bool) {
	if u == nil {
		return time.Time{}, false
	}
	m := reURLDate.FindStringSubmatch(u.Path)
	if m == nil {
		if m = reURLDateDMY.FindStringSubmatch(u.Path); m == nil {
			return time.Time{}, false
		}
		m[1], m[3] = m[3], m[1]
	}
	t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return time.Time{}, false
	}
	return plausible(t)
}
