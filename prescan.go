package declutter

import "bytes"

// prescanLimit is how far into the page the <meta> prescan looks. The
// WHATWG algorithm suggests 1024 bytes, but real pages often put their
// <meta charset> after a kilobyte or more of <link>, <script> and <style>
// in the head; the scan jumps from '<' to '<' and over script and style
// bodies, so looking further costs little.
const prescanLimit = 64 << 10

// prescanMeta runs the WHATWG "prescan a byte stream to determine its
// encoding" algorithm over the start of b and returns the charset label a
// <meta charset> or <meta http-equiv=Content-Type content="...; charset=...">
// declares, already mapped to a known WHATWG encoding name, or "".
//
// It departs from the spec in two ways, both for real pages: it looks at
// prescanLimit bytes rather than 1024, and it skips the contents of script
// and style elements, where markup inside strings is not a declaration.
func prescanMeta(b []byte) string {
	if len(b) > prescanLimit {
		b = b[:prescanLimit]
	}
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return ""
		}
		i += j
		rest := b[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[2:], []byte("-->"))
			if end < 0 {
				return ""
			}
			i += 2 + end + 3
		case len(rest) > 5 && hasPrefixFold(rest[1:], "meta") && (isSpace(rest[5]) || rest[5] == '/'):
			name, next := metaCharset(b, i+5)
			if next < 0 {
				return ""
			}
			if name != "" {
				return name
			}
			i = next
		case len(rest) > 1 && isLetter(rest[1]), len(rest) > 2 && rest[1] == '/' && isLetter(rest[2]):
			next := skipTag(b, i)
			if next < 0 {
				return ""
			}
			i = next
		case len(rest) > 1 && (rest[1] == '!' || rest[1] == '/' || rest[1] == '?'):
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				return ""
			}
			i += end + 1
		default:
			i++
		}
	}
	return ""
}

// skipTag moves past the tag that starts at b[i] ('<'), over its
// attributes, and past the contents of a script or style element. It
// returns -1 when the input ends first.
func skipTag(b []byte, i int) int {
	start := i + 1
	if b[start] == '/' {
		start++
	}
	end := start
	for end < len(b) && !isSpace(b[end]) && b[end] != '>' {
		end++
	}
	tag := b[start:end]
	i = end
	for {
		a, next := nextAttr(b, i)
		if next < 0 {
			return -1
		}
		i = next
		if !a.ok {
			break
		}
	}
	i++ // past '>'
	if b[start-1] == '/' {
		return i
	}
	for _, raw := range []string{"script", "style"} {
		if bytes.EqualFold(tag, []byte(raw)) {
			close := indexFold(b[i:], "</"+raw)
			if close < 0 {
				return -1
			}
			return i + close
		}
	}
	return i
}

// metaCharset reads the attributes of a <meta> tag from b[i] on, following
// the spec's attribute list, "got pragma" and "need pragma" rules. It
// returns the declared encoding's name ("" when the tag declares none) and
// the position after the tag, or -1 when the input ends first.
func metaCharset(b []byte, i int) (name string, next int) {
	var seenEquiv, seenContent, seenCharset, gotPragma bool
	charsetSet := false // the spec's "charset is not null", even if unknown
	needPragma := 0     // 0: unknown, 1: needed, 2: not needed
	for {
		a, n := nextAttr(b, i)
		if n < 0 {
			return "", -1
		}
		i = n
		if !a.ok {
			break
		}
		switch {
		case !seenEquiv && bytes.EqualFold(a.name, []byte("http-equiv")):
			seenEquiv = true
			gotPragma = bytes.EqualFold(a.value, []byte("content-type"))
		case !seenContent && bytes.EqualFold(a.name, []byte("content")):
			seenContent = true
			if !charsetSet {
				if label := charsetFromContent(a.value); label != nil {
					charsetSet = true
					if name = encodingName(string(label)); name != "" {
						needPragma = 1
					}
				}
			}
		case !seenCharset && bytes.EqualFold(a.name, []byte("charset")):
			seenCharset = true
			charsetSet = true
			name = encodingName(string(a.value))
			needPragma = 2
		}
	}
	next = i + 1 // past '>'
	if needPragma == 0 || needPragma == 1 && !gotPragma {
		return "", next
	}
	switch name {
	case "utf-16le", "utf-16be":
		// A page that could be read to find this tag is not UTF-16.
		name = "utf-8"
	case "x-user-defined":
		name = "windows-1252"
	}
	return name, next
}

type attr struct {
	name, value []byte
	ok          bool
}

// nextAttr is the spec's "get an attribute" from b[i] on. It returns ok
// false at the end of the tag (b[next] == '>') and next -1 when the input
// ends first. Names and values are slices of b, compared case-insensitively
// by the caller, so nothing is copied.
func nextAttr(b []byte, i int) (a attr, next int) {
	for i < len(b) && (isSpace(b[i]) || b[i] == '/') {
		i++
	}
	if i >= len(b) {
		return a, -1
	}
	if b[i] == '>' {
		return a, i
	}
	a.ok = true
	start := i
	for ; i < len(b); i++ {
		c := b[i]
		if c == '=' && i > start || isSpace(c) || c == '/' || c == '>' {
			break
		}
	}
	if i >= len(b) {
		return a, -1
	}
	a.name = b[start:i]
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i >= len(b) {
		return a, -1
	}
	if b[i] != '=' {
		return a, i // an attribute without a value
	}
	i++
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i >= len(b) {
		return a, -1
	}
	if q := b[i]; q == '"' || q == '\'' {
		end := bytes.IndexByte(b[i+1:], q)
		if end < 0 {
			return a, -1
		}
		a.value = b[i+1 : i+1+end]
		return a, i + 1 + end + 1
	}
	if b[i] == '>' {
		return a, i
	}
	start = i
	for i < len(b) && !isSpace(b[i]) && b[i] != '>' {
		i++
	}
	if i >= len(b) {
		return a, -1
	}
	a.value = b[start:i]
	return a, i
}

// charsetFromContent is the spec's "extract a character encoding from a
// meta element" for a content attribute such as "text/html; charset=koi8-r".
func charsetFromContent(s []byte) []byte {
	for {
		k := indexFold(s, "charset")
		if k < 0 {
			return nil
		}
		s = s[k+len("charset"):]
		s = bytes.TrimLeft(s, "\t\n\f\r ")
		if len(s) == 0 || s[0] != '=' {
			continue // look for the next "charset"
		}
		s = bytes.TrimLeft(s[1:], "\t\n\f\r ")
		if len(s) == 0 {
			return nil
		}
		if q := s[0]; q == '"' || q == '\'' {
			end := bytes.IndexByte(s[1:], q)
			if end < 0 {
				return nil
			}
			return s[1 : 1+end]
		}
		end := bytes.IndexAny(s, "\t\n\f\r ;")
		if end < 0 {
			end = len(s)
		}
		return s[:end]
	}
}

// indexFold is bytes.Index with an ASCII case-insensitive, lower-case needle.
func indexFold(s []byte, lower string) int {
	if len(lower) == 0 {
		return 0
	}
	if !isLetter(lower[0]) {
		// Jump between occurrences of the first byte (e.g. '<').
		for i := 0; i+len(lower) <= len(s); i++ {
			j := bytes.IndexByte(s[i:], lower[0])
			if j < 0 {
				return -1
			}
			i += j
			if hasPrefixFold(s[i:], lower) {
				return i
			}
		}
		return -1
	}
	for i := 0; i+len(lower) <= len(s); i++ {
		if s[i]|0x20 == lower[0] && hasPrefixFold(s[i:], lower) {
			return i
		}
	}
	return -1
}

// hasPrefixFold reports whether s starts with lower, ignoring ASCII case.
func hasPrefixFold(s []byte, lower string) bool {
	if len(s) < len(lower) {
		return false
	}
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
