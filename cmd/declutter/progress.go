package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress is a progress bar on stderr, shown only when stderr is a
// terminal and stdout is not one (output to the same screen would be torn
// up by the bar's redraws). Its methods do nothing when there is no bar.
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(stderr, stdout io.Writer, total int) *progress {
	if !isTerminal(stderr) || isTerminal(stdout) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("pages"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("pages"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (p *progress) add(n int) {
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

// addTotal changes the total as WARC records are found: a WARC file counts
// one in the starting total, is taken out when it is opened, and each of
// its pages adds one.
func (p *progress) addTotal(n int) {
	if p.bar != nil {
		p.bar.AddMax(n)
	}
}

// clear wipes the bar so a message can be printed on a clean line; the
// next add draws it again.
func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// stdinHintText is said on standard error when the command waits for a
// page typed on a terminal, which otherwise looks like a hang.
const stdinHintText = "declutter: reading a page from standard input; end with Ctrl-D, or give files: declutter -h"

// readerIsTerminal says whether r is a terminal.
func readerIsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// hintStdin prints stdinHintText to stderr when isTTY says stdin is a
// terminal.
func hintStdin(stdin io.Reader, stderr io.Writer, isTTY func(io.Reader) bool) {
	if isTTY(stdin) {
		fmt.Fprintln(stderr, stdinHintText)
	}
}
