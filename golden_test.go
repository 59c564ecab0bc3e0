package declutter_test

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/declutter/declutter/goldentest"
)

// updateGolden is the package's -update flag: `go test -run Golden -update`
// rewrites the golden files under testdata/golden. Other tests of the
// package look it up with flag.Lookup("update") rather than registering it
// again.
var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenPages and goldenDir are where the saved pages and their golden
// files live; each page's sidecar JSON gives its URL, license note and the
// phrases its text must and must not contain.
var (
	goldenPages = filepath.Join("testdata", "pages")
	goldenDir   = filepath.Join("testdata", "golden")
)

// TestGolden extracts every saved page under testdata/pages with the
// default Extractor and compares the result with its golden files.
func TestGolden(t *testing.T) {
	goldentest.Run(t, goldenPages, goldentest.Options{
		GoldenDir: goldenDir,
		Update:    *updateGolden,
	})
}
