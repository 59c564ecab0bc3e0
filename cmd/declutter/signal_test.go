package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mainArgsEnv makes the test binary run the command itself, signals and
// exit status included, with the arguments it holds (separated by 0x1f).
const mainArgsEnv = "DECLUTTER_TEST_MAIN_ARGS"

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(mainArgsEnv); ok {
		os.Exit(runWithSignals(strings.Split(args, "\x1f")))
	}
	os.Exit(m.Run())
}

// command is the declutter command run in a child process. Its output
// goes to files, which the test can read while it runs.
type command struct {
	cmd            *exec.Cmd
	stdout, stderr *os.File
}

func startCommand(t *testing.T, stdin *os.File, args ...string) *command {
	t.Helper()
	dir := t.TempDir()
	c := &command{cmd: exec.Command(os.Args[0], "-test.run=^$")}
	var err error
	c.stdout, err = os.Create(filepath.Join(dir, "stdout"))
	require.NoError(t, err)
	c.stderr, err = os.Create(filepath.Join(dir, "stderr"))
	require.NoError(t, err)
	c.cmd.Env = append(os.Environ(), mainArgsEnv+"="+strings.Join(args, "\x1f"))
	c.cmd.Stdin = stdin
	c.cmd.Stdout, c.cmd.Stderr = c.stdout, c.stderr
	require.NoError(t, c.cmd.Start())
	t.Cleanup(func() {
		_ = c.cmd.Process.Kill()
		c.stdout.Close()
		c.stderr.Close()
	})
	return c
}

func (c *command) output(f *os.File) string {
	b, _ := os.ReadFile(f.Name())
	return string(b)
}

// waitOutput waits until the command has written want to stdout: then
// its signal handlers are installed and the inputs before the blocked one
// are done.
func (c *command) waitOutput(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !bytes.Contains([]byte(c.output(c.stdout)), []byte(want)) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q on stdout; stderr: %s", want, c.output(c.stderr))
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // the next input's read begun
}

// wait waits at most limit for the command and returns its exit status.
func (c *command) wait(t *testing.T, limit time.Duration) (int, time.Duration) {
	t.Helper()
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatalf("waiting for the command: %v", err)
		}
		return c.cmd.ProcessState.ExitCode(), time.Since(start)
	case <-time.After(limit):
		_ = c.cmd.Process.Kill()
		<-done
		t.Fatalf("the command did not end within %v; stderr: %s", limit, c.output(c.stderr))
		return 0, 0
	}
}

// fifo makes a named pipe that nobody writes to.
func fifo(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "p.html")
	require.NoError(t, syscall.Mkfifo(p, 0o600))
	return p
}

// idleStdin is a pipe whose writer stays open and silent, like
// `(sleep 40) | declutter -`.
func idleStdin(t *testing.T, data []byte) *os.File {
	t.Helper()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	if len(data) > 0 {
		_, err = w.Write(data)
		require.NoError(t, err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	return r
}

// Issue 10.4: reads of a FIFO or of a silent standard input end on the
// first SIGTERM or SIGINT, with status 143 or 130, within a second.
func TestSignalStopsBlockedReads(t *testing.T) {
	partialWARC := []byte(rawRecord(1, pageURI("alpha"), "", pageMsg("alpha"))[:300])
	cases := map[string]struct {
		sig   syscall.Signal
		stdin []byte
		fifo  bool
		want  int
	}{
		"fifo SIGTERM":         {sig: syscall.SIGTERM, fifo: true, want: 143},
		"fifo SIGINT":          {sig: syscall.SIGINT, fifo: true, want: 130},
		"stdin SIGTERM":        {sig: syscall.SIGTERM, want: 143},
		"stdin page SIGTERM":   {sig: syscall.SIGTERM, stdin: []byte("<html><body><p>half a page"), want: 143},
		"stdin WARC SIGTERM":   {sig: syscall.SIGTERM, stdin: partialWARC, want: 143},
		"stdin WARC gz SIGINT": {sig: syscall.SIGINT, stdin: gzipBytes(t, partialWARC)[:200], want: 130},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			a := filepath.Join(dir, "a.html")
			writeFile(t, a, []byte(articleHTML("Alpha", story("alpha")...)))
			args := []string{"-format", "json", "-timeout", "60s", a}
			var stdin *os.File
			if tc.fifo {
				args = append(args, fifo(t, dir))
			} else {
				args = append(args, "-")
				stdin = idleStdin(t, tc.stdin)
			}
			c := startCommand(t, stdin, args...)
			c.waitOutput(t, "alpha council met")
			require.NoError(t, c.cmd.Process.Signal(tc.sig))

			code, took := c.wait(t, 3*time.Second)

			assert.Equal(t, tc.want, code, c.output(c.stderr))
			assert.Less(t, took, time.Second)
			assert.Contains(t, c.output(c.stderr), "interrupted")
		})
	}
}

// Issue 10.4: -timeout bounds the reading of a FIFO and of standard input:
// while it is sniffed, while a page's body is read, and while a WARC
// record is read.
func TestTimeoutBoundsBlockedReads(t *testing.T) {
	longHead := []byte("<html><body><p>" + strings.Repeat("a long page that stops coming ", 400))
	record := rawRecord(1, pageURI("alpha"), "", pageMsg("alpha"))
	cases := map[string]struct {
		fifo  bool
		stdin []byte
	}{
		"fifo":              {fifo: true},
		"stdin":             {stdin: []byte("<html><body><p>half")},
		"stdin page body":   {stdin: longHead},
		"stdin WARC record": {stdin: []byte(record + record[:300])},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			a := filepath.Join(dir, "a.html")
			writeFile(t, a, []byte(articleHTML("Alpha", story("alpha")...)))
			args := []string{"-timeout", "500ms", a}
			var stdin *os.File
			if tc.fifo {
				args = append(args, fifo(t, dir))
			} else {
				args = append(args, "-")
				stdin = idleStdin(t, tc.stdin)
			}
			c := startCommand(t, stdin, args...)
			c.waitOutput(t, "alpha council met")

			code, took := c.wait(t, 3*time.Second)

			assert.Equal(t, exitFailed, code, c.output(c.stderr))
			assert.Less(t, took, time.Second, "500ms of -timeout and some slack")
			assert.Contains(t, c.output(c.stderr), "timed out after -timeout 500ms")
		})
	}
}
