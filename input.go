package declutter

import (
	"context"
	"fmt"
	"io"
	"io/fs"

	"golang.org/x/net/html"
)

// readLimited reads all of r, at most max+1 bytes, failing with ErrTooLarge
// beyond max. A negative max means no limit.
func readLimited(ctx context.Context, r io.Reader, max int64) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("%w: nil reader", ErrNoContent)
	}
	cr := &ctxReader{ctx: ctx, r: r}
	var src io.Reader = cr
	if max >= 0 {
		src = io.LimitReader(cr, max+1)
	}
	b, err := readAll(src, sizeHint(r, max))
	if err != nil {
		if ctx.Err() != nil {
			return nil, canceled(ctx)
		}
		return nil, fmt.Errorf("declutter: reading input: %w", err)
	}
	if max >= 0 && int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return b, nil
}

// sizeHint guesses the input's size from readers that know it (bytes and
// strings readers, buffers, files), so that reading allocates once instead
// of growing its way up; -1 when the reader does not say. It is a hint:
// the read stops where the data does.
func sizeHint(r io.Reader, max int64) int {
	n := int64(-1)
	switch r := r.(type) {
	case interface{ Len() int }:
		n = int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			n = fi.Size()
		}
	}
	if n < 0 {
		return -1
	}
	if max >= 0 && n > max+1 {
		n = max + 1 // the limit reader stops there
	}
	return int(min(n+1, 1<<30)) // room for the read that finds the end
}

// readAll is io.ReadAll starting from a buffer of size bytes; with no size
// (negative), it is io.ReadAll.
func readAll(r io.Reader, size int) ([]byte, error) {
	if size < 0 {
		return io.ReadAll(r)
	}
	b := make([]byte, 0, size)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append pick the next size
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// ctxReader fails reads once its context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) > 64<<10 {
		p = p[:64<<10] // check the context at least every 64 KiB
	}
	return c.r.Read(p)
}

// cloneTree deep-copies n without recursion, so that the caller's tree is
// never mutated.
func cloneTree(n *html.Node) *html.Node {
	c, _ := cloneTreeCtx(context.Background(), n)
	return c
}

// cloneTreeCtx is cloneTree that gives up with the context's error
// (wrapped in ErrCanceled) once ctx is done, checking it every
// ctxCheckEvery nodes.
func cloneTreeCtx(ctx context.Context, n *html.Node) (*html.Node, error) {
	if n == nil {
		return nil, nil
	}
	root := shallowClone(n)
	type pair struct{ src, dst *html.Node }
	stack := []pair{{n, root}}
	check := newCtxCheck(ctx)
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := p.src.FirstChild; c != nil; c = c.NextSibling {
			if check.done() {
				return nil, canceled(ctx)
			}
			cc := shallowClone(c)
			p.dst.AppendChild(cc)
			if c.FirstChild != nil {
				stack = append(stack, pair{c, cc})
			}
		}
	}
	return root, nil
}

func shallowClone(n *html.Node) *html.Node {
	c := &html.Node{
		Type:      n.Type,
		DataAtom:  n.DataAtom,
		Data:      n.Data,
		Namespace: n.Namespace,
	}
	if len(n.Attr) > 0 {
		c.Attr = append([]html.Attribute(nil), n.Attr...)
	}
	return c
}
