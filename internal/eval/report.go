package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// row is one measure of the table, read from a Summary.
type row struct {
	label string
	get   func(*Summary) Mean
}

var tableRows = []row{
	{"body precision", func(s *Summary) Mean { return s.BodyPrecision }},
	{"body recall", func(s *Summary) Mean { return s.BodyRecall }},
	{"body F1", func(s *Summary) Mean { return s.BodyF1 }},
	{"word F1", func(s *Summary) Mean { return s.WordF1 }},
	{"confidence AUROC", func(s *Summary) Mean { return s.ConfidenceAUROC }},
	{"with found", func(s *Summary) Mean { return s.WithFound }},
	{"without absent", func(s *Summary) Mean { return s.WithoutAbsent }},
	{"pages passing", func(s *Summary) Mean { return s.PagesPassing }},
	{"title exact", func(s *Summary) Mean { return s.Title }},
	{"byline token F1", func(s *Summary) Mean { return s.Byline }},
	{"published same day", func(s *Summary) Mean { return s.Published }},
	{"lang", func(s *Summary) Mean { return s.Lang }},
	{"site_name", func(s *Summary) Mean { return s.SiteName }},
	{"page type accuracy", func(s *Summary) Mean { return s.PageType }},
}

// WriteTable prints one dataset's table: a row per measure, a column per
// extractor. n is the number of pages (snippets for the snippet shares)
// the measure counts, as in the first column; rows no page counts are
// left out.
func WriteTable(w io.Writer, dataset string, names []string, sums []Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	pages := 0
	if len(sums) > 0 {
		pages = sums[0].Pages
	}
	fmt.Fprintf(tw, "%s (%d pages)\tn\t%s\t\n", dataset, pages, strings.Join(names, "\t"))
	fmt.Fprintf(tw, "errors\t\t")
	for _, s := range sums {
		fmt.Fprintf(tw, "%d\t", s.Errors)
	}
	fmt.Fprintln(tw)
	for _, r := range withTypeRows(sums) {
		if !anyCounted(sums, r) {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t", r.label, r.get(&sums[0]).N)
		for i := range sums {
			if m := r.get(&sums[i]); m.N > 0 {
				fmt.Fprintf(tw, "%.3f\t", m.Value)
			} else {
				fmt.Fprintf(tw, "–\t")
			}
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// withTypeRows is tableRows with a word F1 row per page type after the
// word F1 row, for datasets whose truth labels page types.
func withTypeRows(sums []Summary) []row {
	var types []string
	seen := map[string]bool{}
	for i := range sums {
		for t := range sums[i].WordF1ByType {
			if !seen[t] {
				seen[t] = true
				types = append(types, t)
			}
		}
	}
	if len(types) == 0 {
		return tableRows
	}
	sort.Strings(types)
	var rows []row
	for _, r := range tableRows {
		rows = append(rows, r)
		if r.label != "word F1" {
			continue
		}
		for _, t := range types {
			rows = append(rows, row{"  word F1 " + t, func(s *Summary) Mean { return s.WordF1ByType[t] }})
		}
	}
	return rows
}

func anyCounted(sums []Summary, r row) bool {
	for i := range sums {
		if r.get(&sums[i]).N > 0 {
			return true
		}
	}
	return false
}

// WriteConfusion prints a page-type confusion matrix (true type, then
// predicted type, as Summary.PageTypeConfusion holds it): a row per true
// type with its total, a column per predicted type, the truth's types
// first. It prints nothing for an empty matrix.
func WriteConfusion(w io.Writer, title string, conf map[string]map[string]int) error {
	if len(conf) == 0 {
		return nil
	}
	var rows, cols []string
	seen := map[string]bool{}
	for t := range conf {
		rows = append(rows, t)
		seen[t] = true
	}
	sort.Strings(rows)
	cols = append(cols, rows...)
	var extra []string
	for _, row := range conf {
		for got := range row {
			if !seen[got] {
				seen[got] = true
				extra = append(extra, got)
			}
		}
	}
	sort.Strings(extra)
	cols = append(cols, extra...)
	if _, err := fmt.Fprintf(w, "page types: %s (rows: truth, columns: predicted)\n", title); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\t%s\ttotal\t\n", strings.Join(cols, "\t"))
	for _, t := range rows {
		fmt.Fprintf(tw, "%s\t", t)
		total := 0
		for _, c := range cols {
			fmt.Fprintf(tw, "%d\t", conf[t][c])
			total += conf[t][c]
		}
		fmt.Fprintf(tw, "%d\t\n", total)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

// Loss is how much one page lost and on what.
type Loss struct {
	ID   string   `json:"id"`
	URL  string   `json:"url,omitempty"`
	Loss float64  `json:"loss"`
	Lost []string `json:"lost"` // one line per measure that lost, worst first
}

// loss adds up what a page lost: 1−F1 for the body and the byline, the
// share of failed snippet checks, and 1 for each failed exact check.
func (r PageResult) loss() Loss {
	type part struct {
		v    float64
		what string
	}
	var parts []part
	s := r.Score
	if r.Err != "" {
		msg, _, _ := strings.Cut(r.Err, "\n")
		parts = append(parts, part{0, "error: " + clip(msg, 120)})
	}
	if s.Body.Counted {
		p, _ := s.Body.Precision()
		rc, _ := s.Body.Recall()
		parts = append(parts, part{1 - s.Body.F1(), fmt.Sprintf("body F1 %.2f (P %.2f, R %.2f; %d/%d/%d shingles TP/FP/FN; word F1 %.2f)",
			s.Body.F1(), p, rc, s.Body.TP, s.Body.FP, s.Body.FN, s.Body.Words.F1())})
	}
	if sn := s.Snippets; sn.Counted() && !sn.Pass() {
		v := float64(len(sn.Missing)+len(sn.Leaked)) / float64(sn.With+sn.Without)
		var b strings.Builder
		for _, m := range sn.Missing {
			fmt.Fprintf(&b, " missing %q;", clip(m, 60))
		}
		for _, m := range sn.Leaked {
			fmt.Fprintf(&b, " leaked %q;", clip(m, 60))
		}
		parts = append(parts, part{v, "snippets:" + strings.TrimSuffix(b.String(), ";")})
	}
	for _, m := range []struct {
		name string
		m    Match
	}{{"title", s.Title}, {"byline", s.Byline}, {"published", s.Published}, {"lang", s.Lang}, {"site_name", s.SiteName}} {
		if m.m.Counted && m.m.Score < 1 {
			parts = append(parts, part{1 - m.m.Score, fmt.Sprintf("%s %.2f: got %q, want %q",
				m.name, m.m.Score, clip(m.m.Got, 160), clip(m.m.Want, 160))})
		}
	}
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].v > parts[j].v })
	l := Loss{ID: r.ID, URL: r.URL}
	for _, p := range parts {
		l.Loss += p.v
		l.Lost = append(l.Lost, p.what)
	}
	return l
}

// Worst returns the n pages that lost most, worst first; pages that lost
// nothing are left out.
func Worst(results []PageResult, n int) []Loss {
	var all []Loss
	for _, r := range results {
		if l := r.loss(); l.Loss > 0 || r.Err != "" {
			all = append(all, l)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Loss > all[j].Loss })
	if len(all) > n {
		all = all[:n]
	}
	return all
}

// WriteWorst prints a worst-page list.
func WriteWorst(w io.Writer, title string, worst []Loss) error {
	if _, err := fmt.Fprintf(w, "worst pages: %s\n", title); err != nil {
		return err
	}
	for _, l := range worst {
		fmt.Fprintf(w, "  %.2f  %s  %s\n", l.Loss, l.ID, l.URL)
		for _, what := range l.Lost {
			fmt.Fprintf(w, "        %s\n", what)
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	s = collapseSpace(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// DatasetReport is one dataset's results, as -json prints them.
type DatasetReport struct {
	Name       string            `json:"name"`
	Dir        string            `json:"dir"`
	Extractors []ExtractorReport `json:"extractors"`
}

// ExtractorReport is one extractor's results on one dataset.
type ExtractorReport struct {
	Name    string  `json:"name"`
	Summary Summary `json:"summary"`
	Worst   []Loss  `json:"worst,omitempty"`
}

// Report runs extractors over ds and gathers their summaries and, when
// worst > 0, their worst pages.
func Report(ctx context.Context, ds *Dataset, extractors []Extractor, workers, worst int) (DatasetReport, error) {
	res, err := Run(ctx, ds, extractors, workers)
	if err != nil {
		return DatasetReport{}, err
	}
	rep := DatasetReport{Name: ds.Name, Dir: ds.Dir}
	for i, ex := range extractors {
		er := ExtractorReport{Name: ex.Name, Summary: Summarize(res[i])}
		if worst > 0 {
			er.Worst = Worst(res[i], worst)
		}
		rep.Extractors = append(rep.Extractors, er)
	}
	return rep, nil
}

// WriteText prints the report as WriteTable and WriteWorst do.
func (r DatasetReport) WriteText(w io.Writer) error {
	names := make([]string, len(r.Extractors))
	sums := make([]Summary, len(r.Extractors))
	for i, e := range r.Extractors {
		names[i], sums[i] = e.Name, e.Summary
	}
	if err := WriteTable(w, r.Name, names, sums); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(w); err != nil {
		return err
	}
	for _, e := range r.Extractors {
		if err := WriteConfusion(w, r.Name+", "+e.Name, e.Summary.PageTypeConfusion); err != nil {
			return err
		}
	}
	for _, e := range r.Extractors {
		if len(e.Worst) > 0 {
			if err := WriteWorst(w, r.Name+", "+e.Name, e.Worst); err != nil {
				return err
			}
		}
	}
	return nil
}
