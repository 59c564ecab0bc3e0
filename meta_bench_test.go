package declutter

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/declutter/declutter/internal/eval"
	"golang.org/x/net/html"
)

// BenchmarkReadMetadata measures the metadata pass alone over the saved
// pages in testdata, parsed once outside the timer: readMetadata only
// reads the tree, so one parse serves every iteration.
// Compare a change with: go test -run '^$' -bench 'ReadMetadata$' -count 6 . | benchstat
func BenchmarkReadMetadata(b *testing.B) {
	var docs []*html.Node
	for _, p := range savedPages(b) {
		doc, err := html.Parse(bytes.NewReader(p))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	u, _ := url.Parse("https://example.org/2024/05/06/a-story")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			_ = readMetadata(d, u)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(docs)), "ms/page")
}

// TestReadMetadataDump writes readMetadata's output for every corpus page
// to the file named by DECLUTTER_META_DUMP, so that a change meant to be
// a pure speed-up can be diffed against the output before it. Without
// that variable it does nothing.
func TestReadMetadataDump(t *testing.T) {
	out := os.Getenv("DECLUTTER_META_DUMP")
	if out == "" {
		t.Skip("set DECLUTTER_META_DUMP=file to dump readMetadata over ../shared/corpus")
	}
	var buf bytes.Buffer
	for _, name := range []string{"fundus", "noise-widgets", "postlight-fixtures", "readability", "trafilatura-eval"} {
		ds, err := eval.LoadDataset(filepath.Join(metaCorpusDir, name))
		if err != nil {
			t.Skipf("corpus not present at %s: %v", metaCorpusDir, err)
		}
		for _, tr := range ds.Pages {
			raw, err := ds.ReadPage(tr.ID)
			if err != nil {
				t.Fatal(err)
			}
			text, _, _ := decode(raw, "")
			doc, err := html.Parse(bytes.NewReader(text))
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse(tr.URL)
			// %+v prints times with their zone names, which JSON would drop;
			// %q keeps the boundaries between names
			m := readMetadata(doc, u)
			fmt.Fprintf(&buf, "%s/%s %+v %q %q\n", name, tr.ID, m, m.Authors, m.Tags)
		}
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
