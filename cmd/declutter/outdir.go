package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// maxNameLen bounds the base of an output file name (before any counter
// and the extension).
const maxNameLen = 100

// formatExt is the file extension of each -format under -o.
var formatExt = map[string]string{
	"text":     ".txt",
	"json":     ".json",
	"markdown": ".md",
	"html":     ".html",
	"explain":  ".txt",
}

// outBase is the name a page from input name takes under -o, before the
// extension: page.html and page.html.gz give "page".
func outBase(name string) string {
	if name == "-" {
		return "stdin"
	}
	if isURL(name) {
		return safeName(name[strings.Index(name, "//")+2:])
	}
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, ".gz")
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return safeName(base)
}

// safeName makes s a safe file name: letters, digits, '.', '_' and '-'
// only (runs of anything else, path separators included, become one '_'),
// no leading dots or separators, at most maxNameLen bytes, never empty.
func safeName(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		ok := r == '.' || r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if ok {
			b.WriteRune(r)
			under = false
		} else if !under {
			b.WriteByte('_')
			under = true
		}
	}
	out := strings.Trim(b.String(), "._-")
	// ".." between separators has become "_.._": drop the dots.
	for strings.Contains(out, "_.._") || strings.Contains(out, "..") {
		out = strings.ReplaceAll(strings.ReplaceAll(out, "_.._", "_"), "..", "")
	}
	for strings.Contains(out, "__") {
		out = strings.ReplaceAll(out, "__", "_")
	}
	out = strings.Trim(out, "._-")
	if len(out) > maxNameLen {
		out = strings.TrimRight(out[:maxNameLen], "._-")
	}
	if out == "" {
		return "page"
	}
	return out
}

// outFiles hands out the file names of one run under -o: never the same
// name twice (a counter is added: page.txt, page-2.txt, ...). It is used
// by the single writer goroutine only.
type outFiles struct {
	dir  string
	ext  string
	used map[string]bool
}

func newOutFiles(dir, format string) *outFiles {
	return &outFiles{dir: dir, ext: formatExt[format], used: map[string]bool{}}
}

// write saves data under a new name made from base.
func (o *outFiles) write(base string, data []byte) error {
	name := base + o.ext
	for n := 2; o.used[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s-%d%s", base, n, o.ext)
	}
	o.used[strings.ToLower(name)] = true
	return os.WriteFile(filepath.Join(o.dir, name), data, 0o644)
}
