// Command declutter extracts the article from saved web pages, web
// archives (WARC) and URLs, and prints it as plain text, JSON Lines, HTML
// or Markdown.
//
//	declutter [flags] FILE|DIR|GLOB|URL|- ...
//
// See README.md in this folder for the flags and examples.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/declutter/declutter"
)

// repoURL is named in the User-Agent so that site owners can find us.
const repoURL = "https://github.com/declutter/declutter"

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // at least one input failed; the others were processed
	exitUsage  = 2
)

func main() {
	os.Exit(runWithSignals(os.Args[1:]))
}

// runWithSignals is run under SIGINT and SIGTERM: the first stops new work
// and cancels the work in flight (every read the command makes answers to
// the context), so the command ends with 128 + the signal's number (130,
// 143); a second one ends it at once with that status.
func runWithSignals(args []string) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	var got atomic.Int32
	go func() {
		sig, ok := <-sigs
		if !ok {
			return
		}
		got.Store(int32(signalNumber(sig)))
		cancel()
		if sig, ok = <-sigs; ok {
			fmt.Fprintf(os.Stderr, "declutter: %v again: quitting at once\n", sig)
			os.Exit(128 + signalNumber(sig))
		}
	}()
	code := run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
	if n := got.Load(); n != 0 {
		return 128 + int(n)
	}
	return code
}

func signalNumber(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return int(s)
	}
	return int(syscall.SIGINT)
}

// config is the parsed command line.
type config struct {
	pageURL     string
	format      string
	frontMatter bool
	workers     int
	timeout     time.Duration
	maxBytes    int64
	disable     []string
	rulesFile   string
	listRules   bool
	outDir      string
	inputs      []string
}

// run is the whole command: it parses args, processes every input and
// returns the exit status. Everything it touches comes in as an argument,
// so tests can drive it without a process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "serve" {
		return serve(ctx, args[1:], stdout, stderr)
	}
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "declutter: %v\n", err)
		return exitUsage
	}
	if cfg.listRules {
		if err := listRules(stdout); err != nil {
			fmt.Fprintf(stderr, "declutter: %v\n", err)
			return exitFailed
		}
		return exitOK
	}
	ex, err := newExtractor(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "declutter: %v\n", err)
		return exitUsage
	}
	if cfg.outDir != "" {
		if err := os.MkdirAll(cfg.outDir, 0o755); err != nil {
			fmt.Fprintf(stderr, "declutter: -o: %v\n", err)
			return exitUsage
		}
	}
	b := &batch{
		cfg:     cfg,
		ex:      ex,
		fetcher: newFetcher(cfg.timeout, cfg.maxBytes),
		stdin:   stdin,
		stdout:  stdout,
		stderr:  stderr,
	}
	b.colour = cfg.format == "explain" && cfg.outDir == "" && useColour(stdout, os.Getenv, isTerminal)
	if b.process(ctx) {
		return exitOK
	}
	return exitFailed
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	cfg := &config{}
	fs := flag.NewFlagSet("declutter", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.pageURL, "url", "", "page `URL` of files and standard input, to resolve relative links")
	fs.StringVar(&cfg.format, "format", "text", "output `format`: text, json (JSON Lines), html, markdown or explain (the text, then what each rule removed)")
	fs.BoolVar(&cfg.frontMatter, "front-matter", false, "with -format markdown, start each page with YAML front matter holding its metadata")
	fs.IntVar(&cfg.workers, "j", runtime.NumCPU(), "number of pages to extract at once")
	fs.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "time limit per page, fetching included")
	fs.Int64Var(&cfg.maxBytes, "max-bytes", declutter.DefaultMaxBytes, "largest page to read, in `bytes`; larger ones fail")
	disable := fs.String("disable", "", "comma-separated `names` of rules to switch off (see -list-rules)")
	fs.StringVar(&cfg.rulesFile, "rules", "", "JSON `file` of rules to add (a list of objects; see README.md)")
	fs.BoolVar(&cfg.listRules, "list-rules", false, "print the built-in rules (name, stage, what it removes) and exit")
	fs.StringVar(&cfg.outDir, "o", "", "write one file per page into `DIR` (created if missing) instead of standard output")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: declutter [flags] FILE|DIR|GLOB|URL|- ...\n\n"+
			"Extracts the article from each saved page (.html, .htm, gzipped or not),\n"+
			"each HTML response in a web archive (.warc, .warc.gz), each http(s) URL,\n"+
			"or standard input (- or no argument). Directories are searched for\n"+
			"*.html, *.htm, *.html.gz, *.htm.gz, *.warc and *.warc.gz. Globs are\n"+
			"expanded, ** matching any number of folders ('pages/**/*.html'). A saved\n"+
			"page.html or page.html.gz with a page.json beside it holding a \"url\"\n"+
			"takes its URL from there unless -url is given.\n"+
			"declutter serve -h describes the HTTP API and inspector.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if *showVersion {
		fmt.Fprintln(stderr, "declutter", version())
		return nil, flag.ErrHelp
	}
	switch cfg.format {
	case "text", "json", "html", "markdown", "explain":
	default:
		return nil, fmt.Errorf("unknown -format %q: want text, json, html, markdown or explain", cfg.format)
	}
	if cfg.workers < 1 {
		return nil, fmt.Errorf("-j must be at least 1, not %d", cfg.workers)
	}
	if cfg.timeout <= 0 {
		return nil, fmt.Errorf("-timeout must be positive, not %v", cfg.timeout)
	}
	if cfg.maxBytes <= 0 {
		return nil, fmt.Errorf("-max-bytes must be positive, not %d", cfg.maxBytes)
	}
	cfg.disable = splitNames(*disable)
	cfg.inputs = fs.Args()
	if len(cfg.inputs) == 0 {
		cfg.inputs = []string{"-"}
	}
	return cfg, nil
}

// version is the module version when built from a tagged module, else
// "devel".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
