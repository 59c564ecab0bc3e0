package declutter

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bylines: "By", "Von", "Par", "Por" and the like dropped; dates, job
// titles, e-mail addresses and URLs removed; several names split into
// Authors on commas, "and", "und", "&" ...

var (
	reBylinePrefix = regexp.MustCompile(`(?i)^(?:(?:written|posted|published|reported|text|words|story|photos?|fotos?|interview|compiled|edited|(?:ein\s+)?artikel|(?:gast)?beitrag|pressemitteilung|geschrieben|verfasst|erstellt|eingestellt|gepostet)\s+(?:by|von)\b|(?:(?:view|see)\s+)?all\s+(?:posts|articles|stories)\s+by\b|(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von\b|post\s+author\b|(?:über|about)\s+(?:den\s+autor|the\s+author\b)?|by\b|vom\b|von\b|par\b|por\b|door\b|di\b|av\b|af\b|przez\b|autor(?:in)?\b|auteur\b|author(?:s)?\b|verfasser\b|text\b|redaktion\b|投稿者|著者|作者|記者|文)\s*[:\-–—：●]?\s*`)
	reBylineSplit  = regexp.MustCompile(`\s*[|•·/]\s*|\s+[–—]\s+|\s+-\s+`)
	// reJobTitle matches job titles that bylines glue to names.
	reJobTitle   = regexp.MustCompile(`(?i)^(?:(?:senior|staff|chief|contributing|special|political|foreign|freelance|guest|associate|deputy|managing|executive|national|international|digital|sports?|business|news|white house|washington|science|tech(?:nology)?|health|investigative|global|economics|features?|opinion|culture|entertainment|breaking news|data|video|social media|assistant|correspondent|the)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|photographer|analyst|producer|critic|author|(?:chef)?redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|reporterin|journalistin|editor-at-large|staff|writer-at-large)s?\b`)
	reNameSep    = regexp.MustCompile(`(?i)\s*(?:,|;|\s&\s|\s+(?:and|und|et|y|e|i|og|en|och|ve|и)\s+)\s*`)
	reEmail      = regexp.MustCompile(`\S+@\S+\.\S+`)
	reHandle     = regexp.MustCompile(`(?:^|\s)@\w+`)
	reBylineJunk = regexp.MustCompile(`(?i)\b(?:updated|published|posted on|veröffentlicht|publiziert|aktualisiert|stand|last modified|min(?:ute)?s? read|lesezeit|read more|share|minutes?|uhr|ago|hours?|gestern|heute|today|yesterday|no author|unknown|anonymous|kommentare?|comments?|leave a reply|antworten|zuletzt geändert|mehr|more|alle beiträge|all posts|(?:view|see) all|gesponsert(?:e inhalte)?|sponsored|unsere[rmns]? redaktion)\b|^(?:bild|bilder|foto|fotos|image|images|photo|photos|quelle|source|credit|credits|grafik|video|illustration|picture)\s*:`)
	// reURLText finds URLs inside a byline.
	reURLText = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
	// reSocialWord finds the labels of social links that follow names.
	reSocialWord = regexp.MustCompile(`(?i)\b(?:twitter|facebook|linkedin|instagram|e-?mail|follow|folgen|bio|profile|profil|rss|x\.com)\b|\([^()]*\)?|\b\d+\b`)
)

// reBylineDate finds dates, times and weekdays inside a byline, with month
// names in the languages monthNames knows.
var reBylineDate = func() *regexp.Regexp {
	months := []string{monthRe}
	for name := range monthNames {
		months = append(months, regexp.QuoteMeta(name))
	}
	sort.Slice(months[1:], func(i, j int) bool { return len(months[i+1]) > len(months[j+1]) })
	m := `(?:` + strings.Join(months, "|") + `)\.?`
	return regexp.MustCompile(`(?i)\b(?:` +
		`\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?` +
		`|\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}` +
		`|\d{1,2}(?:st|nd|rd|th)?\.?\s+` + m + `(?:,?\s+\d{4})?` +
		`|` + m + `\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?` +
		`|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?` +
		`|(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag` +
		`|(?:updated|published|posted|aktualisiert|veröffentlicht)(?:\s+(?:on|at|am|um))?` +
		`|vor\s+(?:\d+\s+|einer?\s+)?(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)` +
		`)\b|\b(?:at|on|am|um|le)\s*$`)
}()

// reReadingTime finds the reading time some bylines give.
var reReadingTime = regexp.MustCompile(`(?i)\b(?:ca\.\s*)?\d+\s*(?:min|mins|minuten|minutes)\b\.?(?:\s*(?:read|lesezeit))?`)

// nameParticles are the lowercase words inside names.
var nameParticles = map[string]bool{"von": true, "van": true, "de": true, "der": true, "den": true, "da": true,
	"del": true, "della": true, "di": true, "du": true, "la": true, "le": true, "bin": true, "al": true, "el": true,
	"y": true, "e": true, "zu": true, "ten": true, "ter": true, "dos": true, "das": true}

// bylineStopwords are words that cannot be a name on their own.
var bylineStopwords = map[string]bool{"at": true, "on": true, "am": true, "um": true, "the": true, "of": true,
	"in": true, "by": true, "and": true, "le": true, "la": true, "de": true, "der": true, "die": true, "das": true,
	"staff": true, "admin": true, "administrator": true, "editor": true, "redaktion": true, "posted": true,
	"datum": true, "date": true, "artikel": true, "autor": true, "author": true, "von": true,
	"http": true, "https": true, "www": true} // the scheme of an author URL split off as a word

// cleanByline returns the byline the page states, cleaned to names, and
// the individual names. ok is false when nothing name-like remains.
func cleanByline(raw string) (byline string, authors []string) {
	return cleanBylineSkipping(raw, nil)
}

// cleanBylineSkipping is cleanByline passing over the segments whose
// names are all weak ("unocero - Alberto Ávila": the site, then the
// author); weak may be nil.
func cleanBylineSkipping(raw string, weak func(string) bool) (byline string, authors []string) {
	s := metaPlain(raw)
	if s == "" || len(s) > 400 || metaIsURL(s) || reCreditLine.MatchString(s) {
		return "", nil
	}
	if strings.ContainsAny(s, ":.") { // reURLText needs "://" or "www."
		s = reURLText.ReplaceAllString(s, " ")
	}
	// dates and times become separators: "Jane Doe Dec 22, 2016 at 6:47 PM"
	s = reBylineDate.ReplaceAllString(s, " | ")
	if containsASCIIFold(s, "min") { // "ca. 8 Min.", "5 min read"
		s = reReadingTime.ReplaceAllString(s, " | ")
	}
	// keep the segment holding the names: "Jane Doe | Staff Writer | May 5"
	var first []string
	for _, seg := range reBylineSplit.Split(s, -1) {
		seg = trimByline(cutCategories(seg))
		if seg == "" || reBylineJunk.MatchString(seg) || !hasLetters(seg) {
			continue
		}
		names := splitNames(seg)
		if len(names) > 0 && (weak == nil || !allWeak(names, weak)) {
			return strings.Join(names, ", "), names
		}
		if len(names) > 0 && first == nil {
			first = names
		}
	}
	return strings.Join(first, ", "), first
}

func allWeak(names []string, weak func(string) bool) bool {
	for _, n := range names {
		if !weak(n) {
			return false
		}
	}
	return true
}

// trimByline drops the "By" prefix and a trailing date or job title.
func trimByline(s string) string {
	s = dropLabelBeforeBy(strings.TrimSpace(s))
	for i := 0; i < 2; i++ {
		s = strings.TrimSpace(reBylinePrefix.ReplaceAllString(strings.TrimSpace(s), ""))
	}
	// the tests before the regexps are what each needs to match: they
	// spare most of the calls
	if strings.IndexByte(s, '@') >= 0 {
		s = reEmail.ReplaceAllString(s, " ")
		s = reHandle.ReplaceAllString(s, " ")
	}
	s = reSocialWord.ReplaceAllString(s, " ")
	if s = metaCollapse(s); endsLikeFiller(s) {
		s = reTrailingFiller.ReplaceAllString(s, "")
	}
	s = dropTrailingWeekday(strings.Trim(s, bylineTrim))
	return strings.Trim(s, bylineTrim)
}

// bylineTrim are the punctuation and arrows around a byline's names.
const bylineTrim = " ,;:-–—·|()[]→»«>"

// reTrailingFiller is the preposition a date left behind: "Jane Doe am".
var reTrailingFiller = regexp.MustCompile(`(?i)\s+(?:am|um|on|at|le|el|il|den|vom)$`)

// endsLikeFiller reports whether s ends with a letter that ends a word of
// reTrailingFiller (no other rune case-folds into these letters).
func endsLikeFiller(s string) bool {
	if s == "" {
		return false
	}
	switch s[len(s)-1] | 0x20 {
	case 'm', 'n', 't', 'e', 'l':
		return true
	}
	return false
}

// splitNames splits "A, B and C" into names, dropping job titles, URLs
// and anything too long or short to be a name.
func splitNames(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range reNameSep.Split(s, -1) {
		p = trimByline(p)
		if p == "" || reJobTitle.MatchString(p) {
			// "Jane Doe, Staff Writer": the title is a part of its own
			continue
		}
		if loc := reJobTitleTail.FindStringIndex(p); loc != nil && loc[0] > 0 {
			p = strings.TrimSpace(p[:loc[0]])
		}
		p = trimNameTail(p)
		if !looksLikeName(p) || bylineStopwords[strings.ToLower(p)] {
			continue
		}
		k := strings.ToLower(p)
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// reJobTitleTail finds a job title after a name: "Jane Doe Staff Writer".
var reJobTitleTail = regexp.MustCompile(`(?i)\s+(?:(?:senior|staff|chief|contributing|special|political|foreign|freelance|guest|associate|deputy|managing|executive)\s+)+(?:\p{L}+\s+){0,2}(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)s?\b.*$|\s+(?:correspondent|columnist|staff writer|staff reporter|chefredakteur(?:in)?)\b.*$`)

// looksLikeName reports whether s can be a person's or a desk's name: not
// a URL, a few words at most, mostly letters.
func looksLikeName(s string) bool {
	if s == "" || metaIsURL(s) || len(s) > 80 {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 7 || strings.ContainsAny(s, "?!:") {
		return false
	}
	// "Sie haben einen Fehler gefunden": names are capitalised, but for
	// particles (von, de, van ...) and single handles ("mikecason")
	// while "The Associated Press news desk" is a name
	lower, firstLower := 0, false
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !nameParticles[w] {
			lower++
			firstLower = firstLower || i == 0
		}
	}
	if lower > 1 && (firstLower || lower*2 > len(words)) {
		return false
	}
	letters, others, digits := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r):
			letters++
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’':
		case r >= '0' && r <= '9' && len(words) == 1:
			digits++ // a handle: "freeman1984"
		default:
			others++
		}
	}
	return letters >= 2 && others*4 <= letters && digits < letters
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
