package declutter

import (
	"context"

	"golang.org/x/net/html"
)

// STUB: owned by the limits work; replaced by the real implementation.

// limitDepth returns src with elements nested deeper than maxDepth
// flattened, and whether it had to change anything.
func limitDepth(src []byte, maxDepth int) ([]byte, bool) { return src, false }

// checkTree walks n without recursion and fails with ErrTooDeep, ErrTooLarge
// or the context's error (wrapped in ErrCanceled).
func checkTree(ctx context.Context, n *html.Node, maxDepth, maxElements int) error { return nil }
