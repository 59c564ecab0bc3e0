package declutter

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in         string
		monthFirst bool
		want       string // RFC 3339; "" means no date
	}{
		// ISO 8601 keeps the stated offset; a zone-less time is UTC
		{"2024-10-18T12:14:00+02:00", false, "2024-10-18T12:14:00+02:00"},
		{"2024-10-18T12:14:00.123Z", false, "2024-10-18T12:14:00.123Z"},
		{"2024-10-18T12:14:00", false, "2024-10-18T12:14:00Z"},
		{"2016-12-09T09:13:00.000-0500", false, "2016-12-09T09:13:00-05:00"},
		{"2024-10-18", false, "2024-10-18T00:00:00Z"},
		// RFC 1123 and US forms; zone abbreviations become their offset
		{"Fri, 18 Oct 2024 12:14:00 GMT", false, "2024-10-18T12:14:00Z"},
		{"Fri, 18 Oct 2024 12:14:00 EST", false, "2024-10-18T12:14:00-05:00"},
		{"October 18, 2024 12:14 PM", true, "2024-10-18T12:14:00Z"},
		{"October 18, 2024 12:14 PM EDT", true, "2024-10-18T12:14:00-04:00"},
		{"Oct 18, 2024 at 12:14 PM ET", true, "2024-10-18T12:14:00-04:00"},
		{"Jan 18, 2024 at 9:00 AM ET", true, "2024-01-18T09:00:00-05:00"},
		{"18 Oct 2024 12:14 CEST", false, "2024-10-18T12:14:00+02:00"},
		// German, French, Spanish, CJK
		{"18. Oktober 2024", false, "2024-10-18T00:00:00Z"},
		{"Veröffentlicht am 18. März 2024 um 12:14 Uhr", false, "2024-03-18T12:14:00Z"},
		{"18.10.2024", false, "2024-10-18T00:00:00Z"},
		{"am 25.08.2015 22:30", false, "2015-08-25T22:30:00Z"},
		{"Stand: 28.04.2020 18.00 Uhr", false, "2020-04-28T18:00:00Z"},
		{"18 octobre 2024", false, "2024-10-18T00:00:00Z"},
		{"18 de octubre de 2024", false, "2024-10-18T00:00:00Z"},
		{"2024年10月18日", false, "2024-10-18T00:00:00Z"},
		{"2019年04月21日 12時00分更新", false, "2019-04-21T12:00:00Z"},
		// a comma before the year; Russian and Ukrainian months
		{"07 Dezember, 2022", false, "2022-12-07T00:00:00Z"},
		{"29.04.2020, 12:01 Uhr", false, "2020-04-29T12:01:00Z"},
		{"Von Deutscher Tennis Bund 4.\u20092.\u20092022.", false, "2022-02-04T00:00:00Z"},
		// a dotted date is day first even where slashes are month first
		{"01.02.2022 16:28", true, "2022-02-01T16:28:00Z"},
		{"Oct 18, 2024, 12:14 PM", true, "2024-10-18T12:14:00Z"},
		{"15 августа 2016, 13:43", false, "2016-08-15T13:43:00Z"},
		{"5 листопада 2023", false, "2023-11-05T00:00:00Z"},
		// day/month order follows the page's language when ambiguous
		{"03/04/2024", false, "2024-04-03T00:00:00Z"},
		{"03/04/2024", true, "2024-03-04T00:00:00Z"},
		// Unix epochs, as JSON-LD numbers
		{"1729253640", false, "2024-10-18T12:14:00Z"},
		{"1729253640000", false, "2024-10-18T12:14:00Z"},
		// not dates
		{"", false, ""},
		{"yesterday", false, ""},
		{"0000-00-00", false, ""},
		{"1850-01-01", false, ""},
		// a year or a month has no day (citations' microdata, journal issues)
		{"2006", false, ""},
		{"2017/01", false, ""},
		{"2017-1", false, ""},
	}
	for _, c := range cases {
		got, ok := parseDate(c.in, c.monthFirst)
		got = settleZone(got, zoneRule{}, false) // a page of unknown zone
		if c.want == "" {
			assert.False(t, ok, "%q gave %v", c.in, got)
			continue
		}
		if assert.True(t, ok, "%q", c.in) {
			assert.Equal(t, c.want, got.Format(time.RFC3339Nano), "%q", c.in)
		}
	}
}

func TestFindDateInText(t *testing.T) {
	got, ok := findDate("Posted on March 3, 2019 by Jane Doe", true)
	require.True(t, ok)
	assert.Equal(t, "2019-03-03", got.Format(time.DateOnly))
	_, ok = findDate("Call 0800 123 456 now", false)
	assert.False(t, ok)
	// a two-digit year in a day.month.year date
	got, ok = findDate("Von: Björn Jahner | 31.10.23", false)
	require.True(t, ok)
	assert.Equal(t, "2023-10-31", got.Format(time.DateOnly))
	// not dates: version numbers, longer dotted numbers
	for _, s := range []string{"Version 10.12.195", "IP 10.12.19.4", "Kapitel 3.2.14b"} {
		_, ok = findDate(s, false)
		assert.False(t, ok, s)
	}
}

func TestUSDaylightSaving(t *testing.T) {
	assert.True(t, usDST(time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)))
	assert.False(t, usDST(time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)))
	assert.True(t, usDST(time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)), "second Sunday of March 2024")
	assert.False(t, usDST(time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC)))
	assert.False(t, usDST(time.Date(2024, 11, 3, 0, 0, 0, 0, time.UTC)), "first Sunday of November 2024")
}

func TestHasMonthNameAgreesWithReWordish(t *testing.T) {
	for _, s := range []string{"", "2024-05-03T15:47:42+02:00", "3. März 2024", "10 octobre", "MAI", "Mail", "xjanv",
		"janv.", "12h30", "\xffjuni\xff", "Dezember漢", "okt", "Oktober2024", "июня", "Sept.", "sept"} {
		want := reWordish.ReplaceAllStringFunc(s, func(w string) string {
			if en, ok := monthNames[strings.ToLower(w)]; ok {
				return en
			}
			return w
		}) != s
		if got := hasMonthName(s); got != want {
			t.Errorf("hasMonthName(%q) = %v, want %v", s, got, want)
		}
	}
}
