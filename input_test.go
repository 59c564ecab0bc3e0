package declutter

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadLimited reads at and around the limit through every kind of
// reader sizeHint knows and one it does not: the bytes come back whole, or
// ErrTooLarge past the limit, and a known size costs one allocation.
func TestReadLimited(t *testing.T) {
	const max = 1000
	dir := t.TempDir()
	for _, size := range []int{0, 1, max - 1, max, max + 1, 3 * max} {
		data := bytes.Repeat([]byte("x"), size)
		path := filepath.Join(dir, "page")
		require.NoError(t, os.WriteFile(path, data, 0o600))
		readers := map[string]func() io.Reader{
			"bytes":   func() io.Reader { return bytes.NewReader(data) },
			"strings": func() io.Reader { return strings.NewReader(string(data)) },
			"buffer":  func() io.Reader { return bytes.NewBuffer(bytes.Clone(data)) },
			"plain":   func() io.Reader { return io.MultiReader(bytes.NewReader(data)) },
			"file": func() io.Reader {
				f, err := os.Open(path)
				require.NoError(t, err)
				t.Cleanup(func() { f.Close() })
				return f
			},
		}
		for name, open := range readers {
			got, err := readLimited(context.Background(), open(), max)
			if size > max {
				assert.ErrorIs(t, err, ErrTooLarge, "%s, %d bytes", name, size)
				continue
			}
			require.NoError(t, err, "%s, %d bytes", name, size)
			assert.Equal(t, data, got, "%s, %d bytes", name, size)
			if name != "plain" {
				assert.LessOrEqual(t, cap(got), size+1, "%s, %d bytes: the buffer grew past the hint", name, size)
			}
		}
	}
	got, err := readLimited(context.Background(), strings.NewReader("abc"), -1)
	require.NoError(t, err)
	assert.Equal(t, "abc", string(got), "no limit")
}
