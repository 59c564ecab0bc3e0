package declutter

import (
	"net/url"
	"strings"
	"time"
)

// Time zones of publication dates. A page that states a time without a
// zone ("2019/02/22", "18.10.2024 12:14") means its own local time; a page
// that states a time in UTC means an instant whose calendar day is the
// publisher's local day. When the page's language is spoken in one time
// zone (Japanese, German, Polish, ...), that zone settles both; else a
// zone-less time stays at its wall time in UTC, and a UTC instant takes the
// day of the date in the URL, if any.

// wallClock marks a time parsed from text that stated no zone, until
// settleZone gives it one. Its odd offset keeps it apart from a stated
// "+00:00", which the parser would otherwise fold into a zero-offset
// location.
var wallClock = time.FixedZone("wall", 1)

// siteUTC marks a UTC time that the page also shows on its UTC day: the
// site keeps UTC as its local time, and settleZone leaves it in UTC.
var siteUTC = time.FixedZone("UTC", 0)

// zoneRule is how a language's single time zone is computed.
type zoneRule struct {
	std     int  // standard offset, in hours east of UTC
	euDST   bool // one hour more in EU summer time
	regions string
}

// languageZones are the languages spoken (on news pages) in a single time
// zone. regions, when set, lists the region subtags the rule covers; a
// language tag with another region ("fr-CA") has no known zone.
var languageZones = map[string]zoneRule{
	"ja": {std: 9}, "ko": {std: 9}, "zh": {std: 8},
	"de": {std: 1, euDST: true, regions: "de at ch li lu be it"},
	"nl": {std: 1, euDST: true, regions: "nl be"},
	"it": {std: 1, euDST: true, regions: "it ch sm va"},
	"fr": {std: 1, euDST: true, regions: "fr be ch lu mc"},
	"es": {std: 1, euDST: true, regions: "es"}, // only with the region: Latin America is not
	"pl": {std: 1, euDST: true}, "cs": {std: 1, euDST: true}, "sk": {std: 1, euDST: true},
	"hu": {std: 1, euDST: true}, "da": {std: 1, euDST: true}, "sv": {std: 1, euDST: true},
	"nb": {std: 1, euDST: true}, "nn": {std: 1, euDST: true}, "no": {std: 1, euDST: true},
	"hr": {std: 1, euDST: true}, "sl": {std: 1, euDST: true},
	"fi": {std: 2, euDST: true}, "el": {std: 2, euDST: true}, "ro": {std: 2, euDST: true},
	"bg": {std: 2, euDST: true}, "et": {std: 2, euDST: true}, "lv": {std: 2, euDST: true},
	"lt": {std: 2, euDST: true},
}

// regionZones are the countries (region subtags and country-code
// domains) in a single time zone, for pages whose language does not say
// it: Spanish in Argentina, Portuguese in Brazil (Brasília time, where
// most of it lives).
var regionZones = map[string]zoneRule{
	"ar": {std: -3}, "uy": {std: -3}, "br": {std: -3}, "bo": {std: -4}, "ve": {std: -4},
	"co": {std: -5}, "pe": {std: -5}, "ec": {std: -5},
	"es": {std: 1, euDST: true}, "pt": {std: 0, euDST: true},
	"de": {std: 1, euDST: true}, "at": {std: 1, euDST: true}, "ch": {std: 1, euDST: true},
	"it": {std: 1, euDST: true}, "fr": {std: 1, euDST: true}, "nl": {std: 1, euDST: true},
	"be": {std: 1, euDST: true}, "pl": {std: 1, euDST: true},
	"jp": {std: 9}, "kr": {std: 9}, "cn": {std: 8}, "tw": {std: 8}, "hk": {std: 8},
}

// pageZone returns the time zone rule of the page: that of its language's
// region, else of its language, else of its country-code domain when the
// language names no region.
func pageZone(lang string, pageURL *url.URL) (zoneRule, bool) {
	lang = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	base, region, _ := strings.Cut(lang, "-")
	if z, ok := regionZones[region]; ok {
		return z, true
	}
	if z, ok := languageZones[base]; ok && (region == "" || z.regions == "" || containsField(z.regions, region)) &&
		(region != "" || base != "es") {
		return z, true
	}
	if region != "" || pageURL == nil {
		return zoneRule{}, false
	}
	host := pageURL.Hostname()
	z, ok := regionZones[host[strings.LastIndexByte(host, '.')+1:]]
	return z, ok
}

func containsField(fields, f string) bool {
	for x := range strings.FieldsSeq(fields) {
		if x == f {
			return true
		}
	}
	return false
}

// at returns the zone's location at the instant t.
func (z zoneRule) at(t time.Time) *time.Location {
	off := z.std
	if z.euDST && euSummerTime(t) {
		off++
	}
	return time.FixedZone("", off*3600)
}

// euSummerTime reports whether the instant t falls in EU summer time:
// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October.
func euSummerTime(t time.Time) bool {
	t = t.UTC()
	start := lastSunday(t.Year(), time.March).Add(time.Hour)
	end := lastSunday(t.Year(), time.October).Add(time.Hour)
	return !t.Before(start) && t.Before(end)
}

func lastSunday(year int, m time.Month) time.Time {
	d := time.Date(year, m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// settleZone gives t its zone: a wall time becomes local time in the
// page's zone (UTC when the zone is unknown); a UTC instant is shown in
// the page's zone. Other stated offsets are kept.
func settleZone(t time.Time, z zoneRule, known bool) time.Time {
	if t.IsZero() {
		return t
	}
	if t.Location() == siteUTC {
		return t.UTC()
	}
	if t.Location() == wallClock {
		if !known {
			return wallIn(t, time.UTC)
		}
		// the zone's offset at that wall time, read as standard time
		return wallIn(t, z.at(wallIn(t, time.UTC).Add(-time.Duration(z.std)*time.Hour)))
	}
	if _, off := t.Zone(); off == 0 && known {
		return t.In(z.at(t))
	}
	return t
}

func wallIn(t time.Time, loc *time.Location) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
}

// onURLDay shows a UTC instant in the nearest offset that puts it on the
// day the URL's date names: the publisher's local day, when the page does
// not say its zone (a story published at 23:30 in New York is stamped
// 04:30Z the next day, under a URL with the day before).
func onURLDay(t time.Time, pageURL *url.URL) time.Time {
	if _, off := t.Zone(); off != 0 || t.Location() == wallClock || t.Location() == siteUTC {
		return t
	}
	d, ok := urlDate(pageURL)
	if !ok || sameDate(t, d) {
		return t
	}
	for h := 1; h <= 12; h++ {
		for _, off := range [...]int{-h, h} {
			if l := t.In(time.FixedZone("", off*3600)); sameDate(l, d) {
				return l
			}
		}
	}
	return t
}

func sameDate(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
