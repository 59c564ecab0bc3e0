package main

import (
	"bytes"
	"context"
	"errors"
	"io"
)

// errLineTooLong is a header line longer than the reader allows.
var errLineTooLong = errors.New("header line too long")

// byteSource is a buffered reader that knows the offset of every byte it
// hands out and can go back to a marked position. The WARC reader marks
// the start of each record (or gzip member) so that, when the record turns
// out to be misframed, it can rescan the bytes it already consumed for the
// next record instead of losing them. The marked window is bounded by
// markLimit: past it the mark is dropped and rewinding is impossible, so a
// huge record is never held in memory.
type byteSource struct {
	r         io.Reader
	ctx       context.Context // checked before every read of r; may be replaced between records
	buf       []byte
	i         int   // next unread byte in buf
	base      int64 // offset of buf[0] in the stream
	mark      int   // index in buf of the marked byte, or -1
	markLimit int
	err       error // sticky error of r
}

const sourceChunk = 64 << 10

func newByteSource(ctx context.Context, r io.Reader, markLimit int) *byteSource {
	return &byteSource{r: r, ctx: ctx, mark: -1, markLimit: markLimit}
}

// offset is the stream offset of the next byte to be read.
func (s *byteSource) offset() int64 { return s.base + int64(s.i) }

// fill reads more of r into buf. It returns false, with s.err or the
// context's error, when nothing more can be read.
func (s *byteSource) fill() bool {
	if s.err != nil {
		return false
	}
	if err := s.ctx.Err(); err != nil {
		return false
	}
	keep := s.i
	if s.mark >= 0 {
		if len(s.buf)-s.mark > s.markLimit {
			s.mark = -1 // too much to hold: give up the mark
		} else {
			keep = s.mark
		}
	}
	if keep > 0 {
		n := copy(s.buf, s.buf[keep:])
		s.buf = s.buf[:n]
		s.i -= keep
		s.base += int64(keep)
		if s.mark >= 0 {
			s.mark -= keep
		}
	}
	if cap(s.buf)-len(s.buf) < sourceChunk {
		nb := make([]byte, len(s.buf), 2*cap(s.buf)+sourceChunk)
		copy(nb, s.buf)
		s.buf = nb
	}
	n, err := s.r.Read(s.buf[len(s.buf) : len(s.buf)+sourceChunk])
	s.buf = s.buf[:len(s.buf)+n]
	if err != nil {
		s.err = err
	}
	return n > 0 || s.err == nil
}

// readErr is the error that stopped the last fill: io.EOF at the end of
// the stream, the context's error when the read was cut short, else the
// reader's.
func (s *byteSource) readErr() error {
	if s.err != nil {
		return s.err
	}
	if err := s.ctx.Err(); err != nil {
		return err
	}
	return io.ErrNoProgress
}

// unexpected turns an end of stream met inside a record into
// io.ErrUnexpectedEOF, so that no caller mistakes it for the end of the file.
func (s *byteSource) unexpected() error {
	if err := s.readErr(); err != io.EOF {
		return err
	}
	return io.ErrUnexpectedEOF
}

func (s *byteSource) Read(p []byte) (int, error) {
	for s.i == len(s.buf) {
		if !s.fill() {
			return 0, s.readErr()
		}
	}
	n := copy(p, s.buf[s.i:])
	s.i += n
	return n, nil
}

// ReadByte makes a byteSource an io.ByteReader, so that compress/flate
// reads exactly one gzip member and no further.
func (s *byteSource) ReadByte() (byte, error) {
	for s.i == len(s.buf) {
		if !s.fill() {
			return 0, s.readErr()
		}
	}
	c := s.buf[s.i]
	s.i++
	return c, nil
}

// peek returns up to n unread bytes without consuming them; fewer only at
// the end of the stream or on an error.
func (s *byteSource) peek(n int) []byte {
	for len(s.buf)-s.i < n && s.fill() {
	}
	return s.buf[s.i:min(len(s.buf), s.i+n)]
}

// readLine returns the next line, its "\n" included, of at most max bytes.
// At the end of the stream it returns what is left with io.EOF.
func (s *byteSource) readLine(max int) ([]byte, error) {
	from := 0
	for {
		if j := bytes.IndexByte(s.buf[s.i+from:], '\n'); j >= 0 {
			end := s.i + from + j + 1
			if end-s.i > max {
				return nil, errLineTooLong
			}
			line := s.buf[s.i:end]
			s.i = end
			return line, nil
		}
		from = len(s.buf) - s.i
		if from > max {
			return nil, errLineTooLong
		}
		if !s.fill() {
			line := s.buf[s.i:]
			s.i = len(s.buf)
			return line, s.readErr()
		}
	}
}

// discard skips n bytes and returns how many it skipped.
func (s *byteSource) discard(n int64) (int64, error) {
	var done int64
	for done < n {
		if s.i == len(s.buf) && !s.fill() {
			return done, s.unexpected()
		}
		k := min(int64(len(s.buf)-s.i), n-done)
		s.i += int(k)
		done += k
	}
	return done, nil
}

// setMark marks the next byte; dropMark forgets the mark.
func (s *byteSource) setMark()  { s.mark = s.i }
func (s *byteSource) dropMark() { s.mark = -1 }

// rewind goes back to the mark plus skip bytes and reports whether it
// could (the mark may have been dropped).
func (s *byteSource) rewind(skip int) bool {
	if s.mark < 0 || s.mark+skip > len(s.buf) {
		return false
	}
	s.i = s.mark + skip
	return true
}

// ctxReader makes reads of r abandonable: each Read runs in a goroutine
// and returns early, with the context's error, when ctx is done. Reads of
// pipes, FIFOs and terminals block in the kernel and cannot be interrupted
// otherwise; the abandoned goroutine ends when its read does (at the
// latest when the process exits). Reads are handed over one at a time, so
// at most one chunk is read ahead.
type ctxReader struct {
	r       io.Reader
	ctx     func() context.Context
	pending chan readResult // the read in flight, if any
}

type readResult struct {
	buf []byte
	err error
}

func newCtxReader(r io.Reader, ctx func() context.Context) *ctxReader {
	return &ctxReader{r: r, ctx: ctx}
}

func (c *ctxReader) Read(p []byte) (int, error) {
	ctx := c.ctx()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if c.pending == nil {
		ch := make(chan readResult, 1)
		buf := make([]byte, len(p))
		go func() {
			n, err := c.r.Read(buf)
			ch <- readResult{buf[:n], err}
		}()
		c.pending = ch
	}
	select {
	case res := <-c.pending:
		c.pending = nil
		n := copy(p, res.buf)
		if n < len(res.buf) {
			// p is smaller than the read that was started for a larger p:
			// keep the rest for the next Read.
			rest := make(chan readResult, 1)
			rest <- readResult{res.buf[n:], res.err}
			c.pending = rest
			return n, nil
		}
		return n, res.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
