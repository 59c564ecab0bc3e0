package declutter

import (
	"context"
	"errors"
	"fmt"
)

// Sentinel errors returned (wrapped) by the extraction functions. Test for
// them with errors.Is.
var (
	// ErrNoContent means the page has no readable article: it is empty, or
	// it is a login form, a list of links or other page without a body of
	// prose.
	ErrNoContent = errors.New("declutter: no readable content")

	// ErrTooLarge means the input is larger than Options.MaxBytes or has
	// more elements than Options.MaxElements.
	ErrTooLarge = errors.New("declutter: input too large")

	// ErrTooDeep means a caller-supplied *html.Node tree is nested deeper
	// than Options.MaxDepth. Byte input is never rejected for depth: it is
	// flattened instead (see Article.LimitsHit).
	ErrTooDeep = errors.New("declutter: document nested too deeply")

	// ErrNotHTML means the input is binary data (an image, an archive,
	// random bytes) rather than an HTML or text page.
	ErrNotHTML = errors.New("declutter: input is not HTML")

	// ErrCanceled wraps the context's error when the context is done
	// before extraction finishes; errors.Is(err, context.Canceled) or
	// context.DeadlineExceeded also holds. The call returns it within a
	// few milliseconds of the context being done (see Options.Timeout).
	ErrCanceled = errors.New("declutter: canceled")

	// ErrInvalidRule means a user-supplied Rule cannot be compiled. The
	// error message names the rule.
	ErrInvalidRule = errors.New("declutter: invalid rule")

	// ErrInvalidURL means the page URL passed in cannot be parsed.
	ErrInvalidURL = errors.New("declutter: invalid page URL")

	// ErrPanic means a dependency panicked while processing the page. The
	// panic is recovered; the error carries its value and stack.
	ErrPanic = errors.New("declutter: internal panic")
)

// canceled wraps the context's error so that both errors.Is(err,
// ErrCanceled) and errors.Is(err, context.Canceled) hold.
func canceled(ctx context.Context) error {
	return fmt.Errorf("%w: %w", ErrCanceled, context.Cause(ctx))
}
