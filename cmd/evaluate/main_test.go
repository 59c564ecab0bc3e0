package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const articlePage = `<!DOCTYPE html><html lang="en-GB"><head><title>Rain in Spain | Weather Weekly</title>
<meta property="og:site_name" content="Weather Weekly"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Rain in Spain</h1>
<p>The rain in Spain stays mainly in the plain, the forecasters said on Monday, and the farmers were glad of it after a dry spring.</p>
<p>Reservoirs across the south of the country rose for the first time in months, and the water authority lifted the limits it had set in March.</p>
<p>More rain is expected later in the week, with storms likely along the coast and snow on the higher ground of the Sierra Nevada.</p>
</article><footer>Copyright Weather Weekly</footer></body></html>`

// writeCorpus writes a tiny dataset: one article page, one empty page
// (an extraction error) and one page whose truth no extractor can meet.
func writeCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tiny")
	if err := os.MkdirAll(filepath.Join(dir, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	truth := `{"id":"rain","url":"https://weather.example/rain","body":"The rain in Spain stays mainly in the plain, the forecasters said on Monday, and the farmers were glad of it after a dry spring.","with":["stays mainly in the plain"],"without":["Copyright Weather Weekly"],"lang":"en"}
{"id":"empty","url":"https://weather.example/empty","title":"Nothing"}
{"id":"wrong","url":"https://weather.example/wrong","title":"A title found nowhere on the page","with":["a sentence found nowhere"]}
`
	pages := map[string][]byte{
		"rain":  []byte(articlePage),
		"empty": []byte(" \n "),
		"wrong": []byte(articlePage),
	}
	if err := os.WriteFile(filepath.Join(dir, "truth.jsonl"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
	for id, b := range pages {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, "pages", id+".html.gz"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRunTable(t *testing.T) {
	dir := writeCorpus(t)
	var out, errOut bytes.Buffer
	readme := filepath.Join(filepath.Dir(dir), "README.md") // as a corpus/* glob picks up
	os.WriteFile(readme, []byte("x"), 0o644)
	if code := run([]string{"-worst", "3", "-j", "2", readme, dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "skipping "+readme) {
		t.Errorf("stderr does not say the README was skipped: %s", errOut.String())
	}
	got := out.String()
	for _, want := range []string{
		"tiny (3 pages)", "declutter",
		"errors", "body F1", "with found", "without absent", "pages passing", "title exact", "lang",
		"worst pages: tiny, declutter",
		`missing "a sentence found nowhere"`,
		"error: declutter: no readable content",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "byline") || strings.Contains(got, "site_name") {
		t.Errorf("output has rows no truth counts:\n%s", got)
	}
}

func TestRunJSON(t *testing.T) {
	dir := writeCorpus(t)
	var out, errOut bytes.Buffer
	if code := run([]string{"-json", "-worst", "1", dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr: %s", code, errOut.String())
	}
	var got struct {
		Datasets []struct {
			Name       string
			Extractors []struct {
				Name    string
				Summary struct {
					Pages, Errors int
					Title         struct{ N int }
					WithFound     struct{ N int } `json:"with_found"`
					Lang          struct{ N int }
				}
				Worst []struct{ ID string }
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if len(got.Datasets) != 1 || len(got.Datasets[0].Extractors) != 1 {
		t.Fatalf("JSON = %+v", got)
	}
	ex := got.Datasets[0].Extractors[0]
	s := ex.Summary
	if ex.Name != "declutter" || s.Pages != 3 || s.Errors != 1 || s.Title.N != 2 || s.WithFound.N != 2 || s.Lang.N != 1 {
		t.Errorf("summary = %+v", s)
	}
	if len(ex.Worst) != 1 {
		t.Errorf("worst = %+v, want 1 page", ex.Worst)
	}
}

func TestRunErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{nil, 2},
		{[]string{"-nope", "x"}, 2},
		{[]string{filepath.Join(t.TempDir(), "absent")}, 1},
	} {
		var out, errOut bytes.Buffer
		if code := run(tc.args, &out, &errOut); code != tc.code {
			t.Errorf("run(%q) = %d, want %d", tc.args, code, tc.code)
		}
		if errOut.Len() == 0 {
			t.Errorf("run(%q) printed nothing on stderr", tc.args)
		}
	}
}

func TestRunPageTypes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "typed")
	if err := os.MkdirAll(filepath.Join(dir, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	truth := `{"id":"rain","url":"https://weather.example/2024/05/rain-in-spain","page_type":"article"}
{"id":"empty","url":"https://weather.example/","page_type":"listing"}
`
	os.WriteFile(filepath.Join(dir, "truth.jsonl"), []byte(truth), 0o644)
	os.WriteFile(filepath.Join(dir, "pages", "rain.html"), []byte(articlePage), 0o644)
	os.WriteFile(filepath.Join(dir, "pages", "empty.html"), []byte(" \n "), 0o644)
	var out, errOut bytes.Buffer
	if code := run([]string{dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr: %s", code, errOut.String())
	}
	got := out.String()
	// the article is told; the empty page fails and is "other"
	for _, want := range []string{"page type accuracy", "0.500", "page types: typed, declutter (rows: truth, columns: predicted)", "other"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

// TestRunCaptions: -captions adds a column that scores Text with the
// figure captions kept; without it there is one column.
func TestRunCaptions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "figures")
	if err := os.MkdirAll(filepath.Join(dir, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	page := strings.Replace(articlePage, "</article>", `<figure><img src="https://weather.example/rain.jpg" alt=""><figcaption>Puddles on the plaza in Seville on Monday</figcaption></figure>
<p>Farmers in the north said the rain had come too late for the winter wheat, which had already suffered in the dry weeks of April.</p></article>`, 1)
	truth := `{"id":"rain","url":"https://weather.example/rain","with":["stays mainly in the plain","Puddles on the plaza in Seville"]}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "truth.jsonl"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pages", "rain.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	type summary struct {
		Name    string
		Summary struct {
			WithFound struct{ Value float64 } `json:"with_found"`
		}
	}
	score := func(args ...string) []summary {
		var out, errOut bytes.Buffer
		if code := run(append(args, "-json", dir), &out, &errOut); code != 0 {
			t.Fatalf("exit %d, stderr: %s", code, errOut.String())
		}
		var got struct {
			Datasets []struct{ Extractors []summary }
		}
		if err := json.Unmarshal(out.Bytes(), &got); err != nil || len(got.Datasets) != 1 {
			t.Fatalf("output %s: %v", out.String(), err)
		}
		return got.Datasets[0].Extractors
	}
	if got := score(); len(got) != 1 || got[0].Name != "declutter" || got[0].Summary.WithFound.Value != 0.5 {
		t.Errorf("without -captions: %+v, want declutter alone, the caption missing", got)
	}
	got := score("-captions")
	if len(got) != 2 || got[1].Name != "declutter+captions" {
		t.Fatalf("with -captions: %+v, want a declutter+captions column", got)
	}
	if got[0].Summary.WithFound.Value != 0.5 || got[1].Summary.WithFound.Value != 1 {
		t.Errorf("with -captions: %+v, want the caption found in the second column only", got)
	}
	var usage bytes.Buffer
	run([]string{"-h"}, &bytes.Buffer{}, &usage)
	if !strings.Contains(usage.String(), "-captions") {
		t.Errorf("usage does not name -captions:\n%s", usage.String())
	}
}
