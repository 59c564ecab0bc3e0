package declutter

import (
	"bytes"
	"context"
	"fmt"
	"hash/maphash"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parserMaxDepth is the depth at which html.Parse gives up on a page ("open
// stack of elements exceeds 512 nodes"); flattening keeps below it.
const parserMaxDepth = 512

// thinDepth is the depth above which end tags the parser would ignore are
// dropped: each costs the parser a scan of its whole stack of open elements.
const thinDepth = 64

// tagSeed keys the hashes of tag names and attributes; it is random per
// process so that a page cannot be built to make them collide.
var tagSeed = maphash.MakeSeed()

// limitDepth returns src with elements nested deeper than maxDepth
// flattened, and whether it had to change anything.
func limitDepth(src []byte, maxDepth int) ([]byte, bool) {
	out, changed, _ := limitMarkup(src, maxDepth, -1)
	return out, changed
}

// limitMarkup is limitDepth that also fails with ErrTooLarge when the page
// would parse into more than maxElements elements (negative: no limit), so
// that a hostile page is refused before html.Parse spends memory on it.
//
// A cheap scan of the bytes (scanDepth) settles most pages. Only when it
// finds the page too deep, too costly or too odd to judge does a tokenizer
// pass rewrite it: start tags nested past the cap are dropped with their end
// tags (their text stays), formatting elements beyond maxFormatting too, and
// deep in the tree end tags the parser would ignore. Raw-text elements
// (script, style, textarea, title, ...) always keep their start tags, since
// the tokenizer's raw-text mode depends on them.
func limitMarkup(src []byte, maxDepth, maxElements int) ([]byte, bool, error) {
	limit := min(maxDepth, parserMaxDepth)
	if limit <= 0 {
		limit = parserMaxDepth
	}
	// The model can misjudge tag soup by a level or two; keep a margin.
	limit -= min(2+limit/16, limit/2)
	if scanDepth(src, limit, maxElements) {
		return src, false, nil
	}
	return flattenMarkup(src, limit, maxElements)
}

func flattenMarkup(src []byte, limit, maxElements int) ([]byte, bool, error) {
	z := html.NewTokenizer(bytes.NewReader(src))
	out := make([]byte, 0, len(src))
	m := newDepthModel()
	m.elements = 3 // html, head, body
	var dropped [64]int32
	var seen [3]bool // html, head, body start tags: later ones only merge attributes
	changed := false
	for {
		c := m.cur()
		z.AllowCDATA(c != nil && c.foreign)
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		mark := len(out)
		out = append(out, z.Raw()...)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			t := readTag(z, tt == html.SelfClosingTagToken, out[mark:])
			deep := m.depth() > thinDepth
			eff, notRaw := m.start(t, limit)
			switch k := docTagIndex(t.a); {
			case eff == startTooDeep:
				out = out[:mark]
				dropped[t.id%64]++
				changed = true
			case eff == startIgnored && k >= 0:
				// A repeated <html> or <body> only adds attributes the
				// first lacks, but costs the parser a scan of its stack.
				if seen[k] && deep && (c == nil || !c.foreign) {
					out = out[:mark]
				}
				seen[k] = true
			}
			if notRaw || eff == startTooDeep {
				// A foreign element, or a dropped tag the parser will not
				// see: either way what follows is markup, not raw text.
				z.NextIsNotRawText()
			}
		case html.EndTagToken:
			if c != nil && c.raw {
				m.end(tagInfo{})
				break
			}
			t := readTag(z, false, out[mark:])
			if b := t.id % 64; dropped[b] > 0 {
				dropped[b]--
				out = out[:mark]
				break
			}
			if (t.a == atom.P || t.a == atom.Br) && m.depth() >= limit-1 {
				out = out[:mark] // a stray </p> or </br> makes an element
				break
			}
			deep := m.depth() > thinDepth
			if m.end(t) && deep {
				out = out[:mark]
			}
		case html.TextToken:
			m.text()
		}
		if maxElements >= 0 && m.elements > maxElements {
			return nil, false, fmt.Errorf("%w: more than %d elements", ErrTooLarge, maxElements)
		}
	}
	return out, changed, nil
}

func docTagIndex(a atom.Atom) int {
	switch a {
	case atom.Html:
		return 0
	case atom.Head:
		return 1
	case atom.Body:
		return 2
	}
	return -1
}

// readTag reads the current tag's name and the attributes the model needs.
// raw is the tag's source, hashed for formatting elements.
func readTag(z *html.Tokenizer, self bool, raw []byte) tagInfo {
	// The name is read from the raw bytes: z.TagName allocates a copy.
	var buf tagNameBuf
	i := 1
	if len(raw) > 1 && raw[1] == '/' {
		i = 2
	}
	name, _, ok := scanTagName(raw, i, &buf)
	if !ok {
		name, _ = z.TagName() // long, or holding NUL (read as U+FFFD)
	}
	t := tagInfo{self: self, a: atom.Lookup(name)}
	t.id = idOf(t.a, name)
	if isFormatting(t.a) {
		t.key = maphash.Bytes(tagSeed, raw)
	}
	for hasAttr := true; hasAttr && (t.a == atom.Font || t.a == atom.AnnotationXml); {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "color", "face", "size":
			t.font = true
		case "encoding":
			t.htmlEnc = bytes.EqualFold(v, []byte("text/html")) || bytes.EqualFold(v, []byte("application/xhtml+xml"))
		}
	}
	return t
}

// idOf identifies a lower-case tag name: its atom, or for unknown names a
// hash with the top bit set, which no atom has.
func idOf(a atom.Atom, name []byte) tagID {
	if a != 0 {
		return tagID(a)
	}
	return tagID(maphash.Bytes(tagSeed, name)&^(3<<62) | 1<<63)
}

// checkTree walks n without recursion and fails with ErrTooDeep when
// elements nest deeper than maxDepth, ErrTooLarge when there are more than
// maxElements of them (negative: no limit), or the context's error wrapped
// in ErrCanceled. It trusts only FirstChild and NextSibling links, and its
// memory is bounded by maxDepth, so a caller's malformed tree cannot make
// it loop without end unless the context has no deadline and there is no
// element limit.
func checkTree(ctx context.Context, n *html.Node, maxDepth, maxElements int) error {
	if n == nil {
		return nil
	}
	path := make([]*html.Node, 0, 64) // ancestors of n
	depth, elements, visited := 0, 0, 0
	for {
		visited++
		if visited&1023 == 0 && ctx.Err() != nil {
			return canceled(ctx)
		}
		if n.Type == html.ElementNode {
			elements++
			if depth+1 > maxDepth {
				return fmt.Errorf("%w: elements nested more than %d deep", ErrTooDeep, maxDepth)
			}
			if maxElements >= 0 && elements > maxElements {
				return fmt.Errorf("%w: more than %d elements", ErrTooLarge, maxElements)
			}
		}
		if n.FirstChild != nil {
			if len(path) > maxDepth+8 { // non-element nodes nesting deep
				return fmt.Errorf("%w: nodes nested more than %d deep", ErrTooDeep, maxDepth)
			}
			path = append(path, n)
			if n.Type == html.ElementNode {
				depth++
			}
			n = n.FirstChild
			continue
		}
		for n.NextSibling == nil || len(path) == 0 {
			if len(path) == 0 {
				return nil // back at the root: its siblings are not ours
			}
			n = path[len(path)-1]
			path = path[:len(path)-1]
			if n.Type == html.ElementNode {
				depth--
			}
		}
		n = n.NextSibling
	}
}
