package declutter

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"hash/fnv"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/declutter/declutter/internal/eval"
)

// The page-type model is fitted on wcxb-dev with
//
//	go test -run TestPageTypeFit -pagetype.fit .
//
// which prints the accuracy of a five-fold cross-validation grouped by
// site (a site's pages are all in one fold, so no page is scored by a
// model that saw its site) and rewrites pagetype_model.go from a fit on
// every page.
var fitPageTypes = flag.Bool("pagetype.fit", false, "fit the page-type model on wcxb-dev and rewrite pagetype_model.go")

const pageTypeCorpus = "../shared/corpus"

type ptSample struct {
	id, host string
	label    int
	f        pageEvidence
}

// loadPageTypeSamples reads the features of a dataset's pages; label is
// the index of the truth's page type in pageTypes, -1 when it has none.
func loadPageTypeSamples(t *testing.T, name string) []ptSample {
	t.Helper()
	dir := filepath.Join(pageTypeCorpus, name)
	if _, err := os.Stat(filepath.Join(dir, "truth.jsonl")); err != nil {
		t.Skipf("%s not found: the page-type corpus tests need ../shared/corpus", dir)
	}
	ds, err := eval.LoadDataset(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []ptSample
	for _, p := range ds.Pages {
		raw, err := ds.ReadPage(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		text, _, _ := decode(raw, "")
		doc, err := html.Parse(bytes.NewReader(text))
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		u, _ := url.Parse(p.URL)
		s := ptSample{id: p.ID, label: -1, f: pageFeatures(doc, u)}
		if u != nil {
			s.host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
		for i, pt := range pageTypes {
			if string(pt) == p.PageType {
				s.label = i
			}
		}
		out = append(out, s)
	}
	return out
}

func predictPageType(model *[len(pageTypes)][numPageFeatures + 1]float64, f pageEvidence) int {
	return decidePageType(model, &f)
}

// TestPageTypeCorpus holds the shipped model to its accuracy on wcxb-dev
// (a floor below the measured figure, which includes pages it was fitted
// on: the cross-validated figure is TestPageTypeFit's) and to calling the
// pages of the article corpora articles.
func TestPageTypeCorpus(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("reads the development corpus; skipped in -short mode and under -race")
	}
	samples := loadPageTypeSamples(t, "wcxb-dev")
	var conf [len(pageTypes)][len(pageTypes)]int
	right := 0
	for _, s := range samples {
		p := predictPageType(&pageTypeModel, s.f)
		conf[s.label][p]++
		if p == s.label {
			right++
		}
	}
	acc := float64(right) / float64(len(samples))
	t.Logf("wcxb-dev: page type accuracy %.3f over %d pages\n%s", acc, len(samples), confusionText(conf))
	if acc < 0.85 {
		t.Errorf("wcxb-dev page type accuracy %.3f, want >= 0.85", acc)
	}
	for _, c := range []struct {
		name string
		min  float64
	}{{"fundus", 0.95}, {"readability", 0.85}, {"postlight-fixtures", 0.85}, {"trafilatura-eval", 0.8}} {
		samples := loadPageTypeSamples(t, c.name)
		counts := map[PageType]int{}
		for _, s := range samples {
			counts[pageTypes[predictPageType(&pageTypeModel, s.f)]]++
		}
		share := float64(counts[PageArticle]) / float64(len(samples))
		t.Logf("%s: %.3f of %d pages called article; %v", c.name, share, len(samples), counts)
		if os.Getenv("PAGETYPE_MISSES") != "" {
			for _, s := range samples {
				if p := pageTypes[predictPageType(&pageTypeModel, s.f)]; p != PageArticle {
					t.Logf("  %s %s: %s", s.id, s.host, p)
				}
			}
		}
		if share < c.min {
			t.Errorf("%s: %.3f of pages called article, want >= %.2f", c.name, share, c.min)
		}
	}
}

func confusionText(conf [len(pageTypes)][len(pageTypes)]int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s", "truth \\ got")
	for _, pt := range pageTypes {
		fmt.Fprintf(&b, "%6.6s", pt)
	}
	b.WriteString("\n")
	for i, pt := range pageTypes {
		fmt.Fprintf(&b, "%-14s", pt)
		for j := range pageTypes {
			fmt.Fprintf(&b, "%6d", conf[i][j])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestPageTypeFit fits the model (see fitPageTypes).
func TestPageTypeFit(t *testing.T) {
	if !*fitPageTypes {
		t.Skip("run with -pagetype.fit to fit the page-type model")
	}
	samples := loadPageTypeSamples(t, "wcxb-dev")
	const folds = 5
	fold := func(s ptSample) int {
		h := fnv.New32a()
		h.Write([]byte(s.host))
		return int(h.Sum32() % folds)
	}
	var conf [len(pageTypes)][len(pageTypes)]int
	right := 0
	for k := range folds {
		var train, test []ptSample
		for _, s := range samples {
			if fold(s) == k {
				test = append(test, s)
			} else {
				train = append(train, s)
			}
		}
		m := fitSoftmax(train)
		for _, s := range test {
			p := predictPageType(&m, s.f)
			conf[s.label][p]++
			if p == s.label {
				right++
			} else if os.Getenv("PAGETYPE_MISSES") != "" {
				t.Logf("miss %s %s: %s got %s", s.id, s.host, pageTypes[s.label], pageTypes[p])
			}
		}
	}
	t.Logf("cross-validated by site (%d folds): accuracy %.3f over %d pages\n%s",
		folds, float64(right)/float64(len(samples)), len(samples), confusionText(conf))
	if os.Getenv("PAGETYPE_FEATURES") != "" {
		for j := range numPageFeatures {
			var by [len(pageTypes)]int
			for _, s := range samples {
				if s.f[j] > 0 {
					by[s.label]++
				}
			}
			t.Logf("%-22s %v", pageFeatureNames[j], by)
		}
	}
	m := fitSoftmax(samples)
	var b strings.Builder
	b.WriteString("// Code generated by go test -run TestPageTypeFit -pagetype.fit; DO NOT EDIT.\n\npackage declutter\n\n")
	b.WriteString("// pageTypeModel is the linear model classifyPage scores with: a row per\n// type in pageTypes' order, the bias first, then a weight per feature\n// (named in the comments). Fitted on wcxb-dev by pagetype_corpus_test.go.\n")
	b.WriteString("var pageTypeModel = [len(pageTypes)][numPageFeatures + 1]float64{\n")
	for i, pt := range pageTypes {
		fmt.Fprintf(&b, "\t{ // %s\n\t\t%.4f, // bias\n", pt, m[i][0])
		for j := range numPageFeatures {
			fmt.Fprintf(&b, "\t\t%.4f, // %s\n", m[i][j+1], pageFeatureNames[j])
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("pagetype_model.go", src, 0o644); err != nil {
		t.Fatal(err)
	}
	// the strongest weights, to see which evidence the model leans on
	type wt struct {
		typ, feat string
		w         float64
	}
	var ws []wt
	for i, pt := range pageTypes {
		for j := range numPageFeatures {
			ws = append(ws, wt{string(pt), pageFeatureNames[j], m[i][j+1]})
		}
	}
	sort.Slice(ws, func(a, b int) bool { return math.Abs(ws[a].w) > math.Abs(ws[b].w) })
	for _, w := range ws[:30] {
		t.Logf("%-14s %-16s %+.3f", w.typ, w.feat, w.w)
	}
}

// fitSoftmax fits a multinomial logistic regression with an L2 penalty
// by gradient descent on standardised features, and returns its weights
// on the raw features.
func fitSoftmax(samples []ptSample) [len(pageTypes)][numPageFeatures + 1]float64 {
	const (
		lambda = 0.01
		rate   = 0.5
		rounds = 2000
	)
	nf, nc := int(numPageFeatures), len(pageTypes)
	var mean, sd [numPageFeatures]float64
	for _, s := range samples {
		for j, v := range s.f {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(len(samples))
	}
	for _, s := range samples {
		for j, v := range s.f {
			sd[j] += (v - mean[j]) * (v - mean[j])
		}
	}
	for j := range sd {
		sd[j] = math.Sqrt(sd[j] / float64(len(samples)))
		if sd[j] == 0 {
			sd[j] = 1
		}
	}
	x := make([][]float64, len(samples))
	for i, s := range samples {
		x[i] = make([]float64, nf)
		for j, v := range s.f {
			x[i][j] = (v - mean[j]) / sd[j]
		}
	}
	w := make([][]float64, nc)
	g := make([][]float64, nc)
	for c := range w {
		w[c] = make([]float64, nf+1)
		g[c] = make([]float64, nf+1)
	}
	p := make([]float64, nc)
	for range rounds {
		for c := range g {
			clear(g[c])
		}
		for i, xi := range x {
			mx := math.Inf(-1)
			for c := range nc {
				s := w[c][0]
				for j, v := range xi {
					s += w[c][j+1] * v
				}
				p[c] = s
				mx = math.Max(mx, s)
			}
			sum := 0.0
			for c := range nc {
				p[c] = math.Exp(p[c] - mx)
				sum += p[c]
			}
			for c := range nc {
				d := p[c] / sum
				if c == samples[i].label {
					d--
				}
				g[c][0] += d
				for j, v := range xi {
					g[c][j+1] += d * v
				}
			}
		}
		n := float64(len(samples))
		for c := range nc {
			w[c][0] -= rate * g[c][0] / n
			for j := 1; j <= nf; j++ {
				w[c][j] -= rate * (g[c][j]/n + lambda*w[c][j])
			}
		}
	}
	var out [len(pageTypes)][numPageFeatures + 1]float64
	for c := range nc {
		out[c][0] = w[c][0]
		for j := range nf {
			out[c][j+1] = w[c][j+1] / sd[j]
			out[c][0] -= w[c][j+1] * mean[j] / sd[j]
		}
	}
	return out
}
