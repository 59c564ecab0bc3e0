package eval

import (
	"regexp"
	"strconv"
	"time"
)

// truthDateRE reads the truth's date: a calendar date, then optionally a
// time and an offset. Separators are lenient because hand-written truth
// has slips such as "2022-01.26".
var truthDateRE = regexp.MustCompile(`^\s*(\d{4})-(\d{1,2})[-./](\d{1,2})` +
	`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?`)

// truthDay is the calendar day a truth date names, and the offset it was
// stated in, if any.
type truthDay struct {
	year      int
	month     time.Month
	day       int
	hasOffset bool
	offset    int // seconds east of UTC
}

// parseTruthDay reads a truth date. ok is false when s is not a date.
func parseTruthDay(s string) (d truthDay, ok bool) {
	m := truthDateRE.FindStringSubmatch(s)
	if m == nil {
		return d, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || day < 1 || day > 31 {
		return d, false
	}
	d = truthDay{year: y, month: time.Month(mo), day: day}
	if z := m[4]; z != "" {
		d.hasOffset = true
		if z != "Z" {
			h, _ := strconv.Atoi(z[1:3])
			mins := 0
			if rest := z[3:]; len(rest) > 0 {
				if rest[0] == ':' {
					rest = rest[1:]
				}
				mins, _ = strconv.Atoi(rest)
			}
			d.offset = h*3600 + mins*60
			if z[0] == '-' {
				d.offset = -d.offset
			}
		}
	}
	return d, true
}

// sameDay reports whether got falls on the truth's day. When the truth
// states an offset, got is read in that offset; when it does not (a date
// alone, or a local time), got is read in its own offset, the one the page
// stated.
func (d truthDay) sameDay(got time.Time) bool {
	if got.IsZero() {
		return false
	}
	if d.hasOffset {
		got = got.In(time.FixedZone("", d.offset))
	}
	y, m, day := got.Date()
	return y == d.year && m == d.month && day == d.day
}
