package declutter

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/charset"
)

const corpusDir = "../shared/corpus"

// splitWords splits s into words: runs of letters and combining marks.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
}

// corpusTruthWords returns the words with non-ASCII letters in a page's
// truth (title, body, byline, with-snippets): the words a wrong decoding
// garbles.
func corpusTruthWords(rec map[string]any) []string {
	var parts []string
	for _, k := range []string{"title", "body", "byline"} {
		if s, ok := rec[k].(string); ok {
			parts = append(parts, s)
		}
	}
	if with, ok := rec["with"].([]any); ok {
		for _, w := range with {
			if s, ok := w.(string); ok {
				parts = append(parts, s)
			}
		}
	}
	seen := map[string]bool{}
	var words []string
	for _, w := range splitWords(strings.Join(parts, " ")) {
		if !seen[w] && firstNonASCII([]byte(w)) >= 0 {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// wordsFound counts the words that occur as words in text.
func wordsFound(text []byte, words []string) int {
	if len(words) == 0 {
		return 0
	}
	have := map[string]bool{}
	for _, w := range splitWords(string(text)) {
		have[w] = true
	}
	n := 0
	for _, w := range words {
		if have[w] {
			n++
		}
	}
	return n
}

// TestDecodeCorpus decodes every development corpus page and compares the
// result with x/net/html/charset (the WHATWG 1 KB algorithm) on the words
// with non-ASCII letters that the page's truth holds: where the two
// disagree, declutter's choice must find at least as many of them.
func TestDecodeCorpus(t *testing.T) {
	if testing.Short() || charsetCorpusUnderRace {
		t.Skip("reads the whole development corpus; skipped in -short mode and under -race")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("development corpus not available at %s: %v", corpusDir, err)
	}
	sets, err := filepath.Glob(filepath.Join(corpusDir, "*", "truth.jsonl"))
	require.NoError(t, err)
	bySource := map[string]int{}
	var pages, differ, oursBetter, theirsBetter, same, overruled, overruledBetter int
	for _, truth := range sets {
		dir := filepath.Dir(truth)
		f, err := os.Open(truth)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var rec map[string]any
			require.NoError(t, json.Unmarshal(sc.Bytes(), &rec))
			id, _ := rec["id"].(string)
			raw := readGzip(t, filepath.Join(dir, "pages", id+".html.gz"))
			if raw == nil {
				continue
			}
			pages++
			assert.False(t, looksBinary(raw), "%s/%s sniffed as binary", filepath.Base(dir), id)
			got, enc, src := decode(raw, "")
			require.True(t, utf8.Valid(got), "%s: output not valid UTF-8", id)
			bySource[enc+"/"+string(src)]++
			if declared := prescanMeta(raw); declared != "" && declared != enc && src == EncodingFromUTF8 {
				// The mislabelled-UTF-8 rule overruled the page's <meta>.
				words := corpusTruthWords(rec)
				a, b := wordsFound(got, words), wordsFound(decodeAs(raw, declared), words)
				overruled++
				if a > b {
					overruledBetter++
				}
				t.Logf("%s/%s: <meta> says %s, bytes are valid UTF-8: UTF-8 finds %d, %s finds %d of %d truth words",
					filepath.Base(dir), id, declared, a, declared, b, len(words))
				assert.GreaterOrEqual(t, a, b, "%s/%s: overruling <meta charset=%s> garbles words", filepath.Base(dir), id, declared)
			}
			e, xname, _ := charset.DetermineEncoding(raw, "")
			if xname == enc {
				continue
			}
			theirs, err := e.NewDecoder().Bytes(raw)
			require.NoError(t, err)
			words := corpusTruthWords(rec)
			a, b := wordsFound(got, words), wordsFound(theirs, words)
			differ++
			switch {
			case a > b:
				oursBetter++
			case a < b:
				theirsBetter++
			default:
				same++
			}
			if a != b {
				t.Logf("%s/%s: declutter %s (%s) finds %d, x/net %s finds %d of %d truth words",
					filepath.Base(dir), id, enc, src, a, xname, b, len(words))
			}
			assert.GreaterOrEqual(t, a, b, "%s/%s: declutter's %s garbles words x/net's %s keeps", filepath.Base(dir), id, enc, xname)
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	keys := make([]string, 0, len(bySource))
	for k := range bySource {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString("\n  " + k + ": " + strconv.Itoa(bySource[k]))
	}
	t.Logf("%d pages; encoding/source:%s", pages, b.String())
	t.Logf("<meta> overruled by valid UTF-8 on %d pages, better on %d, never worse", overruled, overruledBetter)
	t.Logf("differ from x/net on %d pages: declutter better on %d, x/net better on %d, equal on %d",
		differ, oursBetter, theirsBetter, same)
}

func readGzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	b, err := io.ReadAll(zr)
	require.NoError(t, err)
	return b
}
