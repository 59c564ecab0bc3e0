package declutter

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Plain-text helpers for metadata values: every string field of Article
// is valid UTF-8 without markup or control characters, whitespace
// collapsed.

var (
	reMetaEntity = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,31});`)
)

// metaPlain turns a metadata value into clean plain text: entities decoded
// (twice at most, for the doubly escaped values some CMSs emit), markup
// removed as Article.cleanFields removes it (stripMarkup), control characters dropped and whitespace collapsed.
func metaPlain(s string) string {
	if s == "" {
		return ""
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	for i := 0; i < 2 && strings.IndexByte(s, '&') >= 0 && reMetaEntity.MatchString(s); i++ {
		s = html.UnescapeString(s)
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = stripMarkup(s)
	}
	return metaCollapse(s)
}

// metaCollapse collapses runs of white space to one space, drops control
// and format characters (zero-width spaces, BOMs) and trims both ends.
func metaCollapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	return collapseSpace(s)
}

// collapseSpace is metaCollapse's copying path.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0':
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff', r == '\u00ad':
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isCollapsed reports whether metaCollapse would return s as it is: no
// white space at either end or twice in a row, no white space but ' ',
// no control or format characters, valid UTF-8. Most values are, and
// then need no copy.
func isCollapsed(s string) bool {
	prevSpace := true // a leading space is not collapsed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case c < ' ' || c == 0x7f:
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1, unicode.IsSpace(r), r == '\u00a0', unicode.IsControl(r),
			r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff', r == '\u00ad':
			return false
		}
		prevSpace = false
		i += size
	}
	return !prevSpace || s == ""
}

// metaNodeText returns the collapsed text of n, with a space at element
// boundaries so that words in adjacent blocks never glue together.
// It skips script, style and template content. limit bounds the work on
// big subtrees: walking stops once that many bytes were collected.
func metaNodeText(n *html.Node, limit int) string {
	return nodeTextBreaking(n, limit, isBlock)
}

// metaSpacedText is metaNodeText with a space at every element boundary
// but text formatting ones, for short texts such as bylines where names
// and labels sit in adjacent inline elements: "By<a>Jane Doe</a>".
func metaSpacedText(n *html.Node, limit int) string {
	return nodeTextBreaking(n, limit, func(tag string) bool {
		switch tag {
		case "b", "i", "em", "strong", "u", "small", "font", "abbr", "sup", "sub", "mark", "wbr":
			return false
		}
		return true
	})
}

func nodeTextBreaking(n *html.Node, limit int, breaks func(string) bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && b.Len() < limit; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				switch c.Data {
				case "script", "style", "template", "noscript", "svg", "button", "select":
					continue
				case "br":
					b.WriteByte(' ')
					continue
				}
				brk := breaks(c.Data)
				if brk {
					b.WriteByte(' ')
				}
				walk(c)
				if brk {
					b.WriteByte(' ')
				}
			}
		}
	}
	walk(n)
	return metaCollapse(b.String())
}

// metaIsURL reports whether s looks like a URL rather than a name.
func metaIsURL(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") ||
		strings.HasPrefix(l, "//") || strings.HasPrefix(l, "www.") ||
		(strings.Contains(l, "/") && !strings.Contains(l, " "))
}
