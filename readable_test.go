package declutter

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/declutter/declutter/internal/eval"
)

func TestReadable(t *testing.T) {
	long := strings.Repeat("The river rose overnight and the council opened the school hall to families from the lower streets. ", 3)
	para := "<p>" + long + "</p>"
	seed, err := os.ReadFile(filepath.Join("testdata", "pages", "kyiv-independent-seed.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, page string
		want       bool
	}{
		{"seed page", string(seed), true},
		{"story", "<html><body><article>" + strings.Repeat(para, 6) + "</article></body></html>", true},
		{"unclosed paragraphs", "<body>" + strings.Repeat("<p>"+long, 6), true},
		{"empty", "", false},
		{"short story", "<p>Two lines only.</p><p>Nothing more.</p>", false},
		{"links", "<ul>" + strings.Repeat(`<li><a href="/x">A headline of some length for a teaser card</a></li>`, 80) + "</ul>", false},
		{"comments only", `<div id="comments">` + strings.Repeat(para, 6) + `</div>`, false},
		{"footer only", `<footer>` + strings.Repeat(para, 6) + `</footer>`, false},
		{"content despite a word", `<div class="main-content sidebar-free">` + strings.Repeat(para, 6) + `</div>`, true},
		{"script text", "<script>" + strings.Repeat("<p>"+long+"</p>", 6) + "</script>", false},
		{"login", `<form><input type="password"><p>Forgot your password?</p></form>`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Readable(context.Background(), strings.NewReader(c.page))
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("Readable = %v, want %v", got, c.want)
			}
		})
	}
}

func TestReadableErrors(t *testing.T) {
	ex, err := New(Options{MaxBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	_, err = ex.Readable(context.Background(), strings.NewReader(strings.Repeat("<div>x</div>", 200)))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Readable(ctx, strings.NewReader("<p>x</p>")); !errors.Is(err, ErrCanceled) {
		t.Errorf("err = %v, want ErrCanceled", err)
	}
	if _, err := Readable(context.Background(), nil); !errors.Is(err, ErrNoContent) {
		t.Errorf("nil reader: err = %v, want ErrNoContent", err)
	}
}

// TestReadableCorpus measures Readable against Extract on the development
// corpora: how often they agree, and what Readable costs as a share of
// Extract. It logs figures; it asserts only that Readable is much cheaper.
// By default it reads fundus; DECLUTTER_READABLE_REPORT=1 adds wcxb-dev
// and trafilatura-eval (a few minutes).
func TestReadableCorpus(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("reads the development corpora; skipped in -short mode and under -race")
	}
	root := filepath.Join("..", "shared", "corpus")
	sets := []string{"fundus"}
	if os.Getenv("DECLUTTER_READABLE_REPORT") != "" {
		sets = append(sets, "wcxb-dev", "trafilatura-eval")
	}
	var tRead, tExtract time.Duration
	for _, name := range sets {
		ds, err := eval.LoadDataset(filepath.Join(root, name))
		if err != nil {
			t.Skipf("corpus not available: %v", err)
		}
		var yesGood, yesBad, noGood, noBad int // Readable's answer against a body worth reading
		for _, tr := range ds.Pages {
			page, err := ds.ReadPage(tr.ID)
			if err != nil {
				t.Fatal(err)
			}
			t0 := time.Now()
			ok, err := Readable(context.Background(), bytes.NewReader(page))
			t1 := time.Now()
			if err != nil {
				t.Fatalf("%s/%s: %v", name, tr.ID, err)
			}
			a, err := Extract(context.Background(), bytes.NewReader(page), tr.URL)
			tRead, tExtract = tRead+t1.Sub(t0), tExtract+time.Since(t1)
			good := err == nil && (tr.Body == "" || eval.ScorePage(tr, eval.Prediction{Text: a.Text}).Body.Words.F1() >= eval.BadF1)
			switch {
			case ok && good:
				yesGood++
			case ok:
				yesBad++
			case good:
				noGood++
			default:
				noBad++
			}
		}
		t.Logf("%-16s Readable yes: %d good bodies, %d bad or none; no: %d good, %d bad or none",
			name, yesGood, yesBad, noGood, noBad)
	}
	share := float64(tRead) / float64(tExtract)
	t.Logf("Readable costs %.1f%% of Extract (%v against %v)", 100*share, tRead.Round(time.Millisecond), tExtract.Round(time.Millisecond))
	if share > 0.5 {
		t.Errorf("Readable costs %.0f%% of Extract; it must be a cheap pre-check", 100*share)
	}
}
