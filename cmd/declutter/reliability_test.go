package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawRecord writes a response record by hand, so that its framing can be
// broken on purpose. length is the Content-Length to declare; "" declares
// the true one.
func rawRecord(n int, uri, length, httpMsg string, extra ...string) string {
	if length == "" {
		length = strconv.Itoa(len(httpMsg))
	}
	h := "WARC/1.1\r\nWARC-Type: response\r\n" +
		fmt.Sprintf("WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", n) +
		"WARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Target-URI: " + uri + "\r\n" +
		"Content-Type: application/http;msgtype=response\r\n"
	for _, x := range extra {
		h += x + "\r\n"
	}
	return h + "Content-Length: " + length + "\r\n\r\n" + httpMsg + "\r\n\r\n"
}

func pageMsg(marker string) string {
	return httpResponse("text/html; charset=utf-8", articleHTML("Story "+marker, story(marker)...))
}

func pageURI(marker string) string { return "https://news.example.org/2024/" + marker }

// warcFile joins records into a plain WARC or a .warc.gz with one gzip
// member per record.
func warcFile(t *testing.T, gz bool, records ...string) []byte {
	t.Helper()
	var out []byte
	for _, r := range records {
		if gz {
			out = append(out, gzipBytes(t, []byte(r))...)
		} else {
			out = append(out, r...)
		}
	}
	return out
}

func ext(gz bool) string {
	if gz {
		return ".warc.gz"
	}
	return ".warc"
}

func urls(recs []map[string]any) []string {
	var out []string
	for _, r := range recs {
		out = append(out, fmt.Sprint(r["url"]))
	}
	return out
}

// Issue 10.1: a record whose Content-Length is 0, not a number or out of
// range is a failure, not the end of the file: the records after it come
// out, and the run fails.
func TestWARCBadRecordIsNotTheEnd(t *testing.T) {
	for _, length := range []string{"0", "abc", "99999999999999999999"} {
		for _, gz := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s%s", length, ext(gz)), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "f"+ext(gz))
				writeFile(t, path, warcFile(t, gz,
					rawRecord(1, pageURI("alpha"), "", pageMsg("alpha")),
					rawRecord(2, pageURI("broken"), length, pageMsg("broken")),
					rawRecord(3, pageURI("gamma"), "", pageMsg("gamma"))))

				r := runCmd(t, "", "-format", "json", path)

				assert.Equal(t, exitFailed, r.code, r.stderr)
				assert.Equal(t, []string{pageURI("alpha"), pageURI("gamma")}, urls(jsonLines(t, r.stdout)), r.stderr)
				assert.Regexp(t, `f\.warc(\.gz)?: https://news\.example\.org/2024/broken \(record <urn:uuid:00000000-0000-4000-8000-000000000002> at offset \d+\): `, r.stderr)
				assert.Contains(t, r.stderr, "3 records: 2 ok, 1 failed")
			})
		}
	}
}

// Issue 10.2: a Content-Length that lies, in a plain WARC, neither
// swallows the next record nor lets a partial page out; a file cut
// mid-record fails its last record.
func TestWARCLyingContentLength(t *testing.T) {
	good := pageMsg("broken")
	cases := map[string]struct {
		length string
		cut    int // bytes cut from the end of the file
		want   []string
	}{
		"too long":       {length: strconv.Itoa(len(good) + 500), want: []string{pageURI("alpha"), pageURI("gamma")}},
		"much too long":  {length: strconv.Itoa(len(good) + 5000), want: []string{pageURI("alpha"), pageURI("gamma")}},
		"negative":       {length: "-5", want: []string{pageURI("alpha"), pageURI("gamma")}},
		"max int64":      {length: "9223372036854775807", want: []string{pageURI("alpha"), pageURI("gamma")}},
		"too short":      {length: strconv.Itoa(len(good) - 50), want: []string{pageURI("alpha"), pageURI("gamma")}},
		"one byte short": {length: strconv.Itoa(len(good) - 1), want: []string{pageURI("alpha"), pageURI("gamma")}},
		"file cut":       {cut: 200, want: []string{pageURI("alpha"), pageURI("broken")}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			data := warcFile(t, false,
				rawRecord(1, pageURI("alpha"), "", pageMsg("alpha")),
				rawRecord(2, pageURI("broken"), tc.length, good),
				rawRecord(3, pageURI("gamma"), "", pageMsg("gamma")))
			data = data[:len(data)-tc.cut]
			path := filepath.Join(t.TempDir(), "f.warc")
			writeFile(t, path, data)

			r := runCmd(t, "", "-format", "json", path)

			assert.Equal(t, exitFailed, r.code, r.stderr)
			assert.Equal(t, tc.want, urls(jsonLines(t, r.stdout)), r.stderr)
			assert.Contains(t, r.stderr, "3 records: 2 ok, 1 failed", r.stderr)
			assert.Regexp(t, `record <urn:uuid:[-0-9]+> at offset \d+\): `, r.stderr)
			for _, rec := range jsonLines(t, r.stdout) {
				assert.NotContains(t, rec["text"], "WARC/1.1", "no page holds another record")
				assert.Contains(t, rec["text"], "officials in", "no page is cut short")
			}
		})
	}
}

// A wrong block digest fails its record.
func TestWARCWrongDigest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.warc")
	writeFile(t, path, warcFile(t, false,
		rawRecord(1, pageURI("alpha"), "", pageMsg("alpha"), "WARC-Block-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
		rawRecord(2, pageURI("gamma"), "", pageMsg("gamma"))))

	r := runCmd(t, "", "-format", "json", path)

	assert.Equal(t, exitFailed, r.code)
	assert.Equal(t, []string{pageURI("gamma")}, urls(jsonLines(t, r.stdout)))
	assert.Contains(t, r.stderr, "wrong WARC-Block-Digest")
}

// The bar: 100 records with 10 malformed ones spread through
// them give 90 pages and 10 failures, each with its offset.
func TestWARCHundredRecordsTenBad(t *testing.T) {
	breaks := []func(n int, uri, msg string) string{
		func(n int, uri, msg string) string { return rawRecord(n, uri, "0", msg) },
		func(n int, uri, msg string) string { return rawRecord(n, uri, "abc", msg) },
		func(n int, uri, msg string) string { return rawRecord(n, uri, strconv.Itoa(len(msg)+300), msg) },
		func(n int, uri, msg string) string { return rawRecord(n, uri, strconv.Itoa(len(msg)-40), msg) },
		func(n int, uri, msg string) string { return rawRecord(n, uri, "-1", msg) },
		func(n int, uri, msg string) string {
			return strings.Replace(rawRecord(n, uri, "", msg), "\r\n\r\nHTTP", "\r\nno colon here\r\n\r\nHTTP", 1)
		},
		func(n int, uri, msg string) string { return rawRecord(n, uri, "9223372036854775807", msg) },
		func(n int, uri, msg string) string { return rawRecord(n, "javascript:alert(1)", "", msg) },
		func(n int, uri, msg string) string {
			return rawRecord(n, uri, "", msg, "WARC-Block-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
		},
		func(n int, uri, msg string) string {
			return strings.TrimSuffix(rawRecord(n, uri, "", msg), "\r\n\r\n") + "\r\nXX\r\n"
		},
	}
	var records []string
	var want []string
	for i := range 100 {
		uri := pageURI(fmt.Sprintf("p%03d", i))
		msg := pageMsg(fmt.Sprintf("p%03d", i))
		if i%10 == 5 {
			records = append(records, breaks[i/10](i+1, uri, msg))
			continue
		}
		records = append(records, rawRecord(i+1, uri, "", msg))
		want = append(want, uri)
	}
	for _, gz := range []bool{false, true} {
		t.Run(ext(gz), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crawl"+ext(gz))
			writeFile(t, path, warcFile(t, gz, records...))

			r := runCmd(t, "", "-format", "json", path)

			assert.Equal(t, exitFailed, r.code)
			assert.Equal(t, want, urls(jsonLines(t, r.stdout)), r.stderr)
			failures := regexp.MustCompile(`(?m)^declutter: .*crawl\.warc(\.gz)?: .*at offset \d+.*$`).FindAllString(r.stderr, -1)
			assert.Len(t, failures, 10, r.stderr)
			assert.Contains(t, r.stderr, "100 records: 90 ok, 10 failed", r.stderr)
		})
	}
}

// bombMember is one gzip member holding a response record that declares,
// and inflates to, size bytes of HTML.
func bombMember(t *testing.T, size int64) []byte {
	t.Helper()
	head := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>"
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	require.NoError(t, err)
	fmt.Fprintf(zw, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"+
		"WARC-Target-URI: https://news.example.org/bomb\r\nContent-Length: %d\r\n\r\n%s", size, head)
	chunk := bytes.Repeat([]byte("<p>zzzzzzzzzzzzzzz</p>\n"), 1<<16/23+1)
	chunk = chunk[:1<<16]
	left := size - int64(len(head))
	for left > 0 {
		n := min(left, int64(len(chunk)))
		_, err := zw.Write(chunk[:n])
		require.NoError(t, err)
		left -= n
	}
	_, _ = zw.Write([]byte("\r\n\r\n"))
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func dirSize(dir string) int64 {
	var total int64
	_ = filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			total += info.Size()
		}
		return nil
	})
	return total
}

// Issue 10.3: a small .warc.gz whose record inflates far past -max-bytes
// is refused at once, without inflating it to disk or memory, and the
// record after it still comes out.
func TestWARCInflationBomb(t *testing.T) {
	sizes := []int64{256 << 20}
	if !testing.Short() {
		sizes = append(sizes, 3<<30)
	}
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dMiB", size>>20), func(t *testing.T) {
			dir := t.TempDir()
			tmp := filepath.Join(dir, "tmp")
			require.NoError(t, os.Mkdir(tmp, 0o755))
			t.Setenv("TMPDIR", tmp)
			path := filepath.Join(dir, "bomb.warc.gz")
			data := append(bombMember(t, size), gzipBytes(t, []byte(rawRecord(2, pageURI("after"), "", pageMsg("after"))))...)
			writeFile(t, path, data)
			t.Logf("%d bytes compressed, %d declared", len(data), size)

			var maxTmp atomic.Int64
			stop := make(chan struct{})
			var wg sync.WaitGroup
			wg.Go(func() {
				for {
					maxTmp.Store(max(maxTmp.Load(), dirSize(tmp)))
					select {
					case <-stop:
						return
					case <-time.After(10 * time.Millisecond):
					}
				}
			})
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			r := runCmd(t, "", "-format", "json", "-j", "1", path)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			close(stop)
			wg.Wait()
			allocated := after.TotalAlloc - before.TotalAlloc

			t.Logf("refused in %v, %d MB allocated, %d bytes of temp disk", elapsed, allocated>>20, maxTmp.Load())
			assert.Equal(t, exitFailed, r.code)
			assert.Equal(t, []string{pageURI("after")}, urls(jsonLines(t, r.stdout)), r.stderr)
			assert.Contains(t, r.stderr, "larger than -max-bytes")
			assert.Contains(t, r.stderr, "2 records: 1 ok, 1 failed")
			assert.Less(t, elapsed, 2*time.Second)
			assert.Less(t, allocated, uint64(100<<20))
			assert.Less(t, maxTmp.Load(), int64(20<<20))
		})
	}
}

// Issue 10.9 (part): a page archived under a URI that is not http(s) is
// refused, on its own.
func TestWARCNonHTTPTargetURI(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.warc.gz")
	writeFile(t, path, warcFile(t, true,
		rawRecord(1, "javascript:alert(document.cookie)", "", pageMsg("alpha")),
		rawRecord(2, pageURI("gamma"), "", pageMsg("gamma"))))

	r := runCmd(t, "", "-format", "json", path)

	assert.Equal(t, exitFailed, r.code)
	assert.Equal(t, []string{pageURI("gamma")}, urls(jsonLines(t, r.stdout)))
	assert.Contains(t, r.stderr, `WARC-Target-URI "javascript:alert(document.cookie)" is not an http(s) URL`)
	assert.Contains(t, r.stderr, "2 records: 1 ok, 1 failed")
}

// Issue 10.8: what comes from a file (a URI, a file name) cannot drive
// the terminal or forge a message line; JSON stays valid.
func TestControlCharactersEscaped(t *testing.T) {
	dir := t.TempDir()
	evil := "https://news.example.org/\x1b]0;PWNED\x07"
	writeFile(t, filepath.Join(dir, "a.warc"), warcFile(t, false, rawRecord(1, evil, "", pageMsg("alpha"))))
	badName := filepath.Join(dir, "b\ndeclutter: all is well.html")
	writeFile(t, badName, []byte{0x89, 'P', 'N', 'G', 0, 0})
	goodName := filepath.Join(dir, "c\x1b[2J\n.html")
	writeFile(t, goodName, []byte(articleHTML("Gamma", story("gamma")...)))

	r := runCmd(t, "", "-format", "json", filepath.Join(dir, "a.warc"), badName, goodName)

	assert.Equal(t, exitFailed, r.code)
	assert.NotContains(t, r.stderr, "\x1b")
	assert.NotContains(t, r.stderr, "\x07")
	assert.Contains(t, r.stderr, `https://news.example.org/\x1b]0;PWNED\a`)
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	assert.Len(t, lines, 3, "two failures and the summary: %q", r.stderr)
	assert.Contains(t, r.stderr, `b\ndeclutter: all is well.html`)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 1)
	assert.Equal(t, goodName, recs[0]["file"], "JSON carries the name as it is, escaped")
}

func TestEscapeControl(t *testing.T) {
	for in, want := range map[string]string{
		"plain/path é.html": "plain/path é.html",
		"a\nb":              `a\nb`,
		"\x1b]0;x\x07":      `\x1b]0;x\a`,
		"bad\xffbyte":       `bad\xffbyte`,
		"rtl\u202eboom":     `rtl\u202eboom`,
		"c1\u0085":          `c1\u0085`,
	} {
		assert.Equal(t, want, escapeControl(in), "%q", in)
	}
}

// Issue 10.7: a symbolic link to a folder is followed, once, even when
// links inside make a loop.
func TestSymlinkedFolder(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	writeFile(t, filepath.Join(real, "a.html"), []byte(articleHTML("Alpha", story("alpha")...)))
	writeFile(t, filepath.Join(real, "sub", "b.html"), []byte(articleHTML("Beta", story("beta")...)))
	require.NoError(t, os.Symlink(real, filepath.Join(real, "sub", "loop")))
	link := filepath.Join(dir, "link")
	require.NoError(t, os.Symlink(real, link))

	r := runCmd(t, "", "-format", "json", link)

	require.Equal(t, exitOK, r.code, r.stderr)
	recs := jsonLines(t, r.stdout)
	require.Len(t, recs, 2, r.stderr)
	assert.Equal(t, filepath.Join(link, "a.html"), recs[0]["file"])
	assert.Equal(t, filepath.Join(link, "sub", "b.html"), recs[1]["file"])
}

// The reads of an input answer to the context: a canceled run ends even
// while a read is blocked.
func TestCtxReaderAbandonsBlockedRead(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cr := newCtxReader(pr, func() context.Context { return ctx })
	done := make(chan error, 1)
	go func() {
		_, err := cr.Read(make([]byte, 10))
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
	case <-time.After(time.Second):
		t.Fatal("the read was not abandoned")
	}
}

// Data read in one chunk comes out whole through reads of any size.
func TestCtxReaderSmallReads(t *testing.T) {
	cr := newCtxReader(strings.NewReader("hello, world"), context.Background)
	var got []byte
	buf := make([]byte, 5)
	for {
		n, err := cr.Read(buf)
		got = append(got, buf[:n]...)
		if err != nil {
			require.ErrorIs(t, err, io.EOF)
			break
		}
	}
	assert.Equal(t, "hello, world", string(got))
}

// A record longer than -max-bytes plus the HTTP head allowance is never
// read into memory: an image is skipped, an HTML page fails, and the
// record after each comes out, in a .warc and in a .warc.gz.
func TestWARCOversizedRecords(t *testing.T) {
	big := strings.Repeat("x", 2<<20)
	image := httpResponse("image/png", big)
	html := httpResponse("text/html", "<html><body><p>"+big+"</p></body></html>")
	for _, gz := range []bool{false, true} {
		t.Run(ext(gz), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f"+ext(gz))
			writeFile(t, path, warcFile(t, gz,
				rawRecord(1, pageURI("image"), "", image),
				rawRecord(2, pageURI("alpha"), "", pageMsg("alpha")),
				rawRecord(3, pageURI("huge"), "", html),
				rawRecord(4, pageURI("gamma"), "", pageMsg("gamma"))))

			r := runCmd(t, "", "-format", "json", "-max-bytes", "100000", path)

			assert.Equal(t, exitFailed, r.code)
			assert.Equal(t, []string{pageURI("alpha"), pageURI("gamma")}, urls(jsonLines(t, r.stdout)), r.stderr)
			assert.Regexp(t, `huge \(record <urn:uuid:0+-0+-4000-8000-0+3> at offset \d+\): record of \d+ bytes is larger than -max-bytes 100000`, r.stderr)
			assert.Contains(t, r.stderr, "3 records: 2 ok, 1 failed, 1 non-HTML WARC responses skipped")
		})
	}
}
