package declutter

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The body the readability pass returns is a tree; the assembly step
// (assemble.go) reads it as a sequence of blocks: the paragraphs,
// headings, lists, figures, tables and boxes a reader sees one after the
// other. segmentBlocks cuts the body into those blocks in one walk and
// measures, once, what the decisions need.

// blockKind is what a block is, by its markup.
type blockKind uint8

const (
	blockPara    blockKind = iota // <p>, <blockquote>, <pre>, <address>
	blockHeading                  // <h1>…<h6>
	blockList                     // <ul>, <ol>, <dl>, <menu>
	blockFigure                   // <figure>, <figcaption>, <picture>, an image
	blockTable                    // <table>
	blockBox                      // any other element holding only inline content
)

// block is one block of the body and its evidence.
type block struct {
	n        *html.Node
	kind     blockKind
	chars    int     // characters of collapsed text
	linkDens float64 // share of the text inside links
	caption  bool    // a figure's or a caption's text: not the story's prose
	prose    bool    // a paragraph of the story: long, few links, not a caption
	sentence bool    // its text ends as a sentence does (. ! ? … or a closing quote)
	text     string  // collapsed text; only for blocks of shortMaxChars or less
}

// shortMaxChars is the longest block whose text is kept for patterns:
// the chrome the trims look for (dates, bylines, credits, labels) is short.
const shortMaxChars = 200

// segmentBlocks returns body's blocks in document order. A block is an
// element of blockTags, or an element whose children are all inline; the
// walk does not enter a block. Elements with no text and no image are not
// blocks.
func segmentBlocks(body *html.Node, st *textStats) []block {
	var out []block
	for n := body; n != nil; {
		if n.Type != html.ElementNode {
			n = nextSkipping(n, body, false)
			continue
		}
		if skipText(n) {
			n = nextSkipping(n, body, true)
			continue
		}
		kind, ok := blockTagKind(n.Data)
		if !ok && n != body && !hasBlockChild(n) {
			kind, ok = blockBox, true
		}
		if !ok {
			n = nextSkipping(n, body, false)
			continue
		}
		if b, keep := measureBlock(n, kind, st); keep {
			out = append(out, b)
		}
		n = nextSkipping(n, body, true)
	}
	return out
}

func blockTagKind(tag string) (blockKind, bool) {
	switch tag {
	case "p", "blockquote", "pre", "address":
		return blockPara, true
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return blockHeading, true
	case "ul", "ol", "dl", "menu":
		return blockList, true
	case "figure", "figcaption", "picture", "img":
		return blockFigure, true
	case "table":
		return blockTable, true
	}
	return 0, false
}

// hasBlockChild reports whether n has an element child that starts a block
// of text (the line break aside).
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data != "br" && isBlock(c.Data) {
			return true
		}
	}
	return false
}

func measureBlock(n *html.Node, kind blockKind, st *textStats) (block, bool) {
	b := block{n: n, kind: kind, chars: st.chars(n), linkDens: st.linkDensity(n)}
	if b.chars == 0 && kind != blockFigure {
		return b, false
	}
	b.caption = kind == blockFigure || inCaption(n)
	if b.chars <= shortMaxChars {
		b.text = collapsedText(n)
		b.sentence = endsSentence(b.text)
	} else {
		b.sentence = true // long text is read as prose whatever its last rune
	}
	b.prose = kind == blockPara && !b.caption && b.chars >= proseMinChars && b.linkDens <= proseMaxLinkDens
	return b, true
}

// inCaption reports whether n lies in a figure or in an element whose
// class or id names a caption or a credit, up to a few levels above it.
func inCaption(n *html.Node) bool {
	for i, p := 0, n; i < captionClimb && p != nil && p.Type == html.ElementNode; i, p = i+1, p.Parent {
		switch p.Data {
		case "figure", "figcaption":
			return true
		case "body", "article", "main":
			return false
		}
		if hasCaptionWord(attrOf(p, "class")) || hasCaptionWord(attrOf(p, "id")) {
			return true
		}
	}
	return false
}

const captionClimb = 4

// captionWords name the captions and credits of images in class and id
// names.
var captionWords = []string{"caption", "credit", "legend", "byline-photo", "photo-source", "image-source"}

func hasCaptionWord(name string) bool {
	if name == "" {
		return false
	}
	var buf [128]byte
	lower := lowerName(&buf, name)
	for _, w := range captionWords {
		if strings.Contains(string(lower), w) {
			return true
		}
	}
	return false
}

// endsSentence reports whether text ends as a sentence does. Closing
// quotes and brackets and a last parenthesis (an author's initials, a
// credit) do not count.
func endsSentence(text string) bool {
	text = trimClosers(text)
	if i := strings.LastIndexAny(text, "(（"); i > 0 && len(text)-i <= 60 && strings.HasSuffix(text, ")") ||
		i > 0 && len(text)-i <= 60 && strings.HasSuffix(text, "）") {
		text = trimClosers(text[:i])
	}
	if text == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	if r != utf8.RuneError && unicode.Is(unicode.So, r) {
		return true // an emoji closing a sentence
	}
	switch r {
	case '.', '!', '?', '…', ':', ';', '。', '！', '？', '؟', '।':
		return true
	}
	return false
}

// trimClosers trims white space, closing quotes and asterisks from the
// end of text.
func trimClosers(text string) string {
	return strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'’”“»«*」』", r)
	})
}
