package declutter

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestPublishedWhenJSONLDAndMetaDisagree(t *testing.T) {
	const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2022-01-04T07:29:00Z"}</script>`
	const meta = `<meta property="article:published_time" content="2022-01-06T08:29:34">`
	cases := []struct{ name, html, want string }{
		{"the meta confirmed by the generic date meta",
			`<head>` + ld + meta + `<meta name="date" content="2022-01-06"></head><h1>H</h1>`, "2022-01-06"},
		{"the meta confirmed by the date shown by the headline",
			`<head>` + ld + meta + `</head><h1>H</h1><span class="entry-date">6. Januar 2022, 08:29 Uhr</span>`, "2022-01-06"},
		// must not change: JSON-LD wins when unconfirmed, confirmed, or close
		{"neither confirmed", `<head>` + ld + meta + `</head><h1>H</h1>`, "2022-01-04"},
		{"JSON-LD confirmed",
			`<head>` + ld + meta + `</head><h1>H</h1><span class="entry-date">4 January 2022</span>`, "2022-01-04"},
		{"a day apart is a time zone's difference",
			`<head>` + ld + `<meta property="article:published_time" content="2022-01-05T00:29:00+02:00"><meta name="date" content="2022-01-05"></head><h1>H</h1>`,
			"2022-01-04"},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		assert.Equal(t, c.want, m.Published.UTC().Format(time.DateOnly), c.name)
	}
}
