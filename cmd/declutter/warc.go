package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// The WARC framing is read here rather than by gowarc (v3.1.0), because
// gowarc cannot do it safely for a command that must never lose or invent
// data:
//   - a bad record comes back as an error wrapping io.EOF ("not a http
//     block: EOF"), which a caller cannot tell from the end of the file;
//   - every block is first copied to a buffer that spills to $TMPDIR, so a
//     small .warc.gz that inflates to gigabytes fills the disk before any
//     size limit can apply;
//   - after a wrong Content-Length it neither notices (the trailer and
//     digest findings are only warnings) nor resynchronises.
//
// The framing is small: a version line, header lines, a blank line,
// Content-Length bytes of block and a "\r\n\r\n" trailer; in a .warc.gz
// each record (or, for a gzipped whole file, all of them) sits in a gzip
// member. Every record is checked against that framing, its block digest
// when it has one and the start of the next record; a record that fails
// is reported with its offset and ID and reading resumes at the next
// record: the next "WARC/" line in a plain file (the bytes of a misframed
// record are rescanned, so a too-long length swallows nothing) or the
// next gzip member.

const (
	maxWARCHeader = 1 << 20  // bytes of WARC header lines in one record
	maxWARCLine   = 64 << 10 // bytes in one header line
	maxHTTPHead   = 1 << 20  // bytes of HTTP status line and headers in a block
)

// warcRecordPage is what a WARC response record holds for the extractor.
type warcRecordPage struct {
	uri, id, contentType string
	date                 time.Time
	body                 []byte
}

// warcReader reads one WARC file.
type warcReader struct {
	name     string
	parent   context.Context
	rc       *readCtx
	raw      *byteSource
	maxBytes int64
	blockCap int64 // largest block read into memory: maxBytes + HTTP head
	timeout  time.Duration
	emit     func(rec *warcRecordPage, label string, err error) bool
	skipped  int
	stopped  bool // emit said stop
}

// readCtx is the context the reads of an input answer to. The WARC reader
// switches it to each record's own deadline.
type readCtx struct{ ctx context.Context }

func (c *readCtx) get() context.Context { return c.ctx }

// readWARC reads the WARC file name from r and calls emit, in file order,
// with each HTML response record, or with an error for each record that
// cannot be read. Other records (requests, metadata, images...) are
// skipped and counted. Each record must be read within timeout. It stops
// early when emit returns false or ctx is done. The reads of r must answer
// to rc (see ctxReader), so that a read blocked on a pipe ends with the
// record's deadline.
func readWARC(ctx context.Context, name string, r io.Reader, rc *readCtx, gz bool, maxBytes int64, timeout time.Duration,
	emit func(rec *warcRecordPage, label string, err error) bool) (skipped int, err error) {
	w := &warcReader{
		name: name, parent: ctx, rc: rc, maxBytes: maxBytes, timeout: timeout, emit: emit,
		blockCap: maxBytes + maxHTTPHead,
	}
	markLimit := int(min(w.blockCap+maxWARCHeader+sourceChunk, 1<<40))
	w.raw = newByteSource(ctx, r, markLimit)
	if gz {
		w.readMembers(markLimit)
	} else {
		w.readRecords(w.raw, -1, markLimit)
	}
	return w.skipped, ctx.Err()
}

// recordCtx starts the deadline of the next record.
func (w *warcReader) recordCtx(srcs ...*byteSource) context.CancelFunc {
	ctx, cancel := context.WithTimeout(w.parent, w.timeout)
	w.rc.ctx = ctx
	for _, s := range srcs {
		s.ctx = ctx
	}
	return cancel
}

func (w *warcReader) fail(label string, err error) {
	if !w.emit(nil, label, err) {
		w.stopped = true
	}
}

func (w *warcReader) done() bool { return w.stopped || w.parent.Err() != nil }

// where names a record's position: the byte offset in a plain file, the
// offset of the gzip member (plus the record's offset inside the member
// when it is not the first) in a .warc.gz.
func where(member, off int64) string {
	switch {
	case member < 0:
		return fmt.Sprintf("offset %d", off)
	case off == 0:
		return fmt.Sprintf("offset %d", member)
	default:
		return fmt.Sprintf("offset %d+%d", member, off)
	}
}

func (w *warcReader) label(pos, id, uri string) string {
	rec := "record"
	if id != "" {
		rec += " " + id
	}
	if uri != "" {
		return fmt.Sprintf("%s: %s (%s at %s)", w.name, uri, rec, pos)
	}
	return fmt.Sprintf("%s: %s at %s", w.name, rec, pos)
}

var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// readMembers reads a .warc.gz member by member.
func (w *warcReader) readMembers(markLimit int) {
	var zr gzip.Reader
	for !w.done() {
		cancel := w.recordCtx(w.raw)
		start := w.raw.offset()
		head := w.raw.peek(len(gzipMagic))
		if len(head) == 0 {
			if err := w.raw.readErr(); err != io.EOF && !w.done() {
				w.fail(fmt.Sprintf("%s: at offset %d", w.name, start), fmt.Errorf("reading the WARC file: %w", err))
			}
			cancel()
			return
		}
		if !bytes.Equal(head, gzipMagic) {
			skipped := w.nextMember()
			w.fail(fmt.Sprintf("%s: at offset %d", w.name, start),
				fmt.Errorf("%d bytes that are not a gzip member skipped", skipped))
			cancel()
			continue
		}
		w.raw.setMark()
		if err := zr.Reset(w.raw); err != nil {
			w.fail(w.label(where(start, 0), "", ""), fmt.Errorf("unreadable gzip member: %w", err))
			w.raw.rewind(1)
			w.nextMember()
			cancel()
			continue
		}
		zr.Multistream(false)
		ms := newByteSource(w.raw.ctx, &zr, markLimit)
		broken := w.readRecords(ms, start, markLimit)
		cancel()
		if broken && !w.done() {
			// The member's data cannot be trusted from where it broke:
			// go back to its start and look for the next member.
			cancel = w.recordCtx(w.raw)
			if !w.raw.rewind(1) {
				w.raw.dropMark()
			}
			w.nextMember()
			cancel()
		}
		w.raw.dropMark()
	}
}

// nextMember moves the raw input to the next byte that starts a gzip
// member holding a WARC record, or to its end, and returns how many bytes
// it skipped.
func (w *warcReader) nextMember() int64 {
	s := w.raw
	s.dropMark()
	from := s.offset()
	for {
		if w.parent.Err() != nil {
			return s.offset() - from
		}
		if j := bytes.Index(s.buf[s.i:], gzipMagic); j >= 0 {
			s.i += j
			if looksLikeWARCMember(s.peek(8 << 10)) {
				return s.offset() - from
			}
			s.i++
			continue
		}
		if keep := len(s.buf) - s.i; keep > len(gzipMagic) {
			s.i = len(s.buf) - len(gzipMagic) + 1
		}
		if !s.fill() {
			s.i = len(s.buf)
			return s.offset() - from
		}
	}
}

func looksLikeWARCMember(head []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	start := make([]byte, len("WARC/"))
	n, _ := io.ReadFull(zr, start)
	return n == len(start) && bytes.Equal(start, []byte("WARC/"))
}

// readRecords reads the records of a plain WARC file (member < 0) or of
// one gzip member (member is its offset). It reports whether the gzip
// member is broken and the rest of it must be given up.
func (w *warcReader) readRecords(s *byteSource, member int64, markLimit int) (broken bool) {
	for !w.done() {
		var cancel context.CancelFunc
		if member < 0 {
			cancel = w.recordCtx(s)
		} else {
			cancel = w.recordCtx(s, w.raw)
		}
		skipBlankLines(s)
		start := s.offset()
		if len(s.peek(1)) == 0 {
			err := s.readErr()
			cancel()
			if err == io.EOF || w.done() {
				return false
			}
			w.fail(w.label(where(member, start), "", ""), fmt.Errorf("unreadable WARC record: %w", err))
			return member >= 0
		}
		s.setMark()
		res := w.readRecord(s, member >= 0)
		cancel()
		if w.done() {
			return false
		}
		lbl := w.label(where(member, start), res.id, res.uri)
		switch {
		case res.err == nil && res.page != nil:
			if !w.emit(res.page, lbl, nil) {
				w.stopped = true
			}
			continue
		case res.err == nil:
			if res.skipped {
				w.skipped++
			}
			continue
		}
		w.fail(lbl, res.err)
		if member >= 0 && (res.abandon || memberBroken(s)) {
			return true
		}
		if res.scanFromHere {
			s.dropMark()
		} else if !s.rewind(1) {
			s.dropMark()
		}
		limit := int64(-1)
		if member >= 0 {
			limit = int64(markLimit) // a gzip member that inflates to junk is left, not inflated to its end
		}
		cancel = w.recordCtx(s, w.raw)
		found, err := nextRecord(s, limit)
		cancel()
		if !found && member >= 0 && err != io.EOF {
			return true
		}
	}
	return false
}

// memberBroken reports whether the gzip stream under s failed (corrupt
// data, bad checksum, cut short), as opposed to the WARC framing in it.
func memberBroken(s *byteSource) bool {
	return s.err != nil && s.err != io.EOF
}

// skipBlankLines skips the CR and LF bytes some writers leave between
// records.
func skipBlankLines(s *byteSource) {
	for {
		b := s.peek(1)
		if len(b) == 0 || (b[0] != '\r' && b[0] != '\n') {
			return
		}
		s.i++
	}
}

// nextRecord moves s to the start of the next line that begins a WARC
// record ("WARC/" and a digit), scanning at most limit bytes when limit is
// not negative. It reports whether it found one, and why not.
func nextRecord(s *byteSource, limit int64) (bool, error) {
	const pat = "\nWARC/"
	from := s.offset()
	for {
		if j := bytes.Index(s.buf[s.i:], []byte(pat)); j >= 0 {
			s.i += j + 1
			if b := s.peek(len(pat)); len(b) == len(pat) && b[len(pat)-1] >= '0' && b[len(pat)-1] <= '9' {
				return true, nil
			}
			continue
		}
		if limit >= 0 && s.offset()-from > limit {
			return false, errors.New("no WARC record in sight")
		}
		if keep := len(s.buf) - s.i; keep > len(pat) {
			s.i = len(s.buf) - len(pat) + 1
		}
		if !s.fill() {
			s.i = len(s.buf)
			return false, s.readErr()
		}
	}
}

// recordResult is one record read.
type recordResult struct {
	id, uri      string
	page         *warcRecordPage // an HTML page to extract
	skipped      bool            // a response record that is not an HTML page
	err          error           // the record cannot be read or is not trustworthy
	abandon      bool            // give up the rest of the gzip member
	scanFromHere bool            // resynchronise from the current position, not the record's start
}

// warcHead is the header section of a record.
type warcHead struct {
	fields textproto.MIMEHeader
	length int64
}

func (h *warcHead) get(name string) string { return strings.TrimSpace(h.fields.Get(name)) }

// readHead reads the version line and header fields of a record.
func readHead(s *byteSource) (*warcHead, error) {
	line, err := s.readLine(maxWARCLine)
	if err != nil {
		return nil, fmt.Errorf("reading the WARC version line: %w", noEOF(err))
	}
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return nil, fmt.Errorf("not a WARC record: starts with %q", truncate(line, 20))
	}
	h := &warcHead{fields: textproto.MIMEHeader{}, length: -1}
	total := len(line)
	last := ""
	for {
		line, err := s.readLine(maxWARCLine)
		if err != nil {
			return h, fmt.Errorf("reading the WARC header: %w", noEOF(err))
		}
		if total += len(line); total > maxWARCHeader {
			return h, errors.New("WARC header larger than 1 MiB")
		}
		text := strings.TrimRight(string(line), "\r\n")
		if text == "" {
			break
		}
		if (text[0] == ' ' || text[0] == '\t') && last != "" {
			vs := h.fields[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(text)
			continue
		}
		k, v, ok := strings.Cut(text, ":")
		if !ok || strings.TrimSpace(k) == "" {
			return h, fmt.Errorf("bad WARC header line %q", truncate(line, 40))
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		h.fields.Add(last, strings.TrimSpace(v))
	}
	cl := h.get("Content-Length")
	if cl == "" {
		return h, errors.New("no Content-Length")
	}
	for _, c := range cl {
		if c < '0' || c > '9' {
			return h, fmt.Errorf("bad Content-Length %q", cl)
		}
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil {
		return h, fmt.Errorf("bad Content-Length %q", cl)
	}
	h.length = n
	return h, nil
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}

// readRecord reads one record from s, which is at its first byte.
func (w *warcReader) readRecord(s *byteSource, inMember bool) recordResult {
	h, err := readHead(s)
	var res recordResult
	if h != nil {
		res.id = h.get("WARC-Record-ID")
		res.uri = strings.Trim(h.get("WARC-Target-URI"), "<>")
	}
	if err != nil {
		res.err = err
		return res
	}
	response := strings.EqualFold(h.get("WARC-Type"), "response")
	if h.length > w.blockCap {
		return w.oversized(s, h, res, response, inMember)
	}
	block := make([]byte, h.length)
	if _, err := io.ReadFull(s, block); err != nil {
		res.err = fmt.Errorf("unreadable WARC record: cut short, %d bytes of block declared: %w", h.length, noEOF(s.unexpected()))
		return res
	}
	if err := checkEnd(s); err != nil {
		res.err = fmt.Errorf("content length mismatch (Content-Length %d): %w", h.length, err)
		return res
	}
	if i := bytes.Index(block, []byte("\r\n\r\nWARC/")); i >= 0 && i+9 < len(block) && block[i+9] >= '0' && block[i+9] <= '9' {
		res.err = fmt.Errorf("content length mismatch: the block holds the start of another record at its byte %d", i+4)
		return res
	}
	if err := checkDigest(h.get("WARC-Block-Digest"), block); err != nil {
		res.err = err
		return res
	}
	if !response {
		return res // not a response: nothing to count
	}
	page, err := w.recordPage(h, block)
	switch {
	case errors.Is(err, errSkipRecord):
		res.skipped = true
	case err != nil:
		res.err = err
	default:
		res.page = page
	}
	return res
}

// oversized handles a record whose block is larger than any page we would
// read: an HTML page among them fails, anything else is skipped. Neither
// is read into memory.
func (w *warcReader) oversized(s *byteSource, h *warcHead, res recordResult, response, inMember bool) recordResult {
	s.dropMark()
	isPage := false
	if response {
		// The HTTP head tells a page from an image or a video.
		code, hdr, _, ok := parseHTTPHead(s.peek(int(min(h.length, 64<<10))))
		isPage = ok && code >= 200 && code <= 299 && (hdr.Get("Content-Type") == "" || htmlType(hdr.Get("Content-Type")))
	}
	tooBig := fmt.Errorf("record of %d bytes is larger than -max-bytes %d", h.length, w.maxBytes)
	switch {
	case !inMember:
		// A plain file: find the next record by its version line, which
		// also gets past a Content-Length that lies.
		if isPage {
			res.err = tooBig
		} else if response {
			res.skipped = true
		}
		if res.err == nil {
			if found, err := nextRecord(s, -1); !found && err != io.EOF {
				res.err = fmt.Errorf("reading the WARC file: %w", err)
			}
			return res
		}
		res.scanFromHere = true
		return res
	case isPage:
		// Never inflate it: the rest of its gzip member is left unread.
		res.err = fmt.Errorf("%w; the rest of its gzip member is skipped", tooBig)
		res.abandon = true
		return res
	}
	if _, err := s.discard(h.length); err != nil {
		res.err = fmt.Errorf("record cut short: %d bytes of block declared: %w", h.length, err)
		return res
	}
	if err := checkEnd(s); err != nil {
		res.err = fmt.Errorf("content length mismatch (Content-Length %d): %w", h.length, err)
		res.scanFromHere = true
		return res
	}
	res.skipped = response
	return res
}

// checkEnd reads the "\r\n\r\n" that ends a record and checks that what
// follows is another record or the end of the stream.
func checkEnd(s *byteSource) error {
	end := make([]byte, 4)
	if n, _ := io.ReadFull(s, end); n < 4 {
		return fmt.Errorf("no record trailer: %w", noEOF(s.unexpected()))
	}
	if string(end) != "\r\n\r\n" {
		return fmt.Errorf("no record trailer: found %q", end)
	}
	skipBlankLines(s)
	next := s.peek(len("WARC/"))
	if len(next) == 0 {
		switch err := s.readErr(); {
		case err == io.EOF:
			return nil
		case errors.Is(err, context.DeadlineExceeded):
			return nil // a stream that pauses between records
		default:
			return err
		}
	}
	if !bytes.HasPrefix([]byte("WARC/"), next) && !bytes.HasPrefix(next, []byte("WARC/")) {
		return fmt.Errorf("the record is followed by %q, not by another record", next)
	}
	return nil
}

// checkDigest checks a WARC-Block-Digest of the sha1, sha256 or md5
// algorithm, in base 32 or hex; other algorithms are not checked.
func checkDigest(digest string, block []byte) error {
	if digest == "" {
		return nil
	}
	alg, want, ok := strings.Cut(digest, ":")
	if !ok {
		return nil
	}
	var h hash.Hash
	switch strings.ToLower(alg) {
	case "sha1", "sha-1":
		h = sha1.New()
	case "sha256", "sha-256":
		h = sha256.New()
	case "md5":
		h = md5.New()
	default:
		return nil
	}
	h.Write(block)
	sum := h.Sum(nil)
	want = strings.TrimSpace(want)
	if strings.EqualFold(want, hex.EncodeToString(sum)) ||
		strings.EqualFold(strings.TrimRight(want, "="), strings.TrimRight(base32.StdEncoding.EncodeToString(sum), "=")) {
		return nil
	}
	return fmt.Errorf("wrong WARC-Block-Digest %s: the block is damaged or its Content-Length is wrong", digest)
}

var errSkipRecord = errors.New("not an HTML response record")

// parseHTTPHead parses the status line and header of an HTTP response at
// the start of block, and returns the payload after them.
func parseHTTPHead(block []byte) (code int, hdr http.Header, payload []byte, ok bool) {
	end := bytes.Index(block, []byte("\r\n\r\n"))
	sep := 4
	if lf := bytes.Index(block, []byte("\n\n")); lf >= 0 && (end < 0 || lf < end) {
		end, sep = lf, 2
	}
	if end < 0 {
		if len(block) > maxHTTPHead {
			return 0, nil, nil, false
		}
		end, sep = len(block), 0
	}
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(block[:end+sep])))
	status, err := tp.ReadLine()
	if err != nil || !strings.HasPrefix(status, "HTTP/") {
		return 0, nil, nil, false
	}
	_, rest, _ := strings.Cut(status, " ")
	codeText, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	code, err = strconv.Atoi(codeText)
	if err != nil {
		return 0, nil, nil, false
	}
	mh, _ := tp.ReadMIMEHeader() // a partial header is still worth reading
	return code, http.Header(mh), block[end+sep:], true
}

// recordPage returns the HTML page a response record holds, errSkipRecord
// when it holds none, or an error when it holds one that cannot be read.
func (w *warcReader) recordPage(h *warcHead, block []byte) (*warcRecordPage, error) {
	if !strings.HasPrefix(strings.ToLower(h.get("Content-Type")), "application/http") && !bytes.HasPrefix(block, []byte("HTTP/")) {
		return nil, errSkipRecord // e.g. a DNS response
	}
	code, hdr, payload, ok := parseHTTPHead(block)
	if !ok {
		return nil, errSkipRecord
	}
	if code < 200 || code > 299 {
		return nil, errSkipRecord // redirects and error pages are not articles
	}
	page := &warcRecordPage{
		uri:         strings.Trim(h.get("WARC-Target-URI"), "<>"),
		id:          strings.Trim(h.get("WARC-Record-ID"), "<>"),
		contentType: hdr.Get("Content-Type"),
	}
	page.date, _ = time.Parse(time.RFC3339Nano, h.get("WARC-Date"))
	body, err := decodePayload(bytes.NewReader(payload), hdr)
	if err != nil {
		return nil, err
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
	if !httpURL(page.uri) {
		return nil, fmt.Errorf("WARC-Target-URI %q is not an http(s) URL", page.uri)
	}
	page.body, err = io.ReadAll(io.LimitReader(br, w.maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the payload: %w", err)
	}
	if int64(len(page.body)) > w.maxBytes {
		return nil, fmt.Errorf("page larger than -max-bytes %d", w.maxBytes)
	}
	return page, nil
}

// httpURL reports whether uri is an absolute http or https URL.
func httpURL(uri string) bool {
	scheme, rest, ok := strings.Cut(uri, "://")
	return ok && rest != "" && (strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https"))
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
