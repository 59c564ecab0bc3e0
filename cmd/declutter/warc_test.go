package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http/httputil"
	"path/filepath"
	"testing"

	"github.com/nlnwa/gowarc/v3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	uriA = "https://news.example.org/2024/03/alpha-depot"
	uriB = "https://news.example.org/2024/03/beta-library"
)

// crawlEntries is a small crawl: a warcinfo record, a request, two HTML
// pages, a broken page (see corruptMember), and an image.
func crawlEntries() []warcEntry {
	date := "2024-03-01T10:00:00Z"
	return []warcEntry{
		{typ: gowarc.Warcinfo, date: date, http: "software: test\r\nformat: WARC File Format 1.1\r\n"},
		{typ: gowarc.Request, uri: uriA, date: date, http: "GET /2024/03/alpha-depot HTTP/1.1\r\nHost: news.example.org\r\n\r\n"},
		{typ: gowarc.Response, uri: uriA, date: date, http: httpResponse("text/html; charset=utf-8", articleHTML("Alpha depot", story("alpha")...))},
		{typ: gowarc.Response, uri: "https://news.example.org/2024/03/broken", date: date, http: httpResponse("text/html", articleHTML("Broken", story("broken")...))},
		{typ: gowarc.Response, uri: "https://news.example.org/logo.png", date: date, http: httpResponse("image/png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
		{typ: gowarc.Response, uri: uriB, date: "2024-03-02T11:30:00Z", http: httpResponse("text/html", articleHTML("Beta library", story("beta")...))},
	}
}

// corruptMember damages the compressed data of one gzip member, as a bad
// disk or a cut download does.
func corruptMember(m []byte) []byte {
	bad := append([]byte(nil), m...)
	for i := 40; i < 60 && i < len(bad); i++ {
		bad[i] ^= 0x55
	}
	return bad
}

func TestWARCGzipped(t *testing.T) {
	members := buildWARC(t, true, crawlEntries()...)
	members[3] = corruptMember(members[3])
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	writeFile(t, path, bytes.Join(members, nil))

	r := runCmd(t, "", "-format", "json", "-j", "2", path)

	assert.Equal(t, exitFailed, r.code, "a broken record fails the run: %s", r.stderr)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 2, "one line per HTML record: %s", r.stderr)
	assert.Equal(t, uriA, recs[0]["url"])
	assert.Equal(t, "2024-03-01T10:00:00Z", recs[0]["warc_date"])
	assert.Equal(t, "urn:uuid:00000000-0000-4000-8000-000000000003", recs[0]["warc_record_id"])
	assert.Equal(t, path, recs[0]["file"])
	assert.Contains(t, recs[0]["text"], "alpha council met on Tuesday")
	assert.Equal(t, uriB, recs[1]["url"])
	assert.Equal(t, "2024-03-02T11:30:00Z", recs[1]["warc_date"])
	assert.Contains(t, recs[1]["text"], "beta council met on Tuesday")

	assert.Regexp(t, `crawl\.warc\.gz: record at offset \d+: unreadable WARC record`, r.stderr)
	assert.Contains(t, r.stderr, "3 records: 2 ok, 1 failed, 1 non-HTML WARC responses skipped")
	assert.NotContains(t, r.stdout, "logo.png")
}

func TestWARCPlain(t *testing.T) {
	entries := crawlEntries()
	entries = append(entries[:3], entries[4:]...) // no broken record
	path := filepath.Join(t.TempDir(), "crawl.warc")
	writeFile(t, path, bytes.Join(buildWARC(t, false, entries...), nil))

	r := runCmd(t, "", "-format", "json", path)

	assert.Equal(t, exitOK, r.code, r.stderr)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 2)
	assert.Equal(t, uriA, recs[0]["url"])
	assert.Equal(t, uriB, recs[1]["url"])
	assert.Contains(t, r.stderr, "2 records: 2 ok, 0 failed, 1 non-HTML WARC responses skipped")
}

// A WARC on standard input, and one whose name does not say WARC, are
// recognised by their content.
func TestWARCSniffed(t *testing.T) {
	entries := crawlEntries()
	data := bytes.Join(buildWARC(t, true, append(entries[:3], entries[5])...), nil)

	r := runCmd(t, string(data), "-format", "json")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Len(t, jsonLines(t, r.stdout), 2)

	path := filepath.Join(t.TempDir(), "download.bin")
	writeFile(t, path, data)
	r = runCmd(t, "", "-format", "json", path)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Len(t, jsonLines(t, r.stdout), 2)
}

// An HTML record without an article fails on its own, named by its URI.
func TestWARCRecordWithoutContent(t *testing.T) {
	date := "2024-03-01T10:00:00Z"
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	writeFile(t, path, bytes.Join(buildWARC(t, true,
		warcEntry{typ: gowarc.Response, uri: uriA, date: date, http: httpResponse("text/html", articleHTML("Alpha", story("alpha")...))},
		warcEntry{typ: gowarc.Response, uri: "https://news.example.org/empty", date: date, http: httpResponse("text/html", "")},
		warcEntry{typ: gowarc.Response, uri: uriB, date: date, http: httpResponse("text/html", articleHTML("Beta", story("beta")...))},
	), nil))

	r := runCmd(t, "", "-format", "json", path)

	assert.Equal(t, exitFailed, r.code)
	assert.Len(t, jsonLines(t, r.stdout), 2)
	assert.Contains(t, r.stderr, "crawl.warc.gz: https://news.example.org/empty (record <urn:uuid:00000000-0000-4000-8000-000000000002> at offset")
	assert.Contains(t, r.stderr, "no readable content")
}

// Crawlers often store the HTTP body as it was sent: chunked, gzipped.
// The charset of the HTTP Content-Type reaches the extractor.
func TestWARCEncodedPayload(t *testing.T) {
	page := articleHTML("Encoded", story("encoded")...)
	var chunked bytes.Buffer
	cw := httputil.NewChunkedWriter(&chunked)
	_, err := cw.Write(gzipBytes(t, []byte(page)))
	require.NoError(t, err)
	require.NoError(t, cw.Close())
	chunked.WriteString("\r\n")
	msg := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked.String()

	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	writeFile(t, path, bytes.Join(buildWARC(t, true,
		warcEntry{typ: gowarc.Response, uri: uriA, date: "2024-03-01T10:00:00Z", http: msg}), nil))

	r := runCmd(t, "", "-format", "json", path)

	require.Equal(t, exitOK, r.code, r.stderr)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 1)
	assert.Contains(t, recs[0]["text"], "encoded council met on Tuesday")
}

func TestDecodePayload(t *testing.T) {
	body := "<p>hello</p>"
	var chunked bytes.Buffer
	cw := httputil.NewChunkedWriter(&chunked)
	_, _ = cw.Write([]byte(body))
	_ = cw.Close()
	cases := []struct {
		name, te, ce string
		payload      []byte
		wantErr      string
	}{
		{name: "plain", payload: []byte(body)},
		{name: "chunked", te: "chunked", payload: chunked.Bytes()},
		{name: "chunked declared, stored decoded", te: "chunked", payload: []byte(body)},
		{name: "gzip", ce: "gzip", payload: gzipBytes(t, []byte(body))},
		{name: "gzip declared, stored decoded", ce: "gzip", payload: []byte(body)},
		{name: "brotli", ce: "br", payload: []byte("\x1b\x03"), wantErr: `unsupported Content-Encoding "br"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hdr := map[string][]string{}
			if tc.te != "" {
				hdr["Transfer-Encoding"] = []string{tc.te}
			}
			if tc.ce != "" {
				hdr["Content-Encoding"] = []string{tc.ce}
			}
			r, err := decodePayload(bytes.NewReader(tc.payload), hdr)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			got, err := io.ReadAll(r)
			require.NoError(t, err)
			assert.Equal(t, body, string(got))
		})
	}
}

// A file that is not a WARC after all (a gzip that starts like one but is
// damaged) is reported and the run goes on with the next input.
func TestWARCDamagedBeyondRepair(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated"))
	_ = zw.Close()
	junk := bytes.Repeat([]byte("not a warc record\n"), 100)
	writeFile(t, filepath.Join(dir, "a.warc.gz"), append(buf.Bytes(), junk...))
	writeFile(t, filepath.Join(dir, "b.html"), []byte(articleHTML("Beta", story("beta")...)))

	r := runCmd(t, "", "-format", "json", dir)

	assert.Equal(t, exitFailed, r.code)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 1)
	assert.Equal(t, filepath.Join(dir, "b.html"), recs[0]["file"])
	assert.Contains(t, r.stderr, "a.warc.gz")
}

// A record far larger than any read buffer comes out whole.
func TestWARCLargeRecord(t *testing.T) {
	paras := story("large")
	for i := range 700 {
		paras = append(paras, fmt.Sprintf("Paragraph %d of a long report on the large council meeting, with enough words in it to read as prose.", i))
	}
	paras = append(paras, "The last paragraph says goodbye to the large council.")
	page := articleHTML("Large", paras...)
	require.Greater(t, len(page), 64<<10)
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	writeFile(t, path, bytes.Join(buildWARC(t, true,
		warcEntry{typ: gowarc.Response, uri: uriA, date: "2024-03-01T10:00:00Z", http: httpResponse("text/html", page)}), nil))

	r := runCmd(t, "", "-format", "json", path)

	require.Equal(t, exitOK, r.code, r.stderr)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 1)
	assert.Contains(t, recs[0]["text"], "Paragraph 699 of a long report")
	assert.Contains(t, recs[0]["text"], "The last paragraph says goodbye to the large council.")
}

// The charset of a record's HTTP Content-Type reaches the extractor.
func TestWARCCharsetFromHeader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	writeFile(t, path, bytes.Join(buildWARC(t, true, warcEntry{
		typ: gowarc.Response, uri: "https://news.example.ru/depo", date: "2024-03-01T10:00:00Z",
		http: httpResponse("text/html; charset=windows-1251", string(russianPage(t))),
	}), nil))

	r := runCmd(t, "", "-format", "json", path)

	require.Equal(t, exitOK, r.code, r.stderr)
	rec := jsonLines(t, r.stdout)[0]
	assert.Equal(t, "windows-1251", rec["encoding"])
	assert.Contains(t, rec["text"], "превратить старое трамвайное депо")
}
