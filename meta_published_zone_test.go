package declutter

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestSettleZone(t *testing.T) {
	cases := []struct{ in, lang, want string }{
		// a zone-less date or time is local time where the language is spoken
		{"2019/02/22", "ja", "2019-02-22T00:00:00+09:00"},
		{"2019年04月21日 12時00分", "ja-JP", "2019-04-21T12:00:00+09:00"},
		{"19.07.2022", "de", "2022-07-19T00:00:00+02:00"},
		{"19.01.2022 12:00", "de-AT", "2022-01-19T12:00:00+01:00"},
		// a UTC instant is shown in that zone: the publisher's day
		{"2019-10-18T22:04:00Z", "de-DE", "2019-10-19T00:04:00+02:00"},
		{"2022-11-06T23:00:00.000Z", "de", "2022-11-07T00:00:00+01:00"},
		// a stated offset is kept
		{"2019-10-18T22:04:00-05:00", "de", "2019-10-18T22:04:00-05:00"},
		// no single zone: wall time in UTC, UTC instant unchanged
		{"19.07.2022", "es", "2022-07-19T00:00:00Z"},
		{"2019-10-18T22:04:00Z", "fr-CA", "2019-10-18T22:04:00Z"},
		{"2019/02/22", "en", "2019-02-22T00:00:00Z"},
	}
	for _, c := range cases {
		got, ok := parseDate(c.in, false)
		if !assert.True(t, ok, c.in) {
			continue
		}
		z, known := pageZone(c.lang, nil)
		assert.Equal(t, c.want, settleZone(got, z, known).Format(time.RFC3339), "%s (%s)", c.in, c.lang)
	}
}

func TestEUSummerTime(t *testing.T) {
	// 2024: from 31 March 01:00 UTC to 27 October 01:00 UTC
	assert.False(t, euSummerTime(time.Date(2024, 3, 31, 0, 59, 0, 0, time.UTC)))
	assert.True(t, euSummerTime(time.Date(2024, 3, 31, 1, 0, 0, 0, time.UTC)))
	assert.True(t, euSummerTime(time.Date(2024, 10, 27, 0, 59, 0, 0, time.UTC)))
	assert.False(t, euSummerTime(time.Date(2024, 10, 27, 1, 0, 0, 0, time.UTC)))
}

func TestMetadataPublishedZone(t *testing.T) {
	cases := []struct{ name, html, url, want string }{
		{"a Japanese page's date is a day in Japan",
			`<html lang="ja"><h1>記事</h1><p class="date">2019/02/22</p></html>`, "", "2019-02-22T00:00:00+09:00"},
		{"a German page's UTC stamp is shown in German time",
			`<html lang="de"><head><meta property="article:published_time" content="2021-11-04T23:00Z"></head><h1>Titel</h1></html>`,
			"", "2021-11-05T00:00:00+01:00"},
		{"a UTC time the page shows on its UTC day stays UTC",
			`<html lang="de-DE"><h1>Protokoll</h1><time class="entry-date published" datetime="2019-12-26T23:07:45+00:00">26/12/2019</time></html>`,
			"", "2019-12-26T23:07:45Z"},
		{"a UTC stamp takes the URL's day when the zone is unknown",
			`<html lang="en-US"><head><meta property="article:published_time" content="2020-02-25T02:25:54+00:00"></head><h1>Title</h1></html>`,
			"https://example.com/2020/02/24/story/", "2020-02-24T23:25:54-03:00"},
		{"a UTC stamp on the URL's day is left alone",
			`<html lang="en-US"><head><meta property="article:published_time" content="2020-02-24T20:25:54+00:00"></head><h1>Title</h1></html>`,
			"https://example.com/2020/02/24/story/", "2020-02-24T20:25:54Z"},
	}
	for _, c := range cases {
		var m metadata
		if c.url != "" {
			m = readMetadata(parseHTML(t, c.html), mustURL(t, c.url))
		} else {
			m = readMetadata(parseHTML(t, c.html), nil)
		}
		assert.Equal(t, c.want, m.Published.Format(time.RFC3339), c.name)
	}
}

func TestPageZoneFromRegionOrDomain(t *testing.T) {
	u := func(s string) *url.URL { v, _ := url.Parse(s); return v }
	instant := time.Date(2022, 5, 4, 0, 25, 56, 0, time.UTC)
	cases := []struct {
		lang, url string
		want      string // the instant in the page's zone; "" when unknown
	}{
		{"es", "https://www.lanacion.com.ar/politica/x", "2022-05-03T21:25:56-03:00"},
		{"pt-BR", "https://www.example.com/x", "2022-05-03T21:25:56-03:00"},
		{"es-ES", "https://www.example.com/x", "2022-05-04T02:25:56+02:00"},
		// unknown: Spanish on a generic domain, a region the domain does not override
		{"es", "https://www.example.com/x", ""},
		{"en-US", "https://www.example.de/x", ""},
		{"fr-CA", "https://www.example.ca/x", ""},
	}
	for _, c := range cases {
		z, known := pageZone(c.lang, u(c.url))
		if c.want == "" {
			assert.False(t, known, "%s %s", c.lang, c.url)
			continue
		}
		if assert.True(t, known, "%s %s", c.lang, c.url) {
			assert.Equal(t, c.want, settleZone(instant, z, known).Format(time.RFC3339), "%s %s", c.lang, c.url)
		}
	}
}
