package declutter

import (
	"net/url"
	"time"
)

// When the JSON-LD and the <meta> publication dates name days far apart,
// one of them is wrong: a CMS that writes the first draft's date into
// JSON-LD, or a re-publication's date into the meta. The one the page
// confirms elsewhere (a generic date meta, the date shown by the headline,
// the URL's date) is the publication date; unconfirmed, JSON-LD wins.

// firstDateMeta returns the first value of keys that parses as a date.
func (s *pageScan) firstDateMeta(keys []string, monthFirst bool) (time.Time, bool) {
	for _, k := range keys {
		for _, v := range s.metas[k] {
			if t, ok := parseDate(v, monthFirst); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// confirmedOf returns the one of ldT and metaT the page's other date
// sources confirm; ldT when they name nearby days or neither or both are
// confirmed.
func (s *pageScan) confirmedOf(ldT, metaT time.Time, pageURL *url.URL, monthFirst bool) time.Time {
	if d := ldT.Sub(metaT); d < 36*time.Hour && d > -36*time.Hour {
		return ldT
	}
	var witnesses []time.Time
	if t, ok := s.firstDateMeta(weakDateMetas, monthFirst); ok {
		witnesses = append(witnesses, t)
	}
	if t, ok := s.domDate(monthFirst, "datepublished", "datecreated"); ok {
		witnesses = append(witnesses, t)
	}
	if t, ok := s.dateLine(monthFirst); ok {
		witnesses = append(witnesses, t)
	}
	if t, ok := urlDate(pageURL); ok {
		witnesses = append(witnesses, t)
	}
	ldSeen, metaSeen := false, false
	for _, w := range witnesses {
		ldSeen = ldSeen || sameDate(w, ldT)
		metaSeen = metaSeen || sameDate(w, metaT)
	}
	if metaSeen && !ldSeen {
		return metaT
	}
	return ldT
}
