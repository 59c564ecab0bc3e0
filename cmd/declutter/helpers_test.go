package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
	"github.com/stretchr/testify/require"
)

// articleHTML is a small but real-looking news page: enough prose in an
// <article> for the readability pass to take it as the body.
func articleHTML(title string, paragraphs ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n", title)
	b.WriteString(`<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>` + "\n")
	fmt.Fprintf(&b, "<main><article><h1>%s</h1>\n", title)
	for _, p := range paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article></main><footer>© Example News</footer></body></html>\n")
	return b.String()
}

// story returns the paragraphs of a distinct story, each long enough to
// read as prose, with the marker word in every one.
func story(marker string) []string {
	return []string{
		"The " + marker + " council met on Tuesday evening to discuss the future of the old tram depot, which has stood empty for almost ten years since the last trams left it.",
		"Several members argued that the building should be turned into a public library, with reading rooms in the former workshops and a café facing the river for " + marker + " residents.",
		"Others said the plot was too valuable to keep as a public building and should be sold for housing, with a share of the flats set aside for families on lower incomes in " + marker + ".",
		"After three hours of debate the council voted by a large majority for the library plan, and work on the roof is expected to start early next year, officials in " + marker + " said.",
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, data, 0o644))
}

func gzipBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// result is one run of the command.
type result struct {
	code           int
	stdout, stderr string
}

func runCmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// jsonLines decodes JSON Lines output strictly: every line one object.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), "line %q", line)
		recs = append(recs, m)
	}
	return recs
}

// warcEntry is one record to write into a test WARC file.
type warcEntry struct {
	typ  gowarc.RecordType
	uri  string
	date string
	http string // the HTTP message: status line, headers, blank line, body
}

func httpResponse(contentType, body string, extraHeaders ...string) string {
	h := "HTTP/1.1 200 OK\r\n"
	if contentType != "" {
		h += "Content-Type: " + contentType + "\r\n"
	}
	for _, x := range extraHeaders {
		h += x + "\r\n"
	}
	return h + fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body)) + body
}

// buildWARC writes the entries with gowarc itself, each record its own
// gzip member when gz is set, as crawlers write .warc.gz files.
func buildWARC(t *testing.T, gz bool, entries ...warcEntry) [][]byte {
	t.Helper()
	var members [][]byte
	m := gowarc.NewMarshaler()
	for i, e := range entries {
		rb := gowarc.NewRecordBuilder(e.typ)
		rb.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i+1))
		rb.AddWarcHeader(gowarc.WarcDate, e.date)
		if e.uri != "" {
			rb.AddWarcHeader(gowarc.WarcTargetURI, e.uri)
		}
		switch e.typ {
		case gowarc.Response:
			rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		case gowarc.Request:
			rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
		default:
			rb.AddWarcHeader(gowarc.ContentType, "application/warc-fields")
		}
		_, err := rb.WriteString(e.http)
		require.NoError(t, err)
		rec, _, err := rb.Build()
		require.NoError(t, err)
		var buf bytes.Buffer
		if gz {
			zw := gzip.NewWriter(&buf)
			_, _, err = m.Marshal(zw, rec, 0)
			require.NoError(t, err)
			require.NoError(t, zw.Close())
		} else {
			_, _, err = m.Marshal(&buf, rec, 0)
			require.NoError(t, err)
		}
		require.NoError(t, rec.Close())
		members = append(members, buf.Bytes())
	}
	return members
}
