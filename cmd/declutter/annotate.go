package main

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/declutter/declutter"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"
)

// A mark is one removal as the inspector shows it: the rule, the snippet
// and, when the removed block was found in the original page, the id of
// the element it was matched to ("declutter-N").
type mark struct {
	Rule    string `json:"rule"`
	Snippet string `json:"snippet"`
	Anchor  string `json:"anchor"` // "" when not located
}

// annotation is the original page prepared for the inspector's frame.
type annotation struct {
	doc   []byte // the page without scripts, removed blocks outlined
	marks []mark // one per Article.Removed, in its order
	kept  int    // elements of the page whose text the body kept
}

// annotateCSS outlines what the rules removed, labelled with the rule's
// name, and what the body kept. It is the only style we add; no script is.
const annotateCSS = `[data-declutter-rule]{outline:3px solid #c62828 !important;outline-offset:-3px;position:relative !important;}
[data-declutter-rule]::before{content:"\2702\00a0" attr(data-declutter-rule);position:absolute;top:0;left:-3px;transform:translateY(-100%);z-index:2147483647;background:#c62828;color:#fff;font:bold 12px/1.5 system-ui,sans-serif;padding:0 6px;white-space:nowrap;pointer-events:none;}
[data-declutter-rule]:target{outline-width:6px !important;background-color:rgba(198,40,40,.12) !important;}
[data-declutter-kept]{outline:2px dashed #2e7d32 !important;outline-offset:2px;}
`

// annotate locates the blocks a's rules removed in the original page and
// marks them, best effort and by text alone (the library reports what it
// removed as a snippet of the text, not as a node):
//
//   - A removal is matched to an element of the original whose text, with
//     all white space taken out, equals the snippet's (or starts with it,
//     when the snippet was cut at 80 characters). Of nested candidates the
//     innermost is taken, then widened to the outermost ancestor with the
//     same text; each element serves one removal, in document order.
//   - A removal made after the readability pass rewrote the markup, or one
//     whose text another rule had already thinned, may not be found; its
//     mark then has no anchor.
//   - Elements of the original whose text is that of a paragraph, heading,
//     list item, quote or caption of the body are marked as kept.
//
// The copy has no script element, no <meta http-equiv> and no <base>
// beyond one pointing at the page URL, so that its images and styles load
// from where they came from. It is served with a policy that forbids
// scripts and in a frame sandboxed without allow-scripts: event handler
// attributes stay in the markup but never run.
func annotate(raw []byte, a *declutter.Article) annotation {
	text := raw
	if enc, err := htmlindex.Get(a.Encoding); err == nil && a.Encoding != "" && !strings.EqualFold(a.Encoding, "utf-8") {
		if dec, err := enc.NewDecoder().Bytes(raw); err == nil {
			text = dec
		}
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return annotation{doc: []byte("<!DOCTYPE html><p>The page could not be parsed.</p>"), marks: unlocated(a.Removed)}
	}
	strip(doc)
	els := collectElements(doc)
	out := annotation{marks: make([]mark, len(a.Removed))}
	used := make(map[*html.Node]bool)
	for i, rm := range a.Removed {
		out.marks[i] = mark{Rule: rm.Rule, Snippet: rm.Snippet}
		n := locate(els, rm.Snippet, used)
		if n == nil {
			continue
		}
		id := "declutter-" + strconv.Itoa(i)
		setAttr(n, "data-declutter-rule", rm.Rule)
		if old := getAttr(n, "id"); old != "" {
			setAttr(n, "data-declutter-id", old)
		}
		setAttr(n, "id", id)
		out.marks[i].Anchor = id
	}
	out.kept = markKept(els, a.Content, used)
	addHead(doc, a.URL)
	var buf bytes.Buffer
	if err := html.Render(&buf, doc); err != nil {
		return annotation{doc: []byte("<!DOCTYPE html><p>The page could not be rendered.</p>"), marks: unlocated(a.Removed)}
	}
	out.doc = buf.Bytes()
	return out
}

func unlocated(rs []declutter.Removal) []mark {
	out := make([]mark, len(rs))
	for i, r := range rs {
		out[i] = mark{Rule: r.Rule, Snippet: r.Snippet}
	}
	return out
}

// strip removes what could run or navigate: scripts, refreshes and bases.
func strip(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.Script, atom.Base:
				n.RemoveChild(c)
				c = next
				continue
			case atom.Meta:
				if getAttr(c, "http-equiv") != "" {
					n.RemoveChild(c)
					c = next
					continue
				}
			}
			strip(c)
		}
		c = next
	}
}

// addHead adds our style and a <base> for the page's own URL to <head>.
func addHead(doc *html.Node, pageURL string) {
	head := find(doc, atom.Head)
	if head == nil {
		return // html.Parse always makes one
	}
	style := &html.Node{Type: html.ElementNode, Data: "style", DataAtom: atom.Style}
	style.AppendChild(&html.Node{Type: html.TextNode, Data: annotateCSS})
	head.AppendChild(style)
	if strings.HasPrefix(pageURL, "http://") || strings.HasPrefix(pageURL, "https://") {
		base := &html.Node{Type: html.ElementNode, Data: "base", DataAtom: atom.Base,
			Attr: []html.Attribute{{Key: "href", Val: pageURL}, {Key: "target", Val: "_blank"}}}
		head.InsertBefore(base, head.FirstChild)
	}
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// element is an element of the original with its text, white space
// removed: key holds its first keyRunes runes, size counts them all.
type element struct {
	n    *html.Node
	key  string
	size int
}

const keyRunes = 200

// collectElements lists the visible elements of the body in document
// order.
func collectElements(doc *html.Node) []element {
	body := find(doc, atom.Body)
	if body == nil {
		return nil
	}
	var els []element
	var walk func(n *html.Node) (text []byte, size int)
	walk = func(n *html.Node) ([]byte, int) {
		var buf []byte
		size := 0
		i := -1
		if n.Type == html.ElementNode {
			if invisible(n) {
				return nil, 0
			}
			i = len(els)
			els = append(els, element{n: n})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			var t []byte
			var sz int
			if c.Type == html.TextNode {
				t = squeeze(nil, c.Data)
				sz = utf8.RuneCount(t)
			} else {
				t, sz = walk(c)
			}
			if utf8.RuneCount(buf) < keyRunes {
				buf = append(buf, t...)
			}
			size += sz
		}
		buf = truncRunes(buf, keyRunes)
		if i >= 0 {
			els[i].key, els[i].size = string(buf), size
		}
		return buf, size
	}
	walk(body)
	return els
}

func invisible(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Head, atom.Title:
		return true
	}
	return false
}

// squeeze appends s to dst without its white space (and without the
// invisible characters the library's collapser drops).
func squeeze(dst []byte, s string) []byte {
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u00a0' || r == '\u200b' || r == '\u00ad' || r == '\ufeff' {
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

func truncRunes(b []byte, max int) []byte {
	n := 0
	for i := range string(b) {
		if n == max {
			return b[:i]
		}
		n++
	}
	return b
}

// locate finds the element a removal's snippet was taken from (see
// annotate) and records it and its descendants as used.
func locate(els []element, snippet string, used map[*html.Node]bool) *html.Node {
	cut := strings.HasSuffix(snippet, "…")
	key := string(squeeze(nil, strings.TrimSuffix(snippet, "…")))
	if key == "" {
		return nil
	}
	size := utf8.RuneCountInString(key)
	match := func(e element) bool {
		if used[e.n] {
			return false
		}
		if cut {
			return e.size > size && strings.HasPrefix(e.key, key)
		}
		return e.size == size && e.key == key
	}
	for i, e := range els {
		if !match(e) {
			continue
		}
		// The innermost candidate: the next candidate in document order,
		// if inside e, is nested deeper.
		inner := i
		for j := i + 1; j < len(els) && inside(els[j].n, els[inner].n); j++ {
			if match(els[j]) {
				inner = j
			}
		}
		n := els[inner].n
		for p := n.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body; p = p.Parent {
			pe, ok := sizeOf(els, inner, p)
			if !ok || pe != els[inner].size || used[p] {
				break
			}
			n = p
		}
		markUsed(n, used)
		return n
	}
	return nil
}

// sizeOf finds p's size among the elements before index i (ancestors come
// first in document order).
func sizeOf(els []element, i int, p *html.Node) (int, bool) {
	for j := i - 1; j >= 0; j-- {
		if els[j].n == p {
			return els[j].size, true
		}
	}
	return 0, false
}

func inside(n, ancestor *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == ancestor {
			return true
		}
	}
	return false
}

func markUsed(n *html.Node, used map[*html.Node]bool) {
	used[n] = true
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			markUsed(c, used)
		}
	}
}

// keptTags are the blocks of the body matched back to the original.
var keptTags = map[atom.Atom]bool{
	atom.P: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Figcaption: true,
}

// markKept marks the blocks of the original whose text is that of a block
// of the body, and returns how many it marked.
func markKept(els []element, content string, used map[*html.Node]bool) int {
	frag, err := html.Parse(strings.NewReader(content))
	if err != nil {
		return 0
	}
	type block struct {
		key  string
		size int
	}
	want := make(map[block]bool)
	for _, e := range collectElements(frag) {
		if keptTags[e.n.DataAtom] && e.size >= 2 {
			want[block{e.key, e.size}] = true
		}
	}
	kept := 0
	for _, e := range els {
		if keptTags[e.n.DataAtom] && !used[e.n] && want[block{e.key, e.size}] {
			setAttr(e.n, "data-declutter-kept", "")
			kept++
		}
	}
	return kept
}

func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}
