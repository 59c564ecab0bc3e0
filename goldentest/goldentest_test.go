package goldentest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/declutter/declutter"
)

// recorder is a testing.TB that records failures instead of failing, so
// that the tests can check that Check fails when it should. Methods Check
// does not use are left to the nil embedded TB: calling one panics, which
// tells that the fake needs it.
type recorder struct {
	testing.TB
	errs []string
	logs []string
}

func (r *recorder) Helper()                      {}
func (r *recorder) Context() context.Context     { return context.Background() }
func (r *recorder) Logf(format string, a ...any) { r.logs = append(r.logs, fmt.Sprintf(format, a...)) }
func (r *recorder) Errorf(format string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, a...))
}
func (r *recorder) Fatalf(format string, a ...any) {
	r.Errorf(format, a...)
	runtime.Goexit() // as testing.T.FailNow does
}

// check runs Check against r in a goroutine of its own, since a fatal
// failure ends the goroutine.
func check(p Page, opts Options) *recorder {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Check(r, p, opts)
	}()
	<-done
	return r
}

const articleHTML = `<!DOCTYPE html>
<html lang="en"><head><title>A quiet harbour</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>A quiet harbour</h1>
<p>The harbour was quiet on Tuesday morning, when the first boats came back from a night at sea with
their holds half full and their crews tired after twelve hours of work in cold rain.</p>
<p>Fishermen said the season had been the worst in a decade. Prices at the market rose by a third,
and several families who have fished these waters for generations are thinking of selling their boats.</p>
<p>The town council will meet next week to discuss a support fund, the mayor said, adding that the
harbour "is the reason this town exists at all" and must not be left to decline.</p>
</article>
</body></html>`

// writePage writes a page and its sidecar into a new folder.
func writePage(t *testing.T, name, page, sidecar string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if sidecar != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".json"), []byte(sidecar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadOne(t *testing.T, dir string) Page {
	t.Helper()
	pages, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("Load found %d pages, want 1", len(pages))
	}
	return pages[0]
}

func TestCheckUpdateThenCompare(t *testing.T) {
	dir := writePage(t, "harbour", articleHTML, `{"url": "https://example.com/harbour"}`)
	p := loadOne(t, dir)
	gdir := filepath.Join(dir, "golden")

	r := check(p, Options{GoldenDir: gdir, Update: true})
	if len(r.errs) > 0 {
		t.Fatalf("update failed: %v", r.errs)
	}
	if len(r.logs) != 2 {
		t.Errorf("update logged %q, want one line per golden file written", r.logs)
	}
	js, err := os.ReadFile(filepath.Join(gdir, "harbour.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"url": "https://example.com/harbour"`, `"removed": []`, `"Fishermen said`} {
		if !bytes.Contains(js, []byte(want)) {
			t.Errorf("golden JSON lacks %s:\n%s", want, js)
		}
	}
	if !bytes.HasSuffix(js, []byte("}\n")) {
		t.Error("golden JSON does not end with a newline")
	}
	htm, err := os.ReadFile(filepath.Join(gdir, "harbour.golden.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(htm, []byte("</p>\n")) {
		t.Errorf("golden HTML has no line break after a paragraph:\n%s", htm)
	}

	// The same output compares equal, and an update writes nothing.
	if r := check(p, Options{GoldenDir: gdir}); len(r.errs) > 0 {
		t.Errorf("unchanged output failed: %v", r.errs)
	}
	if r := check(p, Options{GoldenDir: gdir, Update: true}); len(r.logs) > 0 {
		t.Errorf("update of unchanged output wrote files: %v", r.logs)
	}
}

func TestCheckFailsWhenOutputDiffers(t *testing.T) {
	dir := writePage(t, "harbour", articleHTML, "")
	p := loadOne(t, dir)
	if r := check(p, Options{Update: true}); len(r.errs) > 0 {
		t.Fatal(r.errs)
	}
	// Change a paragraph of the page: the golden files no longer match.
	changed := strings.Replace(articleHTML, "worst in a decade", "best in a decade", 1)
	if err := os.WriteFile(p.Path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	r := check(p, Options{})
	if len(r.errs) != 2 {
		t.Fatalf("got %d failures, want 2 (JSON and HTML): %q", len(r.errs), r.errs)
	}
	for _, e := range r.errs {
		if !strings.Contains(e, "-") || !strings.Contains(e, "best in a decade") || !strings.Contains(e, "worst in a decade") {
			t.Errorf("failure does not show the changed line both ways:\n%s", e)
		}
		if !strings.Contains(e, "-update") {
			t.Errorf("failure does not say how to accept the change:\n%s", e)
		}
	}
	if !strings.Contains(r.errs[0], "\n-    \"Fishermen said the season had been the worst") {
		t.Errorf("JSON diff does not show the old line as removed:\n%s", r.errs[0])
	}
}

func TestCheckMissingGoldenFails(t *testing.T) {
	p := loadOne(t, writePage(t, "harbour", articleHTML, ""))
	r := check(p, Options{GoldenDir: t.TempDir()})
	if len(r.errs) != 2 {
		t.Fatalf("got %d failures, want 2: %q", len(r.errs), r.errs)
	}
	if !strings.Contains(r.errs[0], "missing") || !strings.Contains(r.errs[0], "-update") {
		t.Errorf("missing golden file message does not say what to do: %s", r.errs[0])
	}
}

func TestCheckPhrases(t *testing.T) {
	sidecar := `{
		"must_contain": ["Prices at the market   rose by a third", "a phrase that is not there"],
		"must_not_contain": ["worst in a\ndecade", "Lorem ipsum"]
	}`
	p := loadOne(t, writePage(t, "harbour", articleHTML, sidecar))
	// Phrases are checked during an update too.
	r := check(p, Options{GoldenDir: t.TempDir(), Update: true})
	if len(r.errs) != 2 {
		t.Fatalf("got %d failures, want 2: %q", len(r.errs), r.errs)
	}
	if !strings.Contains(r.errs[0], "lacks must_contain phrase \"a phrase that is not there\"") {
		t.Errorf("unexpected failure: %s", r.errs[0])
	}
	if !strings.Contains(r.errs[1], "must_not_contain phrase \"worst in a\\ndecade\"") ||
		!strings.Contains(r.errs[1], "had been the worst") {
		t.Errorf("unexpected failure (want the phrase and its context): %s", r.errs[1])
	}
}

func TestCheckPending(t *testing.T) {
	sidecar := `{
		"must_contain": ["a phrase that is not there", "harbour was quiet"],
		"must_not_contain": ["Lorem ipsum"],
		"pending": ["a phrase that is not there", "Lorem ipsum"]
	}`
	p := loadOne(t, writePage(t, "harbour", articleHTML, sidecar))
	r := check(p, Options{GoldenDir: t.TempDir(), Update: true})
	// The pending failure is logged; the pending phrase that holds is an error.
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], `pending phrase "Lorem ipsum" now holds`) {
		t.Errorf("got failures %q, want one for the pending phrase that holds", r.errs)
	}
	if !slices.ContainsFunc(r.logs, func(l string) bool { return strings.Contains(l, "pending: text lacks") }) {
		t.Errorf("the pending failure was not logged: %q", r.logs)
	}
}

func TestCheckExtractionError(t *testing.T) {
	p := loadOne(t, writePage(t, "blank", " \n\t\n", ""))
	r := check(p, Options{GoldenDir: t.TempDir(), Update: true})
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "no readable content") {
		t.Errorf("got %q, want one fatal failure naming the error", r.errs)
	}
}

func TestCheckUsesExtractor(t *testing.T) {
	// A user rule given through Options.Extractor shows in Removed.
	e, err := declutter.New(declutter.Options{Rules: []declutter.Rule{{
		Name: "test-council", Stage: declutter.StageBody, Selector: "p", Text: "town council",
	}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := writePage(t, "harbour", articleHTML, "")
	if r := check(loadOne(t, dir), Options{Extractor: e, Update: true}); len(r.errs) > 0 {
		t.Fatal(r.errs)
	}
	js, err := os.ReadFile(filepath.Join(dir, "harbour.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte(`"rule": "test-council"`)) || !bytes.Contains(js, []byte(`"snippet": "The town council`)) ||
		bytes.Contains(js, []byte("\n    \"The town council will meet")) {
		t.Errorf("golden JSON does not show the user rule's removal:\n%s", js)
	}
}

func TestCheckPassesContentType(t *testing.T) {
	// The sidecar's content type reaches the extractor: its charset
	// decides how the page's bytes are decoded.
	page := strings.Replace(articleHTML, "The harbour was quiet", "The harbour was qui\xe9t", 1)
	dir := writePage(t, "harbour", page, `{"content_type": "text/html; charset=iso-8859-1"}`)
	if r := check(loadOne(t, dir), Options{Update: true}); len(r.errs) > 0 {
		t.Fatal(r.errs)
	}
	js, err := os.ReadFile(filepath.Join(dir, "harbour.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"harbour was quiét", `"encoding_source": "content-type"`} {
		if !bytes.Contains(js, []byte(want)) {
			t.Errorf("golden JSON lacks %s:\n%s", want, js)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(articleHTML))
	zw.Close()
	write("b.html.gz", gz.String())
	write("b.json", `{"url": "https://example.com/b", "license": "CC0"}`)
	write("a.html", articleHTML)
	write("a.golden.json", "{}")
	write("notes.txt", "ignored")

	pages, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].Name != "a" || pages[1].Name != "b" {
		t.Fatalf("Load = %+v, want pages a and b in order", pages)
	}
	if pages[1].Spec.URL != "https://example.com/b" || pages[1].Spec.License != "CC0" {
		t.Errorf("sidecar not read: %+v", pages[1].Spec)
	}
	raw, err := readPage(pages[1].Path)
	if err != nil || string(raw) != articleHTML {
		t.Errorf("gzipped page not read back: %v", err)
	}

	bad := []struct{ file, content, want string }{
		{"b.json", `{"must_contian": ["x"]}`, "unknown field"},
		{"b.json", `{"must_contain": [" "]}`, "empty phrase"},
		{"c.json", `{}`, "has no page"},
		{"b.json", `{"must_contain": ["x"], "pending": ["y"]}`, "in neither"},
		{"a.htm", articleHTML, "two pages"},
	}
	for _, tt := range bad {
		write(tt.file, tt.content)
		_, err := Load(dir)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("with %s = %s: Load error %v, want %q", tt.file, tt.content, err, tt.want)
		}
		os.Remove(filepath.Join(dir, tt.file))
		write("b.json", `{}`)
	}
}

func TestOrphans(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.golden.json", "a.golden.html", "gone.golden.json", "gone.json", "x.html"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := orphans(dir, []Page{{Name: "a"}, {Name: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || filepath.Base(got[0]) != "gone.golden.json" {
		t.Errorf("orphans = %q, want only gone.golden.json", got)
	}
	if got, err := orphans(filepath.Join(dir, "absent"), nil); err != nil || got != nil {
		t.Errorf("orphans of a missing folder = %q, %v; want none", got, err)
	}
}

func TestRun(t *testing.T) {
	dir := writePage(t, "harbour", articleHTML, `{"must_contain": ["harbour was quiet"]}`)
	gdir := filepath.Join(dir, "golden")
	stale := filepath.Join(gdir, "renamed.golden.json")
	if err := os.MkdirAll(gdir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Run with Update writes the golden files and deletes the stale one,
	// then Run without it passes.
	t.Run("update", func(t *testing.T) { Run(t, dir, Options{GoldenDir: gdir, Update: true}) })
	t.Run("compare", func(t *testing.T) { Run(t, dir, Options{GoldenDir: gdir}) })
	if _, err := os.Stat(filepath.Join(gdir, "harbour.golden.html")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale golden file not deleted by an update: %v", err)
	}
}

func TestEncodeRecordTimes(t *testing.T) {
	kyiv := time.FixedZone("", 3*3600)
	a := &declutter.Article{Published: time.Date(2024, 10, 18, 12, 14, 0, 0, kyiv), Text: "one\n\ntwo"}
	js := string(encodeRecord(a))
	for _, want := range []string{
		`"published": "2024-10-18T12:14:00+03:00"`, `"modified": ""`, `"authors": []`,
		"\"text\": [\n    \"one\",\n    \"\",\n    \"two\"\n  ]",
	} {
		if !strings.Contains(js, want) {
			t.Errorf("golden JSON lacks %s:\n%s", want, js)
		}
	}
	if strings.Index(js, `"title"`) > strings.Index(js, `"text"`) {
		t.Error("field order is not the record's")
	}
}
