package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// maxWARCErrors is how many unreadable records in a row end the reading of
// a WARC file: past that the file is not a WARC or is damaged beyond
// resynchronising on the next record.
const maxWARCErrors = 3

// warcRecordPage is what a WARC response record holds for the extractor.
type warcRecordPage struct {
	uri, id, contentType string
	date                 time.Time
	body                 []byte
}

// readWARC reads the WARC file name from r and calls emit, in file order,
// with each HTML response record, or with an error for a record that
// cannot be read. Other records (requests, metadata, images...) are
// skipped and counted. It stops early when emit returns false.
func readWARC(ctx context.Context, name string, r io.Reader, maxBytes int64,
	emit func(rec *warcRecordPage, label string, err error) bool) (skipped int, err error) {
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		// Be lenient: crawls are full of small syntax slips that do not
		// matter for reading pages. The spec-violation policy must stay at
		// its default (warn, findings ignored here): with ErrIgnore,
		// gowarc v3.1.0 does not cache the block and the payload is cut
		// after its first few kilobytes (TestWARCLargeRecord).
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
	)
	if err != nil {
		return 0, err
	}
	defer wr.Close()
	bad := 0
	for {
		if ctx.Err() != nil {
			return skipped, ctx.Err()
		}
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return skipped, nil
		}
		label := fmt.Sprintf("%s: record at offset %d", name, rec.Offset)
		if err != nil {
			rec.Close()
			if bad++; bad >= maxWARCErrors {
				return skipped, fmt.Errorf("%s: giving up after %d unreadable records: %w", name, bad, err)
			}
			if !emit(nil, label, fmt.Errorf("unreadable WARC record: %w", err)) {
				return skipped, nil
			}
			continue
		}
		bad = 0
		page, perr := recordPage(rec.WarcRecord, maxBytes)
		rec.Close()
		switch {
		case errors.Is(perr, errSkipRecord):
			if rec.WarcRecord.Type() == gowarc.Response {
				skipped++ // requests, metadata and the like are not pages at all
			}
			continue
		case page != nil:
			label = fmt.Sprintf("%s: %s (record at offset %d)", name, page.uri, rec.Offset)
		}
		if !emit(page, label, perr) {
			return skipped, nil
		}
	}
}

var errSkipRecord = errors.New("not an HTML response record")

// recordPage returns the HTML page a record holds, errSkipRecord when it
// holds none, or an error when it holds one that cannot be read.
func recordPage(rec gowarc.WarcRecord, maxBytes int64) (*warcRecordPage, error) {
	if rec.Type() != gowarc.Response {
		return nil, errSkipRecord
	}
	block, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, errSkipRecord // e.g. a DNS response
	}
	if code := block.HttpStatusCode(); code < 200 || code > 299 {
		return nil, errSkipRecord // redirects and error pages are not articles
	}
	hdr := block.HttpHeader()
	if hdr == nil {
		hdr = &http.Header{}
	}
	page := &warcRecordPage{
		uri:         rec.WarcHeader().Get(gowarc.WarcTargetURI),
		id:          strings.Trim(rec.RecordId(), "<>"),
		contentType: hdr.Get("Content-Type"),
	}
	page.date, _ = rec.Date()
	payload, err := block.PayloadBytes()
	if err != nil {
		return page, fmt.Errorf("reading the payload: %w", err)
	}
	// net/http moves Transfer-Encoding out of the parsed header; read it
	// from the raw one.
	enc := hdr.Clone()
	if te := rawHeader(block.ProtocolHeaderBytes(), "Transfer-Encoding"); te != "" {
		enc.Set("Transfer-Encoding", te)
	}
	body, err := decodePayload(payload, enc)
	if err != nil {
		return page, err
	}
	br := bufio.NewReader(body)
	if page.contentType == "" {
		head, _ := br.Peek(512)
		if !htmlType(http.DetectContentType(head)) {
			return nil, errSkipRecord
		}
	} else if !htmlType(page.contentType) {
		return nil, errSkipRecord
	}
	page.body, err = io.ReadAll(io.LimitReader(br, maxBytes+1))
	if err != nil {
		return page, fmt.Errorf("reading the payload: %w", err)
	}
	if int64(len(page.body)) > maxBytes {
		return page, fmt.Errorf("page larger than -max-bytes %d", maxBytes)
	}
	return page, nil
}

// decodePayload undoes the transfer and content encodings that many
// crawlers store as they were sent. A payload that is declared encoded but
// is not (some crawlers decode it and keep the header) is read as it is.
func decodePayload(payload io.Reader, hdr http.Header) (io.Reader, error) {
	br := bufio.NewReader(payload)
	if strings.Contains(strings.ToLower(hdr.Get("Transfer-Encoding")), "chunked") && looksChunked(br) {
		br = bufio.NewReader(httputil.NewChunkedReader(br))
	}
	switch enc := strings.ToLower(strings.TrimSpace(hdr.Get("Content-Encoding"))); enc {
	case "", "identity":
		return br, nil
	case "gzip", "x-gzip":
		if magic, _ := br.Peek(2); !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
			return br, nil
		}
		return gzip.NewReader(br)
	case "deflate":
		if zr, err := zlib.NewReader(br); err == nil {
			return zr, nil
		}
		return nil, errors.New("cannot decode Content-Encoding deflate")
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
}

// rawHeader returns the value of the named field in a raw HTTP header
// block (status line first), or "".
func rawHeader(block []byte, name string) string {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(block)))
	if _, err := tp.ReadLine(); err != nil {
		return ""
	}
	h, _ := tp.ReadMIMEHeader() // a partial header is still worth reading
	return h.Get(name)
}

// looksChunked reports whether the payload starts with a chunk-size line.
func looksChunked(br *bufio.Reader) bool {
	head, _ := br.Peek(18)
	i := bytes.IndexAny(head, ";\r\n")
	if i <= 0 {
		return false
	}
	for _, c := range head[:i] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c)) {
			return false
		}
	}
	return true
}
