package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const page = `<html lang="en"><head><title>Rain in Spain</title></head><body><article><h1>Rain in Spain</h1>
<p>The rain in Spain stays mainly in the plain, the forecasters said on Monday, and the farmers were glad of it after a dry spring.</p>
<p>Reservoirs across the south of the country rose for the first time in months, and the water authority lifted the limits it had set in March.</p>
<p>More rain is expected later in the week, with storms likely along the coast and snow on the higher ground of the Sierra Nevada.</p>
</article></body></html>`

func TestCompare(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tiny")
	os.MkdirAll(filepath.Join(dir, "pages"), 0o755)
	os.WriteFile(filepath.Join(dir, "pages", "rain.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "truth.jsonl"), []byte(`{"id":"rain","url":"https://weather.example/rain","title":"Rain in Spain","with":["stays mainly in the plain"]}`+"\n"), 0o644)
	var out, errOut bytes.Buffer
	if code := run([]string{"-worst", "1", dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	header, _, _ := strings.Cut(got, "\n")
	for _, name := range []string{"tiny (1 pages)", "declutter", "readeck", "go-shiori", "trafilatura-nofb", "trafilatura"} {
		if !strings.Contains(header, name) {
			t.Errorf("header lacks %q: %s", name, header)
		}
	}
	for _, want := range []string{"title exact", "with found", "pages passing"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "worst pages: tiny, readeck") {
		t.Errorf("worst pages listed for a peer:\n%s", got)
	}
	if code := run(nil, &out, &errOut); code != 2 {
		t.Errorf("no args: exit %d, want 2", code)
	}
}
