package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"testing"
	"time"
)

// warcRun is what readWARC made of an input.
type warcRun struct {
	pages, failures []string
	sizes           []int // of the pages' bodies
	skipped         int
}

func readAll(data []byte, maxBytes int64) warcRun {
	var run warcRun
	rc := &readCtx{ctx: context.Background()}
	gz := len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
	run.skipped, _ = readWARC(context.Background(), "f", bytes.NewReader(data), rc, gz, maxBytes, time.Minute,
		func(rec *warcRecordPage, label string, err error) bool {
			if err != nil {
				run.failures = append(run.failures, label+": "+err.Error())
				return true
			}
			run.pages = append(run.pages, label)
			run.sizes = append(run.sizes, len(rec.body))
			return true
		})
	return run
}

// FuzzReadWARC feeds the WARC reader damaged and made-up files. It must
// end, never hand out a page larger than -max-bytes, report at most one
// finding per few bytes of input, and read the same input the same way
// twice.
func FuzzReadWARC(f *testing.F) {
	page := func(m string) string {
		return httpResponse("text/html", "<html><body><p>"+m+" paragraph</p></body></html>")
	}
	good := rawRecord(1, pageURI("a"), "", page("a")) + rawRecord(2, pageURI("b"), "", page("b"))
	f.Add([]byte(good))
	f.Add([]byte(rawRecord(1, pageURI("a"), "0", page("a")) + rawRecord(2, pageURI("b"), "", page("b"))))
	f.Add([]byte(rawRecord(1, pageURI("a"), "9999", page("a")) + rawRecord(2, pageURI("b"), "", page("b"))))
	f.Add([]byte(rawRecord(1, pageURI("a"), "12", page("a")) + "\r\n" + rawRecord(2, pageURI("b"), "", page("b"))))
	f.Add([]byte(rawRecord(1, "javascript:x", "", page("a"))))
	f.Add([]byte(rawRecord(1, pageURI("a"), "", page("a"), "WARC-Block-Digest: sha1:AAAA")))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 5\r\n\r\nWARC/\r\n\r\n"))
	var gz bytes.Buffer
	for _, r := range []string{rawRecord(1, pageURI("a"), "", page("a")), rawRecord(2, pageURI("b"), "abc", page("b")), rawRecord(3, pageURI("c"), "", page("c"))} {
		gz.Write(gzipOf([]byte(r)))
	}
	f.Add(gz.Bytes())
	f.Add(gzipOf([]byte(good)))
	f.Add(append(gzipOf([]byte(good))[:60], gzipOf([]byte(good))...))

	const maxBytes = 2048
	f.Fuzz(func(t *testing.T, data []byte) {
		run := readAll(data, maxBytes)
		for _, n := range run.sizes {
			if n > maxBytes {
				t.Fatalf("page longer than -max-bytes: %d bytes", n)
			}
		}
		if n := len(run.pages) + len(run.failures) + run.skipped; n > len(data)/4+1 {
			t.Fatalf("%d findings from %d bytes", n, len(data))
		}
		again := readAll(data, maxBytes)
		if len(again.pages) != len(run.pages) || len(again.failures) != len(run.failures) || again.skipped != run.skipped {
			t.Fatalf("two readings differ: %d/%d/%d then %d/%d/%d", len(run.pages), len(run.failures), run.skipped,
				len(again.pages), len(again.failures), again.skipped)
		}
	})
}

// The fuzz seeds that are well formed, or damaged in one record, read as
// they should.
func TestReadWARCSeeds(t *testing.T) {
	page := httpResponse("text/html", "<html><body><p>a paragraph</p></body></html>")
	good := rawRecord(1, pageURI("a"), "", page) + rawRecord(2, pageURI("b"), "", page)
	run := readAll([]byte(good), 1<<20)
	if len(run.pages) != 2 || len(run.failures) != 0 {
		t.Fatalf("good file: %+v", run)
	}
	run = readAll(gzipOf([]byte(good)), 1<<20)
	if len(run.pages) != 2 || len(run.failures) != 0 {
		t.Fatalf("whole file gzipped: %+v", run)
	}
	bad := rawRecord(1, pageURI("a"), "9999", page) + rawRecord(2, pageURI("b"), "", page)
	run = readAll([]byte(bad), 1<<20)
	if len(run.pages) != 1 || len(run.failures) != 1 {
		t.Fatalf("too long a length: %+v", run)
	}
	run = readAll([]byte(good), 10)
	if len(run.pages) != 0 || len(run.failures) != 2 {
		t.Fatalf("pages over -max-bytes: %+v", run)
	}
}

func gzipOf(data []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(data)
	_ = zw.Close()
	return buf.Bytes()
}
