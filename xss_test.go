package declutter

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// vector is one XSS payload from testdata/xss (format in SOURCE.md).
type vector struct {
	where string // file:line
	text  string
}

// loadVectors reads every vector in testdata/xss, dropping exact
// duplicates across files.
func loadVectors(tb testing.TB) []vector {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "xss", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no vector files in testdata/xss: %v", err)
	}
	seen := map[string]bool{}
	var out []vector
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for line := 1; sc.Scan(); line++ {
			text := sc.Text()
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			if q, ok := strings.CutPrefix(text, "%q "); ok {
				if text, err = strconv.Unquote(q); err != nil {
					tb.Fatalf("%s:%d: bad quoted vector: %v", name, line, err)
				}
			}
			if !seen[text] {
				seen[text] = true
				out = append(out, vector{fmt.Sprintf("%s:%d", filepath.Base(name), line), text})
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

func vectorTexts(tb testing.TB) []string {
	vs := loadVectors(tb)
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.text
	}
	return out
}

// The article the vectors are planted in: original prose, long enough
// that the readability pass picks it as the body.
var xssProse = []string{
	`The first lighthouse keepers on this stretch of coast were fishermen's widows, paid by the harbour board in coal and candles rather than coin. Their logbooks survive in the county archive, and they read less like official records than like diaries of weather, shipping and loneliness.`,
	`Each entry begins with the wind: its direction, its strength, whether it carried rain. Then come the ships, counted as they passed the point, with a note on any that seemed to be in difficulty. Only after all that does a keeper allow herself a line about her own day.`,
	`Margaret Hale kept the light for twenty-six years and wrote in a small, upright hand that never changed. In the winter of the great storm she recorded eleven vessels driven onto the sands, and beside the last of them she wrote only that she had kept the lamp burning all night.`,
	`The board replaced the keepers with an automatic lamp in the nineteen-fifties. The cottage was sold, the lens went to a museum inland, and the logbooks were boxed up and forgotten until a volunteer cataloguing the archive found them behind a shelf of parish registers.`,
	`Reading them now, what stands out is how little the keepers complained. The work was cold, repetitive and often dangerous, and yet the tone is steady, even proud. They knew that on certain nights the whole coast depended on one woman climbing the stairs with a can of oil.`,
	`The archive plans to publish the logbooks in full next spring, with a map of every wreck they mention. Until then, a selection of pages is on display in the reading room, open on weekday afternoons to anyone who asks at the front desk.`,
}

// xssPage returns a full page with v planted in the middle of the third
// paragraph (midParagraph) or between the third and fourth paragraphs.
func xssPage(v string, midParagraph bool) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The keepers of the light | Coastal Review</title>` +
		`<meta name="author" content="Ann Example"></head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>` +
		`<main><article><h1>The keepers of the light</h1><p class="byline">By Ann Example</p>`)
	for i, p := range xssProse {
		if i == 2 && midParagraph {
			mid := strings.Index(p, ". ") + 2
			fmt.Fprintf(&b, "<p>%s%s %s</p>\n", p[:mid], v, p[mid:])
			continue
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
		if i == 2 && !midParagraph {
			b.WriteString(v + "\n")
		}
	}
	b.WriteString(`</article></main><footer><p>© Coastal Review</p></footer></body></html>`)
	return b.String()
}

// TestXSSCorpusSanitize runs every vector through the sanitiser alone.
func TestXSSCorpusSanitize(t *testing.T) {
	vs := loadVectors(t)
	if len(vs) < 300 {
		t.Fatalf("corpus has %d vectors, want at least 300", len(vs))
	}
	survivors, flaggedRaw := 0, 0
	for _, v := range vs {
		if len(executable(v.text)) > 0 {
			flaggedRaw++
		}
		if bad := executable(sanitizeHTML(v.text)); len(bad) != 0 {
			survivors++
			t.Errorf("%s: %q survives sanitising: %q", v.where, v.text, bad)
		}
	}
	t.Logf("%d vectors (%d executable before sanitising), %d survive sanitizeHTML", len(vs), flaggedRaw, survivors)
}

// TestXSSCorpusExtract plants every vector in a real article, twice (in
// a paragraph and between paragraphs), extracts it, and checks that
// nothing executable reaches Content and that the prose before the
// vector survives.
func TestXSSCorpusExtract(t *testing.T) {
	vs := loadVectors(t)
	const pageURL = "https://news.example.com/2024/05/keepers-of-the-light"
	survivors, lostLater := 0, 0
	for _, v := range vs {
		for _, mid := range []bool{true, false} {
			a, err := Extract(context.Background(), strings.NewReader(xssPage(v.text, mid)), pageURL)
			if err != nil {
				t.Errorf("%s (mid=%v): %q: %v", v.where, mid, v.text, err)
				continue
			}
			if bad := executable(a.Content); len(bad) != 0 {
				survivors++
				t.Errorf("%s (mid=%v): %q survives in Content: %q", v.where, mid, v.text, bad)
			}
			for _, p := range xssProse[:2] {
				if !strings.Contains(a.Text, p) || !strings.Contains(a.Content, p[:60]) {
					t.Errorf("%s (mid=%v): %q: prose lost: %.60q", v.where, mid, v.text, p)
				}
			}
			// A vector that opens a raw-text element (plaintext, an
			// unclosed textarea or comment) swallows what follows, as it
			// would in a browser; count it rather than fail.
			if !strings.Contains(a.Text, xssProse[5][:60]) {
				lostLater++
			}
		}
	}
	t.Logf("%d vectors x 2 placements: %d executable survivors; %d pages lost the prose after the vector", len(vs), survivors, lostLater)
}
