package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCorpus writes a dataset folder: truth lines and page files; a page
// whose name ends in ".html" is written plain, others gzipped.
func writeCorpus(t *testing.T, truth string, pages map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tiny")
	if err := os.MkdirAll(filepath.Join(dir, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "truth.jsonl"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, body := range pages {
		data := []byte(body)
		if !strings.HasSuffix(name, ".html") {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write(data)
			zw.Close()
			data, name = b.Bytes(), name+".html.gz"
		}
		if err := os.WriteFile(filepath.Join(dir, "pages", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadDatasetAndReadPage(t *testing.T) {
	dir := writeCorpus(t,
		`{"id":"a","url":"https://example.com/a","body":"x","authors":["P Q"],"site_name":"S"}
{"id":"b","with":["w"],"without":["v"],"lang":"fr"}
`, map[string]string{"a": "<p>gz</p>", "b.html": "<p>plain</p>"})
	ds, err := LoadDataset(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Name != "tiny" || len(ds.Pages) != 2 || ds.Pages[0].URL != "https://example.com/a" ||
		ds.Pages[0].Authors[0] != "P Q" || ds.Pages[0].SiteName != "S" || ds.Pages[1].Without[0] != "v" || ds.Pages[1].Lang != "fr" {
		t.Errorf("LoadDataset = %+v", ds)
	}
	for id, want := range map[string]string{"a": "<p>gz</p>", "b": "<p>plain</p>"} {
		if b, err := ds.ReadPage(id); err != nil || string(b) != want {
			t.Errorf("ReadPage(%q) = %q, %v; want %q", id, b, err, want)
		}
	}
	if _, err := ds.ReadPage("missing"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadPage(missing) error = %v, want not-exist", err)
	}
}

func TestLoadDatasetErrors(t *testing.T) {
	for name, truth := range map[string]string{
		"duplicate": `{"id":"a"}` + "\n" + `{"id":"a"}`,
		"no id":     `{"url":"x"}`,
		"bad json":  `{"id":`,
	} {
		if _, err := LoadDataset(writeCorpus(t, truth, nil)); err == nil {
			t.Errorf("%s: LoadDataset succeeded", name)
		}
	}
	if _, err := LoadDataset(t.TempDir()); err == nil {
		t.Error("LoadDataset of a folder without truth.jsonl succeeded")
	}
}

func TestRun(t *testing.T) {
	dir := writeCorpus(t,
		`{"id":"ok","url":"u1","body":"alpha beta gamma delta","title":"T"}
{"id":"fails","url":"u2","body":"alpha beta gamma delta"}
{"id":"panics","with":["x"]}
`, map[string]string{"ok": "alpha beta gamma delta", "fails": "FAIL", "panics": "PANIC"})
	ds, err := LoadDataset(dir)
	if err != nil {
		t.Fatal(err)
	}
	echo := Extractor{Name: "echo", Extract: func(_ context.Context, page []byte, u string) (Prediction, error) {
		switch string(page) {
		case "FAIL":
			return Prediction{Text: "alpha beta gamma delta"}, errors.New("no content")
		case "PANIC":
			panic("boom")
		}
		return Prediction{Text: string(page), Title: u}, nil
	}}
	empty := Extractor{Name: "empty", Extract: func(context.Context, []byte, string) (Prediction, error) {
		return Prediction{}, nil
	}}
	res, err := Run(context.Background(), ds, []Extractor{echo, empty}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || len(res[0]) != 3 {
		t.Fatalf("Run returned %d×%d results", len(res), len(res[0]))
	}
	ok, fails, panics := res[0][0], res[0][1], res[0][2]
	if ok.ID != "ok" || ok.Err != "" || ok.Score.Body.TP != 1 || ok.Score.Title.Got != "u1" {
		t.Errorf("ok page: %+v", ok)
	}
	// A failed extraction is scored as empty, whatever it returned.
	if fails.Err != "no content" || fails.Score.Body.TP != 0 || fails.Score.Body.FN != 1 {
		t.Errorf("failing page: %+v", fails)
	}
	if !strings.HasPrefix(panics.Err, "panic: boom") || panics.Score.Snippets.Pass() {
		t.Errorf("panicking page: %+v", panics)
	}
	if s := Summarize(res[1]); s.Errors != 0 || s.BodyRecall.Value != 0 || s.BodyPrecision.N != 0 {
		t.Errorf("empty extractor summary: %+v", s)
	}
}

func TestRunStopsOnUnreadablePage(t *testing.T) {
	ds, err := LoadDataset(writeCorpus(t, `{"id":"gone"}`, nil))
	if err != nil {
		t.Fatal(err)
	}
	ex := Extractor{Name: "x", Extract: func(context.Context, []byte, string) (Prediction, error) { return Prediction{}, nil }}
	if _, err := Run(context.Background(), ds, []Extractor{ex}, 1); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Run error = %v, want not-exist", err)
	}
}

func TestDatasetDirs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "README.md")
	os.WriteFile(file, []byte("x"), 0o644)
	missing := filepath.Join(dir, "missing")
	dirs, skipped := DatasetDirs([]string{dir, file, missing})
	if len(dirs) != 2 || dirs[0] != dir || dirs[1] != missing || len(skipped) != 1 || skipped[0] != file {
		t.Errorf("DatasetDirs = %q, %q", dirs, skipped)
	}
}
