package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/declutter/declutter"
)

// batch processes every input of one run: a producer expands the inputs
// into jobs in input order, -j workers extract them, and one writer prints
// the results in that same order.
type batch struct {
	cfg     *config
	ex      *declutter.Extractor
	fetcher *fetcher
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer

	multi   bool         // more than one input: name each page in text output
	warc    atomic.Bool  // a WARC file was read
	skipped atomic.Int64 // WARC response records that are not HTML
	bar     *progress
	colour  bool // colour the explain format (a terminal, NO_COLOR unset)
}

// page is one page ready for the extractor.
type page struct {
	file, url, contentType string
	warcDate               time.Time
	warcID                 string
	body                   io.Reader
	close                  func()
}

// job is one page to extract. load runs on a worker, so that reading and
// fetching happen in parallel too.
type job struct {
	name  string // names the page in messages
	named bool   // name the page in text output too (several pages may come out)
	out   string // base of the output file name under -o
	load  func(ctx context.Context) (*page, error)
	done  chan outcome // buffered: a worker never waits for the writer
}

type outcome struct {
	out []byte
	err error
}

type stats struct {
	ok, failed  int
	interrupted int // failed because the run was canceled: counted in failed, reported once
}

// process runs the batch and reports whether every page was extracted.
func (b *batch) process(ctx context.Context) bool {
	start := time.Now()
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sources := expandInputs(b.cfg.inputs)
	b.multi = len(sources) > 1
	b.bar = newProgress(b.stderr, b.stdout, len(sources))

	order := make(chan *job, 2*b.cfg.workers) // bounds the pages held in memory
	work := make(chan *job)
	go func() {
		defer close(work)
		defer close(order)
		b.produce(ctx, sources, order, work)
	}()
	var wg sync.WaitGroup
	for range b.cfg.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.done <- b.handle(ctx, j)
			}
		}()
	}
	st := b.write(ctx, order, cancel)
	wg.Wait()
	b.bar.finish()

	if parent.Err() != nil {
		fmt.Fprintf(b.stderr, "declutter: interrupted: %d pages in progress dropped, the rest not started\n", st.interrupted)
	}
	pages := st.ok + st.failed
	if b.multi || b.warc.Load() || pages != 1 {
		unit := "pages"
		if b.warc.Load() {
			unit = "records" // a failed WARC record may not have been a page
		}
		msg := fmt.Sprintf("declutter: %d %s: %d ok, %d failed", pages, unit, st.ok, st.failed)
		if n := b.skipped.Load(); n > 0 {
			msg += fmt.Sprintf(", %d non-HTML WARC responses skipped", n)
		}
		fmt.Fprintf(b.stderr, "%s, in %v\n", msg, time.Since(start).Round(time.Millisecond))
	}
	return st.failed == 0 && ctx.Err() == nil
}

// produce turns the sources into jobs, in order. A job goes to order
// before work, so the writer always knows which job comes next.
func (b *batch) produce(ctx context.Context, sources []source, order, work chan<- *job) {
	emit := func(j *job) bool {
		select {
		case order <- j:
		case <-ctx.Done():
			return false
		}
		if j.load == nil {
			return true // already done: an error found while producing
		}
		select {
		case work <- j:
			return true
		case <-ctx.Done():
			j.done <- outcome{err: ctx.Err()}
			return false
		}
	}
	for _, src := range sources {
		if ctx.Err() != nil {
			return
		}
		if !b.produceSource(ctx, src, emit) {
			return
		}
	}
}

func failedJob(name string, err error) *job {
	j := &job{name: name, done: make(chan outcome, 1)}
	j.done <- outcome{err: err}
	return j
}

func (b *batch) produceSource(ctx context.Context, src source, emit func(*job) bool) bool {
	switch src.kind {
	case sourceBad:
		return emit(failedJob(src.name, src.err))
	case sourceURL:
		return emit(&job{name: src.name, named: b.multi, out: outBase(src.name), done: make(chan outcome, 1), load: func(ctx context.Context) (*page, error) {
			p, err := b.fetcher.fetch(ctx, src.name)
			if p != nil {
				p.file = src.name
			}
			return p, err
		}})
	}
	// Every read of the input answers to rc: first the input's own
	// deadline while it is opened and sniffed, then the deadline of the
	// job (or of each WARC record) that reads the rest.
	srcCtx, cancelSrc := context.WithTimeout(ctx, b.cfg.timeout)
	defer cancelSrc()
	rc := &readCtx{ctx: srcCtx}
	var r io.Reader = b.stdin
	if src.kind == sourceStdin {
		hintStdin(b.stdin, b.stderr, readerIsTerminal)
	}
	closeInput := func() {}
	if src.kind == sourceFile {
		f, err := openFile(srcCtx, src.name)
		if err != nil {
			return emit(failedJob(src.name, b.readErr(ctx, err)))
		}
		r, closeInput = f, func() { f.Close() }
	}
	sn, err := sniff(newCtxReader(r, rc.get))
	if err != nil {
		closeInput()
		return emit(failedJob(src.name, b.readErr(ctx, err)))
	}
	if sn.warc {
		defer closeInput()
		return b.produceWARC(ctx, src.name, sn, rc, emit)
	}
	return emit(&job{name: src.name, named: b.multi, out: outBase(src.name), done: make(chan outcome, 1), load: func(ctx context.Context) (*page, error) {
		rc.ctx = ctx // the rest of the input is read under the job's deadline
		body, err := sn.pageReader()
		if err != nil {
			closeInput()
			return nil, err
		}
		pageURL := b.cfg.pageURL
		if pageURL == "" && src.kind == sourceFile {
			pageURL = sidecarURL(src.name)
		}
		return &page{file: src.name, url: pageURL, body: body, close: closeInput}, nil
	}})
}

// readErr words an error met while reading or extracting an input: a
// deadline is the -timeout, not a mystery. ctx is the run's context.
func (b *batch) readErr(ctx context.Context, err error) error {
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return fmt.Errorf("timed out after -timeout %v: %w", b.cfg.timeout, err)
	}
	return err
}

// openFile opens name, giving up when ctx is done: opening a FIFO blocks
// in the kernel until a writer comes, and nothing else can stop it. A file
// opened after giving up is closed.
func openFile(ctx context.Context, name string) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(name)
		ch <- opened{f, err}
	}()
	select {
	case o := <-ch:
		return o.f, o.err
	case <-ctx.Done():
		go func() {
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, ctx.Err()
	}
}

// produceWARC emits one job per HTML response record of a WARC file. The
// record is read here, in file order; the extraction runs on a worker.
func (b *batch) produceWARC(ctx context.Context, name string, sn *sniffed, rc *readCtx, emit func(*job) bool) bool {
	b.warc.Store(true)
	b.bar.addTotal(-1) // the file itself; its pages are counted as found
	stopped := false
	n := 0 // the number of the page in the file, for its name under -o
	skipped, _ := readWARC(ctx, name, sn.r, rc, sn.gzip, b.cfg.maxBytes, b.cfg.timeout, func(rec *warcRecordPage, label string, err error) bool {
		b.bar.addTotal(1)
		n++
		if err != nil {
			stopped = !emit(failedJob(label, b.readErr(ctx, err)))
			return !stopped
		}
		stopped = !emit(&job{name: label, named: true, out: fmt.Sprintf("%s-%d", outBase(name), n), done: make(chan outcome, 1), load: func(context.Context) (*page, error) {
			return &page{
				file: name, url: rec.uri, contentType: rec.contentType,
				warcDate: rec.date, warcID: rec.id,
				body: bytes.NewReader(rec.body), close: func() {},
			}, nil
		}})
		return !stopped
	})
	b.skipped.Add(int64(skipped))
	return !stopped
}

// handle loads, extracts and formats one page, within the per-page time
// limit.
func (b *batch) handle(parent context.Context, j *job) outcome {
	ctx, cancel := context.WithTimeout(parent, b.cfg.timeout)
	defer cancel()
	p, err := j.load(ctx)
	if err != nil {
		return outcome{err: b.readErr(parent, err)}
	}
	defer p.close()
	a, err := b.ex.ExtractWithContentType(ctx, p.body, p.url, p.contentType)
	if err != nil {
		return outcome{err: b.readErr(parent, err)}
	}
	out, err := b.format(j, p, a)
	return outcome{out: out, err: err}
}

// write prints each job's result as soon as it and every job before it are
// done, so the output is in input order whatever -j is.
func (b *batch) write(ctx context.Context, order <-chan *job, cancel context.CancelFunc) stats {
	var st stats
	var writeErr error
	var files *outFiles
	if b.cfg.outDir != "" {
		files = newOutFiles(b.cfg.outDir, b.cfg.format)
	}
	for j := range order {
		o := <-j.done
		if writeErr != nil {
			continue // stdout is gone (e.g. piped into head): just drain
		}
		if o.err != nil && ctx.Err() != nil && errors.Is(o.err, ctx.Err()) {
			st.failed++
			st.interrupted++ // one message at the end, not one per page
			continue
		}
		if o.err != nil {
			st.failed++
			b.bar.clear() // a clean line for the message; the next add redraws
			msg := strings.TrimPrefix(o.err.Error(), "declutter: ")
			fmt.Fprintf(b.stderr, "declutter: %s: %s\n", escapeControl(j.name), escapeControl(msg))
		} else {
			if files != nil {
				if err := files.write(j.out, o.out); err != nil {
					st.failed++
					b.bar.clear()
					fmt.Fprintf(b.stderr, "declutter: %s: %s\n", escapeControl(j.name), escapeControl(err.Error()))
				} else {
					st.ok++
				}
				b.bar.add(1)
				continue
			}
			st.ok++
			if _, writeErr = b.stdout.Write(o.out); writeErr != nil {
				fmt.Fprintf(b.stderr, "declutter: writing output: %v\n", writeErr)
				st.failed++
				cancel()
			}
		}
		b.bar.add(1)
	}
	return st
}
