package eval

import (
	"testing"
	"time"
)

func TestPublishedSameDay(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for _, tc := range []struct {
		truth string
		got   time.Time
		want  bool
	}{
		// Truth with an offset: the prediction is read in that offset.
		{"2024-05-03 15:47:42.389000+00:00", at("2024-05-04T01:00:00+02:00"), true}, // 23:00 UTC on the 3rd
		{"2024-05-03 15:47:42.389000+00:00", at("2024-05-04T01:00:00Z"), false},
		{"2016-12-09T09:13:00.000Z", at("2016-12-09T09:13:00Z"), true},
		{"2016-12-09T23:30:00.000Z", at("2016-12-09T20:30:00-05:00"), false}, // 01:30 UTC on the 10th
		{"2016-12-09T03:30:00.000Z", at("2016-12-08T22:30:00-05:00"), true},  // same instant, the 9th in UTC
		{"2021-11-01T10:52:50+0100", at("2021-11-01T00:30:00+01:00"), true},
		{"2021-11-01T00:10:00+0100", at("2021-10-31T23:30:00Z"), true},   // 00:30 at +01:00
		{"2015-07-10T09:53:00-04:00", at("2015-07-11T02:00:00Z"), true},  // 22:00 on the 10th at -04:00
		{"2015-07-10T09:53:00-04:00", at("2015-07-11T04:30:00Z"), false}, // 00:30 on the 11th at -04:00
		{"2025-06-05 14:46:12+02:00", at("2025-06-05T14:46:12+02:00"), true},
		// Truth without an offset: the prediction is read in its own offset.
		{"2019-08-02", at("2019-08-02T23:30:00-05:00"), true}, // the 3rd in UTC
		{"2019-08-02", at("2019-08-02T00:00:00Z"), true},
		{"2019-08-02", at("2019-08-01T23:59:59Z"), false},
		{"2018-04-05T06:00", at("2018-04-05T06:00:00+09:00"), true},
		{"2020-01-27 10:00:00", at("2020-01-27T23:00:00-03:00"), true},
		// Slips in hand-written truth are read leniently.
		{"2022-01.26", at("2022-01-26T12:00:00Z"), true},
		{"2022-11-1", at("2022-11-01T12:00:00Z"), true},
		// No prediction never matches.
		{"2019-08-02", time.Time{}, false},
	} {
		d, ok := parseTruthDay(tc.truth)
		if !ok {
			t.Errorf("parseTruthDay(%q) failed", tc.truth)
			continue
		}
		if got := d.sameDay(tc.got); got != tc.want {
			t.Errorf("truth %q, got %s: same day = %v, want %v", tc.truth, tc.got.Format(time.RFC3339), got, tc.want)
		}
	}
}

func TestParseTruthDayRejects(t *testing.T) {
	for _, s := range []string{"", "yesterday", "2019", "2019-13-01", "2019-00-10", "2019-01-32", "May 3, 2024"} {
		if d, ok := parseTruthDay(s); ok {
			t.Errorf("parseTruthDay(%q) = %+v, want failure", s, d)
		}
	}
}
