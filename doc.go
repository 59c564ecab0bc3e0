// Package declutter turns a saved web page into a clean article: the story
// and nothing else, with its metadata, as sanitised HTML, plain text and
// Markdown, and a record of what was removed and why.
//
//	a, err := declutter.Extract(ctx, page, "https://example.org/news/story")
//	if errors.Is(err, declutter.ErrNoContent) {
//		return nil // an empty page, a login form, a list of links
//	}
//	if err != nil {
//		return err
//	}
//	fmt.Println(a.Title, a.Byline, a.Published)
//	fmt.Println(a.Text)
//
// The Example functions (the package's and the README's summarise) show
// the whole of it. declutter needs Go 1.26 or later.
//
// For many pages, build one Extractor with New and share it between
// goroutines.
//
// # Pipeline
//
// Each page is parsed once and goes through these steps, each in a file
// named for it:
//
//  1. Read at most Options.MaxBytes (input.go) and refuse binary data
//     (binary.go).
//  2. Decode to UTF-8 (charset.go, prescan.go, charset_guess.go): BOM, the
//     caller's Content-Type, the page's <meta> declaration, valid UTF-8, a
//     statistical guess, windows-1252.
//  3. Flatten markup nested deeper than Options.MaxDepth and refuse pages
//     with more than Options.MaxElements elements before parsing
//     (limits.go, limits_scan.go, depth*.go).
//  4. Parse with golang.org/x/net/html.
//  5. Read the metadata from the whole page (metadata.go, meta_*.go) and
//     decide the page type (pagetype.go, pagetype_model.go).
//  6. Apply the page-stage boilerplate rules (boilerplate.go, rules.go,
//     apply.go).
//  7. Pick the body: a thread's posts (thread.go, discourse.go), or the
//     readability pass's container (codeberg.org/readeck/go-readability/v2),
//     cross-checked against the page's prose (recover.go), continued
//     (continuation.go), widened to the main column on listings, products,
//     services and documentation (maincolumn.go), trimmed of the chrome
//     around a story (blocks.go, assemble.go), with a dropped standfirst
//     restored (standfirst.go).
//  8. Apply the body-stage rules and the structural cleanup (clean.go).
//  9. Resolve URLs and lazy images (resolve.go).
//  10. Render plain text (text.go, text_captions.go), score the confidence
//     (confidence.go) and sanitise the HTML (sanitize.go).
//
// # Rules
//
// Boilerplate rules are data (type Rule): a CSS selector, a text pattern or
// a list of phrases, with guards on text length and link density. The
// built-in table is in boilerplate.go; Options.Rules adds or replaces rules
// and Options.DisableRules switches them off by name. Every removal is
// recorded in Article.Removed with the name of the rule. BuiltinRules lists
// the built-in table with a description of each rule.
//
// # Guarantees
//
//   - Safe output: Content is sanitised by one bluemonday policy. It holds
//     no script, style, event handler, form, base or meta element, no
//     javascript:, vbscript: or non-image data: URL; iframes only from known
//     video hosts, sandboxed. Every other string field is plain text: valid
//     UTF-8 without markup or control characters.
//   - Bounded cost: input is read through a limit (ErrTooLarge beyond it),
//     nesting is capped before parsing, the element count is capped, and
//     the context is checked while reading and in the loops over the tree.
//     A caller's *html.Node is checked the same way (ErrTooDeep,
//     ErrTooLarge) and never modified.
//   - No crash: a panic inside a dependency is recovered and returned as an
//     error wrapping ErrPanic, with its stack.
//   - No network: the library never fetches anything; only the command
//     (cmd/declutter) fetches URLs.
//   - Concurrency: an Extractor is immutable after New and safe for
//     concurrent use.
//   - Honest failure: an empty page, a login form, a list of links or junk
//     decoded as text is ErrNoContent, never an empty or garbage Article.
//
// # Security
//
// Content is safe to insert into a page only as HTML produced by this
// package; do not concatenate it with unsanitised markup. Links carry
// rel="nofollow noreferrer". Sanitising Content again changes nothing.
package declutter
