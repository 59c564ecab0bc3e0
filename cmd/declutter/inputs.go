package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// sourceKind says how an argument is read.
type sourceKind int

const (
	sourceFile  sourceKind = iota // a saved page or a WARC file
	sourceStdin                   // "-": a page or a WARC stream
	sourceURL                     // an http(s) URL, fetched
	sourceBad                     // an argument that names nothing; err says why
)

// source is one input after expansion of directories and globs.
type source struct {
	kind sourceKind
	name string // the path, URL or "-" as the user will recognise it
	err  error
}

// expandInputs turns the command-line arguments into sources, in the order
// given; a directory's pages come in lexical order. An argument that names
// nothing becomes a sourceBad, so that it is reported in its place and the
// others still run.
func expandInputs(args []string) []source {
	var out []source
	for _, arg := range args {
		switch {
		case arg == "-":
			out = append(out, source{kind: sourceStdin, name: "-"})
		case isURL(arg):
			out = append(out, source{kind: sourceURL, name: arg})
		default:
			out = append(out, expandPath(arg)...)
		}
	}
	return out
}

func isURL(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

func expandPath(arg string) []source {
	info, err := os.Stat(arg)
	switch {
	case err == nil && info.IsDir():
		return walkDir(arg)
	case err == nil:
		return []source{{kind: sourceFile, name: arg}}
	case !strings.ContainsAny(arg, "*?["):
		return []source{{kind: sourceBad, name: arg, err: err}}
	}
	glob := filepath.Glob
	if hasGlobStar(arg) {
		glob = globStar
	}
	matches, gerr := glob(arg)
	if gerr != nil {
		return []source{{kind: sourceBad, name: arg, err: fmt.Errorf("bad pattern: %w", gerr)}}
	}
	if len(matches) == 0 {
		return []source{{kind: sourceBad, name: arg, err: errors.New("no file matches the pattern")}}
	}
	var out []source
	for _, m := range matches {
		if info, err := os.Stat(m); err == nil && info.IsDir() {
			out = append(out, walkDir(m)...)
			continue
		}
		out = append(out, source{kind: sourceFile, name: m})
	}
	return out
}

// walkDir lists the pages and WARC files under dir, in lexical order. It
// follows symbolic links to folders (dir itself may be one), each real
// folder once, so a link loop ends. A folder that cannot be read is
// reported in place of the pages it would have held.
func walkDir(dir string) []source {
	var out []source
	seen := map[string]bool{}
	var walk func(path string)
	walk = func(path string) {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			out = append(out, source{kind: sourceBad, name: path, err: err})
			return
		}
		if abs, err := filepath.Abs(real); err == nil {
			real = abs
		}
		if seen[real] {
			return // a link back to a folder already listed
		}
		seen[real] = true
		entries, err := os.ReadDir(path)
		if err != nil {
			out = append(out, source{kind: sourceBad, name: path, err: err})
		}
		for _, e := range entries {
			p := filepath.Join(path, e.Name())
			isDir := e.IsDir()
			if e.Type()&fs.ModeSymlink != 0 {
				if info, err := os.Stat(p); err == nil {
					isDir = info.IsDir()
				}
			}
			switch {
			case isDir:
				walk(p)
			case isPageName(e.Name()):
				out = append(out, source{kind: sourceFile, name: p})
			}
		}
	}
	walk(dir)
	if len(out) == 0 {
		out = append(out, source{kind: sourceBad, name: dir, err: errors.New("no .html, .htm, .html.gz or .warc(.gz) files in this directory")})
	}
	return out
}

// pageSuffixes are the file names a directory walk picks up.
var pageSuffixes = []string{".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".warc", ".warc.gz"}

func isPageName(name string) bool {
	lower := strings.ToLower(name)
	for _, s := range pageSuffixes {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return false
}

// sniffed is an input whose first bytes have been looked at.
type sniffed struct {
	r    *bufio.Reader // the input from its first byte
	gzip bool          // it is gzip-compressed
	warc bool          // it is a WARC file (plain or gzipped per record)
}

var warcMagic = []byte("WARC/")

// sniff looks at the start of r to tell a WARC file from a page, and a
// gzipped input from a plain one, whatever the file is called.
func sniff(r io.Reader) (*sniffed, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	s := &sniffed{r: br}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		s.gzip = true
		// Decompress just enough of the first member to see what is inside.
		if zr, err := gzip.NewReader(bytes.NewReader(head)); err == nil {
			start := make([]byte, len(warcMagic))
			n, _ := io.ReadFull(zr, start)
			s.warc = bytes.Equal(start[:n], warcMagic)
		}
		return s, nil
	}
	s.warc = bytes.HasPrefix(head, warcMagic)
	return s, nil
}

// pageReader returns the page's bytes, decompressed when gzipped.
func (s *sniffed) pageReader() (io.Reader, error) {
	if !s.gzip {
		return s.r, nil
	}
	zr, err := gzip.NewReader(s.r)
	if err != nil {
		return nil, fmt.Errorf("reading gzip: %w", err)
	}
	return zr, nil
}
