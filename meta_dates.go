package declutter

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/itlightning/dateparse"
)

// Dates: a time the page states with an offset keeps that offset; a time
// without a zone is kept at its wall time in wallClock until settleZone
// gives it the page's zone (meta_published_zone.go); a zone abbreviation
// the page states (EST, CEST, ...) is turned into its fixed offset.

// monthNames maps month names and abbreviations of the languages common in
// news pages to English, so that one parser reads them all.
var monthNames = func() map[string]string {
	m := map[string]string{}
	add := func(en string, names ...string) {
		for _, n := range names {
			m[n] = en
		}
	}
	add("January", "januar", "jänner", "jaenner", "janvier", "enero", "gennaio", "janeiro", "januari", "stycznia", "styczeń", "ocak", "janv")
	add("February", "februar", "feber", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari", "lutego", "luty", "şubat", "févr", "fevr")
	add("March", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "marca", "marzec", "mart")
	add("April", "avril", "abril", "aprile", "kwietnia", "kwiecień", "nisan", "avr")
	add("May", "mai", "mayo", "maggio", "maio", "mei", "maja", "maj", "mayıs")
	add("June", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec", "haziran")
	add("July", "juli", "juillet", "julio", "luglio", "julho", "lipca", "lipiec", "temmuz", "juil")
	add("August", "août", "aout", "agosto", "augustus", "sierpnia", "sierpień", "ağustos")
	add("September", "septembre", "septiembre", "setiembre", "settembre", "setembro", "września", "wrzesień", "eylül", "sept")
	add("October", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "października", "październik", "ekim")
	add("November", "novembre", "noviembre", "novembro", "listopada", "listopad", "kasım")
	add("December", "dezember", "dez", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "grudnia", "grudzień", "aralık", "déc")
	// Russian and Ukrainian, in the genitive a date uses ("15 августа 2016") and the nominative
	add("January", "января", "январь", "січня", "січень")
	add("February", "февраля", "февраль", "лютого", "лютий")
	add("March", "марта", "март", "березня", "березень")
	add("April", "апреля", "апрель", "квітня", "квітень")
	add("May", "мая", "май", "травня", "травень")
	add("June", "июня", "июнь", "червня", "червень")
	add("July", "июля", "июль", "липня", "липень")
	add("August", "августа", "август", "серпня", "серпень")
	add("September", "сентября", "сентябрь", "вересня", "вересень")
	add("October", "октября", "октябрь", "жовтня", "жовтень")
	add("November", "ноября", "ноябрь", "листопада", "листопад")
	add("December", "декабря", "декабрь", "грудня", "грудень")
	return m
}()

const monthRe = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

var (
	reWordish   = regexp.MustCompile(`\p{L}+`)
	reCJKDate   = regexp.MustCompile(`(\d{4})\s*[年년.]\s*(\d{1,2})\s*[月월.]\s*(\d{1,2})\s*[日일]?`)
	reCJKTime   = regexp.MustCompile(`(\d{1,2})\s*[時时시]\s*(\d{1,2})\s*[分분]`)
	reDayDot    = regexp.MustCompile(`\b(\d{1,2})\.\s*(` + monthRe + `)`)
	reNoiseWord = regexp.MustCompile(`(?i)\b(?:de|del|um|am|at|à|a las|alle|le|on|o|uhr|h)\b\.?`)
	reHourH     = regexp.MustCompile(`\b(\d{1,2})h(\d{2})\b`)
	reHourDot   = regexp.MustCompile(`\b(\d{1,2})\.(\d{2})\s*(?:Uhr|h)\b`)
	reZoneAbbr  = regexp.MustCompile(`\s*\(?\b(ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|MEZ|MESZ|IST|JST|KST|AEST|AEDT|EET|EEST|WET|WEST|HKT|SGT)\)?\s*$`)
	// reDateInText finds a date (and a following time) inside free text,
	// after month names were translated to English.
	reDateInText = regexp.MustCompile(`(?i)\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?` +
		`|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}(?:,?\s+\d{1,2}[:.]\d{2})?` +
		`|\b(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.\d{2}(?:,?\s+\d{1,2}:\d{2})?(?:$|[\s,;|)\]])` +
		`|\b\d{1,2}/\d{1,2}/\d{4}(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?` +
		`|\b\d{4}/\d{1,2}/\d{1,2}` +
		`|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+` + monthRe + `\.?,?\s+\d{4}(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?` +
		`|\b` + monthRe + `\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?`)
	reEpoch = regexp.MustCompile(`^\d{10}(?:\d{3})?$`)
	// reYearMonth is a year or a month alone ("2006", "2017/01"): no day
	// to publish on (citations' microdata, journal issues).
	reYearMonth = regexp.MustCompile(`^\d{4}(?:[-/.]\d{1,2})?$`)
	// reMonthComma is a comma between a month and its year ("07
	// December, 2022"), reYearComma one between a year and the time
	// ("29.04.2020, 12:01"): the parser reads neither.
	reSpacedDots = regexp.MustCompile(`\b(\d{1,2})\.\s(\d{1,2})\.\s?(\d{4})\b`)
	reDottedDate = regexp.MustCompile(`^\d{1,2}\.\d{1,2}\.\d{2,4}\b`)
	reYearComma  = regexp.MustCompile(`(\d{4}),\s*(\d{1,2}[:.]\d{2})`)
	reMonthComma = regexp.MustCompile(`\b(` + monthRe + `)\.?,\s*(\d{4})\b`)
)

// zoneOffsets are the fixed offsets, in hours, of zone abbreviations pages
// state. US zones given without S/D ("ET") are resolved by the US daylight
// saving rule for the date.
var zoneOffsets = map[string]float64{
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "MEZ": 1, "CEST": 2, "MESZ": 2, "IST": 5.5, "JST": 9,
	"KST": 9, "AEST": 10, "AEDT": 11, "EET": 2, "EEST": 3, "WET": 0, "WEST": 1, "HKT": 8, "SGT": 8,
}

var usZones = map[string]int{"ET": -5, "CT": -6, "MT": -7, "PT": -8}

// parseDate reads a date from a machine-readable value (an attribute, a
// meta content, a JSON-LD string or number), falling back on a date found
// inside it. monthFirst settles 03/04/2024 for US-English pages.
func parseDate(s string, monthFirst bool) (time.Time, bool) {
	s = metaPlain(s)
	if s == "" {
		return time.Time{}, false
	}
	if reYearMonth.MatchString(s) {
		return time.Time{}, false
	}
	if reEpoch.MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			n /= 1000
		}
		return plausible(time.Unix(n, 0).UTC())
	}
	if t, ok := parseDateString(s, monthFirst); ok {
		return t, true
	}
	return findDate(s, monthFirst)
}

// findDate finds the first date in free text such as "Veröffentlicht am
// 18. Oktober 2024, 12:14 Uhr" or "Updated Oct 18, 2024 at 12:14 PM ET".
func findDate(text string, monthFirst bool) (time.Time, bool) {
	text = normalizeDateText(text)
	for _, loc := range reDateInText.FindAllStringIndex(text, 4) {
		if t, ok := parseDateString(text[loc[0]:loc[1]], monthFirst); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseDateString parses one date string with its zone, if any.
func parseDateString(s string, monthFirst bool) (time.Time, bool) {
	s = normalizeDateText(s)
	zone := ""
	if m := reZoneAbbr.FindStringSubmatchIndex(s); m != nil && m[0] > 0 {
		zone = s[m[2]:m[3]]
		s = strings.TrimSpace(s[:m[0]])
	}
	if monthFirst && reDottedDate.MatchString(s) {
		monthFirst = false // 01.02.2022 is day first, even on a US page
	}
	t, err := dateparse.ParseIn(s, wallClock, dateparse.PreferMonthFirst(monthFirst),
		dateparse.RetryAmbiguousDateWithSwap(true), dateparse.SimpleErrorMessages(true))
	if err != nil {
		return time.Time{}, false
	}
	if t.Location() == wallClock && zone == "" {
		return plausible(t) // no zone stated: settleZone decides
	}
	if name, off := t.Zone(); off == 0 && name != "UTC" && name != "GMT" && name != "Z" && name != "" {
		// dateparse keeps an unknown abbreviation as a zero-offset zone:
		// use its real offset if we know it, else read the wall time as UTC.
		if zone == "" {
			zone = name
		}
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	if zone != "" {
		t = inZone(t, zone)
	}
	return plausible(t)
}

// inZone reinterprets t's wall time in the named zone, when known.
func inZone(t time.Time, zone string) time.Time {
	off, ok := zoneOffsets[zone]
	if !ok {
		h, us := usZones[zone]
		if !us {
			return t
		}
		off = float64(h)
		if usDST(t) {
			off++
		}
		zone = zone[:1] + "DT"
		if !usDST(t) {
			zone = zone[:1] + "ST"
		}
	}
	if off == 0 {
		zone = "UTC"
	}
	loc := time.FixedZone(zone, int(off*3600))
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
}

// usDST reports whether the wall date t falls in US daylight saving time:
// from the second Sunday of March to the first Sunday of November.
func usDST(t time.Time) bool {
	start := nthSunday(t.Year(), time.March, 2)
	end := nthSunday(t.Year(), time.November, 1)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return !d.Before(start) && d.Before(end)
}

func nthSunday(year int, m time.Month, n int) time.Time {
	d := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7*(n-1))
}

// normalizeDateText rewrites localized dates into forms the parser reads:
// month names in English, CJK dates as ISO, "18. October" as "18 October",
// filler words ("am", "um", "Uhr", "de") removed, "12h30" as "12:30".
func normalizeDateText(s string) string {
	// each regexp runs only when s holds what it needs to match: a
	// replacement copies s even when nothing matches
	if strings.ContainsAny(s, "年년.") {
		s = reCJKDate.ReplaceAllString(s, "$1-$2-$3 ")
	}
	if strings.ContainsAny(s, "時时시") {
		s = reCJKTime.ReplaceAllString(s, "$1:$2")
	}
	if hasMonthName(s) {
		s = reWordish.ReplaceAllStringFunc(s, func(w string) string {
			if en, ok := monthNames[strings.ToLower(w)]; ok {
				return en
			}
			return w
		})
	}
	if strings.IndexByte(s, '.') >= 0 {
		s = reDayDot.ReplaceAllString(s, "$1 $2")
	}
	if strings.IndexByte(s, ',') >= 0 {
		s = reMonthComma.ReplaceAllString(s, "$1 $2")
		s = reYearComma.ReplaceAllString(s, "$1 $2")
	}
	if strings.IndexByte(s, 'h') >= 0 {
		s = reHourH.ReplaceAllString(s, "$1:$2")
	}
	if strings.IndexByte(s, '.') >= 0 {
		s = reHourDot.ReplaceAllString(s, "$1:$2")
	}
	if strings.ContainsAny(s, "ahoudlUAHODL") {
		s = reNoiseWord.ReplaceAllString(s, " ")
	}
	s = strings.ReplaceAll(s, "|", " ")
	s = strings.Trim(metaCollapse(s), " ,;-–—·")
	if strings.Count(s, ". ") >= 1 {
		s = reSpacedDots.ReplaceAllString(s, "$1.$2.$3") // "4. 2. 2022"
	}
	return s
}

// hasMonthName reports whether a word of s (a run of letters, as
// reWordish matches) is one of monthNames.
func hasMonthName(s string) bool {
	start := -1
	for i, r := range s {
		if unicode.Is(unicode.L, r) { // \p{L}, exactly as the regexp reads it
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if _, ok := monthNames[strings.ToLower(s[start:i])]; ok {
				return true
			}
			start = -1
		}
	}
	if start >= 0 {
		_, ok := monthNames[strings.ToLower(s[start:])]
		return ok
	}
	return false
}

// plausible rejects years a news page cannot mean.
func plausible(t time.Time) (time.Time, bool) {
	if t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, false
	}
	return t, true
}
