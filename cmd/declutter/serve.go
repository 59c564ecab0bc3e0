package main

import (
	"context"
	"errors"
	"expvar"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/declutter/declutter"
)

// serveConfig is the parsed command line of "declutter serve".
type serveConfig struct {
	addr         string
	fetch        bool
	allowPrivate bool
	maxBytes     int64
	timeout      time.Duration // per request, fetching included
	maxInFlight  int
	grace        time.Duration // how long shutdown waits for requests in flight
}

func parseServeFlags(args []string, stderr io.Writer) (*serveConfig, error) {
	cfg := &serveConfig{}
	fs := flag.NewFlagSet("declutter serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "`host:port` to listen on")
	fs.BoolVar(&cfg.fetch, "fetch", false, "allow GET /extract?url= and the inspector to fetch pages")
	fs.BoolVar(&cfg.allowPrivate, "allow-private", false, "with -fetch, allow loopback, private and link-local addresses")
	fs.Int64Var(&cfg.maxBytes, "max-bytes", declutter.DefaultMaxBytes, "largest page accepted or fetched, in `bytes`")
	fs.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "time limit per request, fetching included")
	fs.IntVar(&cfg.maxInFlight, "max-in-flight", 4*runtime.NumCPU(), "requests extracted at once; more get 503")
	fs.DurationVar(&cfg.grace, "grace", 30*time.Second, "on SIGTERM or interrupt, how long to let requests in flight finish")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: declutter serve [flags]\n\n"+
			"Serves the extractor over HTTP: POST /extract, GET /extract?url= (with\n"+
			"-fetch), the inspector at /, /healthz and /debug/vars.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	switch {
	case fs.NArg() > 0:
		return nil, fmt.Errorf("serve takes no arguments, got %q", fs.Args())
	case cfg.maxBytes <= 0:
		return nil, fmt.Errorf("-max-bytes must be positive, not %d", cfg.maxBytes)
	case cfg.timeout <= 0:
		return nil, fmt.Errorf("-timeout must be positive, not %v", cfg.timeout)
	case cfg.maxInFlight < 1:
		return nil, fmt.Errorf("-max-in-flight must be at least 1, not %d", cfg.maxInFlight)
	case cfg.grace < 0:
		return nil, fmt.Errorf("-grace must not be negative, not %v", cfg.grace)
	case cfg.allowPrivate && !cfg.fetch:
		return nil, errors.New("-allow-private needs -fetch")
	}
	return cfg, nil
}

// serve is "declutter serve": it listens until ctx is done (SIGTERM or
// interrupt), then stops accepting and lets the requests in flight finish.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseServeFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "declutter serve: %v\n", err)
		return exitUsage
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	s, err := newServer(cfg, log)
	if err != nil {
		fmt.Fprintf(stderr, "declutter serve: %v\n", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		fmt.Fprintf(stderr, "declutter serve: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "declutter serve: listening on http://%s/\n", ln.Addr())
	if err := s.run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "declutter serve: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// server is one HTTP server with its own extractor, limits and counters.
// Nothing in it is global, so tests can start several.
type server struct {
	cfg     *serveConfig
	log     *slog.Logger
	ex      *declutter.Extractor
	fetcher *fetcher // nil without -fetch
	slots   chan struct{}
	docs    *docStore
	vars    *expvar.Map
	handler http.Handler
	active  atomic.Int64
}

func newServer(cfg *serveConfig, log *slog.Logger) (*server, error) {
	ex, err := declutter.New(declutter.Options{MaxBytes: cfg.maxBytes, Timeout: cfg.timeout})
	if err != nil {
		return nil, err
	}
	s := &server{
		cfg:   cfg,
		log:   log,
		ex:    ex,
		slots: make(chan struct{}, cfg.maxInFlight),
		docs:  newDocStore(64, 256<<20),
		vars:  new(expvar.Map).Init(),
	}
	if cfg.fetch {
		policy := publicOnly
		if cfg.allowPrivate {
			policy = anyAddr
		}
		s.fetcher = newFetcher(cfg.timeout, cfg.maxBytes)
		s.fetcher.client.Transport = guardedTransport(policy)
	}
	s.vars.Set("in_flight", expvar.Func(func() any { return s.active.Load() }))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /debug/vars", s.handleVars)
	mux.Handle("POST /extract", s.limit(http.HandlerFunc(s.handleExtractPost)))
	mux.Handle("GET /extract", s.limit(http.HandlerFunc(s.handleExtractGet)))
	mux.HandleFunc("/extract", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", "GET, POST")
		s.fail(w, r, http.StatusMethodNotAllowed, "use POST with the page as the body, or GET ?url= with -fetch")
	})
	s.routeInspector(mux)
	s.handler = s.logged(securityHeaders(mux))
	return s, nil
}

// setFetchPolicy replaces the address policy of the fetcher; tests use it
// to let the first hop reach a test server on 127.0.0.1.
func (s *server) setFetchPolicy(allow addrPolicy) {
	s.fetcher.client.Transport = guardedTransport(allow)
}

// run serves on ln until ctx is done, then shuts down gracefully: new
// connections are refused, requests in flight get cfg.grace to finish.
func (s *server) run(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.timeout + 30*time.Second,
		WriteTimeout:      s.cfg.timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "in_flight", s.active.Load(), "grace", s.cfg.grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.grace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// limit caps the requests in flight: over the cap the answer is 503 with
// Retry-After at once, rather than a queue that grows without bound.
func (s *server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.slots <- struct{}{}:
		default:
			s.vars.Add("rejected_busy", 1)
			w.Header().Set("Retry-After", "1")
			s.fail(w, r, http.StatusServiceUnavailable, "too many requests in flight; retry later")
			return
		}
		s.active.Add(1)
		defer func() {
			s.active.Add(-1)
			<-s.slots
		}()
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// logged writes one structured log line per request and counts responses
// by status.
func (s *server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.vars.Add("requests", 1)
		s.vars.Add("status_"+strconv.Itoa(sw.status), 1)
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes),
			slog.Float64("ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("remote", r.RemoteAddr),
		)
	})
}

// securityHeaders puts a Content-Security-Policy on every response. The
// inspector loads only its own script and style; the page documents served
// for its frame set their own, stricter policy (see handleDoc).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", inspectorCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

const inspectorCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// handleVars serves the server's counters as expvar does: they live in a
// private expvar.Map, not in the package's global registry, so several
// servers in one process never clash.
func (s *server) handleVars(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	fmt.Fprintf(w, "{\n\"declutter\": %s", s.vars.String())
	if v := expvar.Get("memstats"); v != nil {
		fmt.Fprintf(w, ",\n\"memstats\": %s", v.String())
	}
	io.WriteString(w, "\n}\n")
}
