package declutter

import "time"

// Default limits. They are generous for real pages and small enough that a
// hostile input costs bounded time and memory.
const (
	DefaultMaxBytes    = 16 << 20 // 16 MiB of raw input
	DefaultMaxDepth    = 512      // element nesting, as in Blink's HTML parser
	DefaultMaxElements = 200_000
)

// Options configure an Extractor. The zero value gives the defaults.
type Options struct {
	// MaxBytes caps the input read from an io.Reader; a larger input fails
	// with ErrTooLarge after reading at most MaxBytes+1 bytes. Zero means
	// DefaultMaxBytes; negative means no limit.
	MaxBytes int64

	// MaxDepth caps element nesting. Byte input nested deeper is flattened
	// before parsing (the result notes "max-depth" in LimitsHit); a
	// caller's *html.Node deeper than this fails with ErrTooDeep. Zero, and
	// values above DefaultMaxDepth (the HTML parser's own limit), mean
	// DefaultMaxDepth.
	MaxDepth int

	// MaxElements caps the number of elements in the parsed page; more fail
	// with ErrTooLarge. Zero means DefaultMaxElements; negative, no limit.
	MaxElements int

	// Timeout, when positive, bounds each extraction in addition to the
	// caller's context: the call returns ErrCanceled within a few
	// milliseconds of it (or of the context being done). Work that cannot
	// be interrupted at once (the readability pass) goes on in the
	// background until its next check and its result is dropped; reading
	// the input and copying a caller's tree (ExtractNode) are done before
	// the call returns, so the caller's reader and tree are never touched
	// after it.
	Timeout time.Duration

	// Rules are added to the built-in boilerplate rules. A rule with the
	// name of a built-in one replaces it.
	Rules []Rule

	// DisableRules names built-in (or added) rules to switch off, or
	// structural steps (those BuiltinRules reports with Step true, such
	// as "menu-list" or "trim-tail"). An unknown name fails New with
	// ErrInvalidRule.
	DisableRules []string

	// TextCaptions keeps figure captions and photo credits in Article.Text
	// (and its WordCount). By default Text is the story's prose and leaves
	// them out, except on a gallery, whose captions are most of its text.
	// Content and Markdown keep each figure with its caption either way.
	TextCaptions bool
}

func (o Options) maxBytes() int64 {
	switch {
	case o.MaxBytes == 0:
		return DefaultMaxBytes
	case o.MaxBytes < 0:
		return -1
	}
	return o.MaxBytes
}

func (o Options) maxDepth() int {
	if o.MaxDepth <= 0 || o.MaxDepth > DefaultMaxDepth {
		// x/net/html refuses deeper documents anyway, and the later stages
		// recurse: a deeper caller tree could overflow the stack.
		return DefaultMaxDepth
	}
	return o.MaxDepth
}

func (o Options) maxElements() int {
	switch {
	case o.MaxElements == 0:
		return DefaultMaxElements
	case o.MaxElements < 0:
		return -1
	}
	return o.MaxElements
}
