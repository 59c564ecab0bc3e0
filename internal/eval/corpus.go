package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Truth is one line of truth.jsonl. An empty field means unknown: the
// measure that needs it is not counted for the page.
type Truth struct {
	ID        string   `json:"id"`
	URL       string   `json:"url,omitempty"`
	Body      string   `json:"body,omitempty"`
	With      []string `json:"with,omitempty"`
	Without   []string `json:"without,omitempty"`
	Title     string   `json:"title,omitempty"`
	Byline    string   `json:"byline,omitempty"`
	Authors   []string `json:"authors,omitempty"`
	Published string   `json:"published,omitempty"` // date only, or ISO 8601
	Lang      string   `json:"lang,omitempty"`
	SiteName  string   `json:"site_name,omitempty"`
	PageType  string   `json:"page_type,omitempty"` // wcxb's label: article, forum, product, ...
}

// Dataset is one corpus folder.
type Dataset struct {
	Name  string // the folder's base name
	Dir   string
	Pages []Truth // in truth.jsonl order
}

// LoadDataset reads dir/truth.jsonl. It checks that every page has a
// unique id, but not that its page file exists: ReadPage reports that.
func LoadDataset(dir string) (*Dataset, error) {
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	ds := &Dataset{Name: filepath.Base(filepath.Clean(dir)), Dir: dir}
	seen := map[string]bool{}
	dec := json.NewDecoder(bufio.NewReader(f))
	for line := 1; ; line++ {
		var t Truth
		if err := dec.Decode(&t); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("eval: %s: record %d: %w", f.Name(), line, err)
		}
		switch {
		case t.ID == "":
			return nil, fmt.Errorf("eval: %s: record %d has no id", f.Name(), line)
		case seen[t.ID]:
			return nil, fmt.Errorf("eval: %s: duplicate id %q", f.Name(), t.ID)
		}
		seen[t.ID] = true
		ds.Pages = append(ds.Pages, t)
	}
	return ds, nil
}

// ReadPage returns the bytes of page id: pages/<id>.html.gz, gunzipped,
// or else pages/<id>.html.
func (ds *Dataset) ReadPage(id string) ([]byte, error) {
	base := filepath.Join(ds.Dir, "pages", id)
	gz, err := os.ReadFile(base + ".html.gz")
	if errors.Is(err, fs.ErrNotExist) {
		b, err := os.ReadFile(base + ".html")
		if err != nil {
			return nil, fmt.Errorf("eval: page %q: %w", id, err)
		}
		return b, nil
	}
	if err != nil {
		return nil, fmt.Errorf("eval: page %q: %w", id, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("eval: page %q: %w", id, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("eval: page %q: %w", id, err)
	}
	return b, nil
}

// DatasetDirs returns the paths in args that are not plain files, so that
// a shell glob such as corpus/* can be passed as is: the files it picks up
// (a README) are returned in skipped. Missing paths are kept, for
// LoadDataset to report.
func DatasetDirs(args []string) (dirs, skipped []string) {
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && !fi.IsDir() {
			skipped = append(skipped, a)
			continue
		}
		dirs = append(dirs, a)
	}
	return dirs, skipped
}
