package declutter

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/declutter/declutter/internal/eval"
	"golang.org/x/net/html"
)

// checkLDJSON fails when parseLDJSON and json.Unmarshal disagree on src,
// but for the values parseLDJSON does not build.
func checkLDJSON(t *testing.T, src string) {
	t.Helper()
	var want any
	werr := json.Unmarshal([]byte(src), &want)
	want = pruneLD(want)
	got, ok := parseLDJSON(src)
	if ok != (werr == nil) {
		t.Fatalf("parseLDJSON(%.200q): ok=%v, json.Unmarshal error %v", src, ok, werr)
	}
	if ok && !reflect.DeepEqual(got, want) {
		t.Fatalf("parseLDJSON(%.200q) = %v, want %v", src, got, want)
	}
}

// pruneLD sets the values of the keys readJSONLD never reads to nil, as
// parseLDJSON leaves them.
func pruneLD(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if ldReadKey(k) {
				x[k] = pruneLD(e)
			} else {
				x[k] = nil
			}
		}
	case []any:
		for i, e := range x {
			x[i] = pruneLD(e)
		}
	}
	return v
}

var ldJSONCases = []string{
	`{"articleBody":"x","name":{"a":[1,{"b":2}]},"offers":[{"price":1e400}]}`, `{"skipped":[1,2,{"x":"\uD83D"}]}`,
	`{"review":{"a":"\q"}}`, `{"review":[tru]}`, `{"review":{"a":1,}}`, `{"review":"\u00e9","@type":"NewsArticle"}`,
	`{}`, `[]`, `{"a":1}`, ` {"a" : [1, -2.5e3, 0, -0, 1E+2, true, false, null, "x"]} `, `{"a":1,}`, `[1,]`,
	`{"a":1 "b":2}`, `01`, `-`, `1.`, `1e`, `1e+`, `.5`, `+1`, `1e400`, `-1e400`, `1e-400`, `truex`, `tru`, `nul`,
	`"\u00e9\n\t\/\\\"\b\f\r"`, `"\'"`, `"\x"`, `"\u12"`, `"\uD83D\uDE00"`, `"\uD83D"`, `"\uD83Dx"`, `"\uDE00\uD83D"`,
	`"\uD83D\u0041"`, `"\uD83D\uZZZZ"`, "\"a\x01b\"", "\"\xff\xfe\"", "\"caf\xc3\"", "\"\xed\xa0\x80\"", "\"ok\ufffd\"",
	`{"a":{"b":{"c":[{"d":"e"}]}}}`, `{"a":1}x`, `{"a":1}}`, `[1 2]`, `{"a"}`, `{1:2}`, `"unterminated`, `{"dup":1,"dup":2}`,
	"{\"a\":\"line\nbreak\"}", "\t\r\n[\"x\"]\t", `[[[[[[]]]]]]`, strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000), `{"a":"\u0000"}`, `123456789012345678901234567890`,
}

func TestParseLDJSONMatchesEncodingJSON(t *testing.T) {
	for _, c := range ldJSONCases {
		checkLDJSON(t, c)
	}
	// every ld+json script of the corpora, and mutations of it
	scripts := corpusLDScripts(t)
	r := rand.New(rand.NewSource(3))
	junk := []string{"", ",", "\\", "\\u", "\\uD83D", "\"", "\n", "\xff", "}", "]", "{", "[", "1e999", "-", " ", ":"}
	for _, src := range scripts {
		checkLDJSON(t, src)
		if f := ldRawSpace.Replace(src); f != src {
			checkLDJSON(t, f)
		}
		for k := 0; k < 4 && len(src) > 0; k++ {
			i := r.Intn(len(src))
			j := min(len(src), i+r.Intn(3))
			checkLDJSON(t, src[:i]+junk[r.Intn(len(junk))]+src[j:])
		}
	}
	t.Logf("%d corpus scripts", len(scripts))
}

// corpusLDScripts returns the ld+json scripts of the testdata pages and,
// when present, of the development corpora.
func corpusLDScripts(t *testing.T) []string {
	var out []string
	add := func(page []byte) {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		s := scanPage(doc)
		for _, src := range s.jsonLD {
			if start, end := strings.IndexAny(src, "{["), strings.LastIndexAny(src, "}]"); start >= 0 && end > start {
				out = append(out, src[start:end+1])
			}
		}
	}
	for _, p := range savedPages(t) {
		add(p)
	}
	if testing.Short() {
		return out
	}
	for _, name := range []string{"fundus", "noise-widgets", "postlight-fixtures", "readability", "trafilatura-eval"} {
		ds, err := eval.LoadDataset(filepath.Join(metaCorpusDir, name))
		if err != nil {
			continue // the corpora are optional
		}
		for _, tr := range ds.Pages {
			if raw, err := ds.ReadPage(tr.ID); err == nil {
				add(raw)
			}
		}
	}
	return out
}

func FuzzParseLDJSON(f *testing.F) {
	for _, c := range ldJSONCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkLDJSON(t, src)
	})
}
