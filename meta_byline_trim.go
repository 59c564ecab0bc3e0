package declutter

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What bylines glue around the names besides dates and job titles: a
// section label before the by-word, a weekday abbreviation left by a
// date, a category or outlet after the name.

var (
	// reCreditLine matches a whole value that credits a picture or names
	// a source: "(Image: Getty Images/iStockphoto)", "Quelle: sid/dpa".
	reCreditLine = regexp.MustCompile(`(?i)^[(\[]?\s*(?:bild|bilder|foto|fotos|image|images|photo|photos|quelle|source|credits?|grafik|illustration|picture|copyright|©)\s*:`)
	// reLabelBeforeBy finds a lowercase label before the by-word:
	// "capital von Jemima Kelly" (a section's brand in small letters).
	reLabelBeforeBy = regexp.MustCompile(`^(\p{Ll}[\p{L}\-]*)\s+(?:von|by|par|por|door)\s+\p{Lu}`)
	// reTrailingWeekday is the weekday a removed date leaves: "Heiko
	// Sauer Do" from "Heiko Sauer Do, 12.03.2020". Case matters: "do"
	// and "so" are words.
	reTrailingWeekday = regexp.MustCompile(`\s+(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?$`)
	// reInCategory is the category some blogs set after the name:
	// "Michael Larabel in Valve".
	reInCategory = regexp.MustCompile(`\s+in\s+\p{Lu}.*$`)
	// reCategoryList is the list of categories after the names: "By TPN,
	// in News, Portugal, Business".
	reCategoryList = regexp.MustCompile(`,\s*in\s+\p{Lu}.*$`)
	// reCapsOutlet is an outlet in capitals after a name in mixed case:
	// "Meg Wagner NEW YORK DAILY NEWS".
	reCapsOutlet = regexp.MustCompile(`(?:\s+\p{Lu}[\p{Lu}.&'’\-]+){2,}$`)
)

// dropLabelBeforeBy drops a lowercase label before the by-word; a name
// particle ("von der Leyen") is no label.
func dropLabelBeforeBy(s string) string {
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLower(r) {
		return s // spares the regexp on most names
	}
	m := reLabelBeforeBy.FindStringSubmatchIndex(s)
	if m == nil || nameParticles[s[m[2]:m[3]]] {
		return s
	}
	return s[m[3]:]
}

// dropTrailingWeekday drops a weekday abbreviation after a name of two
// words or more.
func dropTrailingWeekday(s string) string {
	if len(s) < 6 || strings.Count(s, " ") < 2 {
		return s
	}
	if w := strings.TrimSuffix(s[strings.LastIndexByte(s, ' ')+1:], "."); !weekdayAbbrevs[w] {
		return s
	}
	if loc := reTrailingWeekday.FindStringIndex(s); loc != nil {
		return s[:loc[0]]
	}
	return s
}

// weekdayAbbrevs are the words reTrailingWeekday drops.
var weekdayAbbrevs = map[string]bool{"Mo": true, "Di": true, "Mi": true, "Do": true, "Fr": true, "Sa": true,
	"So": true, "Mon": true, "Tue": true, "Wed": true, "Thu": true, "Fri": true, "Sat": true, "Sun": true}

// cutCategories drops a list of categories after the names.
func cutCategories(s string) string {
	if !strings.Contains(s, "in ") {
		return s
	}
	if loc := reCategoryList.FindStringIndex(s); loc != nil {
		return s[:loc[0]]
	}
	return s
}

// trimNameTail drops a category ("in Valve") or an outlet in capitals
// after one name; a part that is only a category ("in Uncategorized")
// becomes empty.
func trimNameTail(p string) string {
	if strings.HasPrefix(p, "in ") {
		return ""
	}
	if strings.Contains(p, " in ") {
		if loc := reInCategory.FindStringIndex(p); loc != nil && loc[0] > 0 {
			p = p[:loc[0]]
		}
	}
	if capsRuns(p) >= 2 && hasLowerLetter(p) {
		if loc := reCapsOutlet.FindStringIndex(p); loc != nil && loc[0] > 0 && hasLowerLetter(p[:loc[0]]) {
			p = p[:loc[0]]
		}
	}
	return p
}

// capsRuns counts the words of p written in capitals, of two letters or
// more: reCapsOutlet needs two.
func capsRuns(p string) int {
	n := 0
	for w := range strings.FieldsSeq(p) {
		if utf8.RuneCountInString(w) >= 2 && !hasLowerLetter(w) && hasLetters(w) {
			n++
		}
	}
	return n
}

func hasLowerLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
