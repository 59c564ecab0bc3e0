package declutter

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestPublishedFarDateElements(t *testing.T) {
	filler := strings.Repeat("<p>Text <b>of</b> <i>the</i> article.</p>", 110) // 330 elements
	events := `<ul class="events"><li><span class="datum">29.02.2020 18:00 Uhr</span> Weinprobe</li></ul>`
	cases := []struct{ name, html, want string }{
		{"a far sidebar's event date gives way to the date meta",
			`<head><meta name="date" content="2020-02-11"></head><h1>D.O.Ca. Rioja</h1>` + filler + events, "2020-02-11"},
		// must not change: without a date meta the far date is all there is;
		// a date by the headline beats the date meta
		{"no date meta", `<h1>D.O.Ca. Rioja</h1>` + filler + events, "2020-02-29"},
		{"near date", `<head><meta name="date" content="2020-02-11"></head><h1>D.O.Ca. Rioja</h1>` +
			`<span class="datum">10.02.2020</span>` + filler + events, "2020-02-10"},
	}
	for _, c := range cases {
		m := readMetadata(parseHTML(t, c.html), nil)
		assert.Equal(t, c.want, m.Published.Format(time.DateOnly), c.name)
	}
}
