package main

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"
)

// hasGlobStar says whether pattern has a "**" path segment.
func hasGlobStar(pattern string) bool {
	for _, seg := range strings.Split(filepath.ToSlash(pattern), "/") {
		if seg == "**" {
			return true
		}
	}
	return false
}

// globStar expands a pattern in which a "**" segment matches any number of
// folders, none included: "pages/**/*.html" matches pages/a.html and
// pages/x/y/a.html. Other segments match as in filepath.Match. The walk
// starts at the folder before the first segment with a wildcard and does
// not follow symbolic links to folders (so it cannot loop). Only files are
// returned, in lexical order; a pattern ending in "**" takes the pages
// (.html, .warc, ...) under its folder.
func globStar(pattern string) ([]string, error) {
	segs := strings.Split(filepath.ToSlash(pattern), "/")
	for _, s := range segs {
		if _, err := path.Match(s, ""); err != nil {
			return nil, err
		}
	}
	lit := 0
	for lit < len(segs) && !strings.ContainsAny(segs[lit], "*?[\\") {
		lit++
	}
	root := strings.Join(segs[:lit], "/")
	switch {
	case root == "" && lit > 0:
		root = "/" // an absolute pattern with a wildcard right after the root
	case root == "":
		root = "."
	}
	rest := segs[lit:]
	onlyPages := rest[len(rest)-1] == "**"
	var out []string
	err := filepath.WalkDir(filepath.FromSlash(root), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == filepath.FromSlash(root) {
				return fs.SkipDir // no such folder: no match
			}
			return nil // an unreadable folder holds no match
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(filepath.FromSlash(root), p)
		if err != nil {
			return nil
		}
		if onlyPages && !isPageName(d.Name()) {
			return nil
		}
		if matchSegments(rest, strings.Split(filepath.ToSlash(rel), "/")) {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// matchSegments matches path segments against pattern segments, "**"
// standing for zero or more segments.
func matchSegments(pat, name []string) bool {
	if len(pat) == 0 {
		return len(name) == 0
	}
	if pat[0] == "**" {
		for len(pat) > 1 && pat[1] == "**" {
			pat = pat[1:]
		}
		for i := 0; i <= len(name); i++ {
			if matchSegments(pat[1:], name[i:]) {
				return true
			}
		}
		return false
	}
	if len(name) == 0 {
		return false
	}
	ok, _ := path.Match(pat[0], name[0])
	return ok && matchSegments(pat[1:], name[1:])
}
