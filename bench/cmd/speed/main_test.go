package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpeed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tiny")
	os.MkdirAll(filepath.Join(dir, "pages"), 0o755)
	var truth strings.Builder
	for i := range 3 {
		id := fmt.Sprintf("p%d", i)
		body := strings.Repeat("<p>Some words of a paragraph that goes on for a while, long enough to read.</p>\n", 5*(i+1))
		os.WriteFile(filepath.Join(dir, "pages", id+".html"), []byte("<html><body><article><h1>T</h1>"+body+"</article></body></html>"), 0o644)
		fmt.Fprintf(&truth, `{"id":%q}`+"\n", id)
	}
	os.WriteFile(filepath.Join(dir, "truth.jsonl"), []byte(truth.String()), 0o644)
	var out, errOut bytes.Buffer
	if code := run([]string{"-rounds", "1", "-only", "declutter,readeck", dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	for _, want := range []string{"3 pages", "ms/page", "html.Parse", "readeck", "declutter", "1.00", "throughput", "ms per 100 KB", "highest cost relative"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "go-shiori") {
		t.Errorf("-only did not leave go-shiori out:\n%s", got)
	}
	for _, args := range [][]string{nil, {"-rounds", "0", dir}, {"-only", "nobody", dir}} {
		if code := run(args, &out, &errOut); code != 2 {
			t.Errorf("run(%q) = %d, want 2", args, code)
		}
	}
}
