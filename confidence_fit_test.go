package declutter

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/declutter/declutter/internal/eval"
)

// TestFitConfidence refits confidenceWeights on the development corpora
// and prints the weights and how well the score separates bad bodies (word
// F1 < eval.BadF1) from good ones, cross-validated by site: the pages of
// one host are never scored by a model fitted on them. It runs only when
// asked:
//
//	DECLUTTER_FIT_CONFIDENCE=1 go test -run TestFitConfidence -v .
//
// Paste the printed weights into confidence.go.
func TestFitConfidence(t *testing.T) {
	if os.Getenv("DECLUTTER_FIT_CONFIDENCE") == "" {
		t.Skip("set DECLUTTER_FIT_CONFIDENCE=1 to refit the confidence model on ../shared/corpus")
	}
	root := filepath.Join("..", "shared", "corpus")
	type sample struct {
		dataset, host string
		x             [confidenceInputs]float64
		good, failed  bool
	}
	var samples []sample
	for _, name := range []string{"wcxb-dev", "fundus", "readability"} {
		ds, err := eval.LoadDataset(filepath.Join(root, name))
		if err != nil {
			t.Skipf("corpus not available: %v", err)
		}
		for _, tr := range ds.Pages {
			if tr.Body == "" {
				continue
			}
			page, err := ds.ReadPage(tr.ID)
			if err != nil {
				t.Fatal(err)
			}
			s := sample{dataset: name, host: hostOf(tr.URL, tr.ID)}
			a, err := Extract(context.Background(), bytes.NewReader(page), tr.URL)
			text := ""
			if err != nil {
				s.failed = true
			} else {
				s.x, text = a.evidence.features(), a.Text
			}
			s.good = eval.ScorePage(tr, eval.Prediction{Text: text}).Body.Words.F1() >= eval.BadF1
			samples = append(samples, s)
		}
	}
	const folds = 5
	fold := func(host string) int {
		h := fnv.New32a()
		h.Write([]byte(host))
		return int(h.Sum32() % folds)
	}
	cv := make([]float64, len(samples)) // held-out scores
	for k := range folds {
		var xs [][confidenceInputs]float64
		var ys []float64
		for _, s := range samples {
			if !s.failed && fold(s.host) != k {
				xs, ys = append(xs, s.x), append(ys, b2f(s.good))
			}
		}
		w := fitLogistic(xs, ys)
		for i, s := range samples {
			if fold(s.host) == k && !s.failed {
				cv[i] = logistic(&s.x, &w)
			}
		}
	}
	for _, name := range []string{"wcxb-dev", "fundus", "readability", "all"} {
		var bad, good []float64
		for i, s := range samples {
			if name != "all" && s.dataset != name {
				continue
			}
			if s.good {
				good = append(good, cv[i])
			} else {
				bad = append(bad, cv[i])
			}
		}
		if len(bad) > 0 && len(good) > 0 {
			t.Logf("%-12s cross-validated by site: AUROC %.3f (%d bad, %d good bodies)", name, eval.AUROC(bad, good), len(bad), len(good))
		}
	}
	var xs [][confidenceInputs]float64
	var ys []float64
	for _, s := range samples {
		if !s.failed {
			xs, ys = append(xs, s.x), append(ys, b2f(s.good))
		}
	}
	w := fitLogistic(xs, ys)
	parts := make([]string, len(w))
	for i, v := range w {
		parts[i] = fmt.Sprintf("%.3f", v)
	}
	t.Logf("fitted on all %d pages: var confidenceWeights = [confidenceInputs]float64{%s}", len(xs), strings.Join(parts, ", "))
}

// fitLogistic fits logistic regression weights by Newton's method with a
// small ridge penalty, which keeps the fit stable on separable data.
func fitLogistic(xs [][confidenceInputs]float64, ys []float64) [confidenceInputs]float64 {
	const n = confidenceInputs
	const ridge = 1e-3
	var w [n]float64
	for range 50 {
		var g [n]float64
		var h [n][n]float64
		for i := range xs {
			x := &xs[i]
			p := logistic(x, &w)
			for a := range n {
				g[a] += (p - ys[i]) * x[a]
				for b := range n {
					h[a][b] += p * (1 - p) * x[a] * x[b]
				}
			}
		}
		for a := range n {
			g[a] += ridge * float64(len(xs)) * w[a]
			h[a][a] += ridge * float64(len(xs))
		}
		step := solve(h, g)
		delta := 0.0
		for a := range n {
			w[a] -= step[a]
			delta = math.Max(delta, math.Abs(step[a]))
		}
		if delta < 1e-9 {
			break
		}
	}
	return w
}

// solve returns x with a·x = b by Gaussian elimination with partial
// pivoting.
func solve(a [confidenceInputs][confidenceInputs]float64, b [confidenceInputs]float64) [confidenceInputs]float64 {
	const n = confidenceInputs
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	var x [n]float64
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x
}

// hostOf is the site a page belongs to, for grouping folds; a page without
// a URL is a site of its own.
func hostOf(rawURL, id string) string {
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return "id:" + id
}

func TestFitLogisticRecoversASeparation(t *testing.T) {
	var xs [][confidenceInputs]float64
	var ys []float64
	for i := range 200 {
		v := float64(i) / 200
		xs = append(xs, [confidenceInputs]float64{1, v})
		ys = append(ys, b2f(v > 0.5 != (i%10 == 0))) // a noisy threshold at 0.5
	}
	w := fitLogistic(xs, ys)
	if w[1] <= 0 {
		t.Fatalf("weight of the separating input = %v, want > 0", w[1])
	}
	if p := logistic(&[confidenceInputs]float64{1, 0.5}, &w); math.Abs(p-0.5) > 0.15 {
		t.Errorf("p at the threshold = %.2f, want about 0.5", p)
	}
}
