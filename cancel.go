package declutter

import "context"

// Cancellation. Every stage the pipeline owns checks the context: loops
// over the tree count nodes and look at ctx every ctxCheckEvery of them
// (a counter, not a ctx.Err call per node), and extract checks it between
// stages. The readability pass cannot be interrupted from outside and
// takes up to about half of a large page's time, so Extract and
// ExtractNode run the pipeline in a goroutine of its own (see detach) and
// return as soon as the context is done; the goroutine goes on until its
// next check, on a tree and a buffer nobody else holds.

// ctxCheckEvery is how many nodes (or other units of work) pass between
// two looks at the context: a look costs tens of nanoseconds with a
// deadline, and 4096 nodes take well under a millisecond.
const ctxCheckEvery = 4096

// ctxCheck counts work and reports when the context is done, looking at
// it only every ctxCheckEvery calls.
type ctxCheck struct {
	ctx context.Context
	n   int
}

func newCtxCheck(ctx context.Context) ctxCheck { return ctxCheck{ctx: ctx} }

// done counts one unit of work and reports whether the context is done,
// as seen at the last look.
func (c *ctxCheck) done() bool {
	c.n++
	return c.n%ctxCheckEvery == 0 && c.ctx.Err() != nil
}

// detach runs work in a goroutine of its own and returns its result, or
// the context's error (wrapped in ErrCanceled) as soon as ctx is done,
// whichever comes first. work must own everything it touches: once detach
// has returned it may still run until its own next look at ctx (at worst
// the length of the readability pass, which cannot be interrupted),
// burning CPU that nobody waits for. A panic in work is returned as
// ErrPanic, as in the caller's own goroutine. Without a way for ctx to be
// done, work runs in the caller's goroutine.
func detach(ctx context.Context, work func() (*Article, error)) (*Article, error) {
	if ctx.Done() == nil {
		return work()
	}
	if err := ctx.Err(); err != nil {
		return nil, canceled(ctx)
	}
	type result struct {
		a   *Article
		err error
	}
	ch := make(chan result, 1) // buffered: an abandoned goroutine never blocks
	go func() {
		var r result
		defer func() { ch <- r }()
		defer recoverPanic(&r.err)
		r.a, r.err = work()
	}()
	select {
	case r := <-ch:
		return r.a, r.err
	case <-ctx.Done():
		select {
		case r := <-ch: // finished at the same moment: the work is done, keep it
			return r.a, r.err
		default:
			return nil, canceled(ctx)
		}
	}
}
