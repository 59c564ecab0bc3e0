package declutter

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseLDJSON decodes one JSON text as json.Unmarshal decodes it into an
// `any` (maps, slices, strings, float64, bool, nil), and fails wherever
// json.Unmarshal returns an error: the same grammar, nesting limit,
// string unescaping (invalid UTF-8 and lone surrogates become U+FFFD) and
// number range. One difference: the value of a key that readJSONLD never
// reads (see ldReadKey) is checked but not built, and stored as nil, so
// that len of an object is unchanged. It exists because ld+json scripts
// are large (whole article bodies, lists of related items) and
// encoding/json scans each twice, copies every string and builds every
// value; here strings without escapes are slices of src.
// A property test holds it to json.Unmarshal.
func parseLDJSON(src string) (any, bool) {
	p := ldParser{s: src}
	p.ws()
	v := p.value()
	p.ws()
	if p.bad || p.i != len(p.s) {
		return nil, false
	}
	return v, true
}

type ldParser struct {
	s     string
	i     int
	depth int
	bad   bool
	skip  bool // inside a value not to build: check it, return nil
}

// ldReadKey reports whether readJSONLD reads the values of key k (in
// collectLD, indexLD, ldTypes, fill, ldString, ldNames, ldURL): the
// other values are never looked at, only counted.
func ldReadKey(k string) bool {
	switch k {
	case "@type", "@id", "@graph", "@value", "mainEntity", "author", "creator", "publisher", "name", "headline",
		"datePublished", "dateCreated", "dateModified", "isPartOf", "image", "thumbnailUrl", "keywords",
		"inLanguage", "alternateName", "description", "url", "givenName", "familyName", "contentUrl", "articleBody":
		return true
	}
	return false
}

// ldMaxDepth is encoding/json's nesting limit.
const ldMaxDepth = 10000

func (p *ldParser) fail() any {
	p.bad = true
	return nil
}

func (p *ldParser) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *ldParser) value() any {
	if p.bad || p.i >= len(p.s) {
		return p.fail()
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, ok := p.str()
		if !ok || p.skip {
			return p.fail2(ok)
		}
		return s
	case c == 't':
		return p.literal("true", true)
	case c == 'f':
		return p.literal("false", false)
	case c == 'n':
		return p.literal("null", nil)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	return p.fail()
}

func (p *ldParser) literal(word string, v any) any {
	if !strings.HasPrefix(p.s[p.i:], word) {
		return p.fail()
	}
	p.i += len(word)
	if p.skip {
		return nil
	}
	return v
}

// fail2 fails unless ok; it returns nil either way.
func (p *ldParser) fail2(ok bool) any {
	if !ok {
		return p.fail()
	}
	return nil
}

func (p *ldParser) object() any {
	if p.depth++; p.depth > ldMaxDepth {
		return p.fail()
	}
	p.i++ // {
	var m map[string]any
	if !p.skip {
		m = make(map[string]any)
	}
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		p.depth--
		return p.built(m)
	}
	for !p.bad {
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return p.fail()
		}
		k, ok := p.str()
		if !ok {
			return p.fail()
		}
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return p.fail()
		}
		p.i++
		p.ws()
		switch {
		case p.skip:
			p.value()
		case !ldReadKey(k):
			p.skip = true
			p.value()
			p.skip = false
			m[k] = nil
		default:
			m[k] = p.value()
		}
		if p.end('}') {
			return p.built(m)
		}
	}
	return nil
}

func (p *ldParser) array() any {
	if p.depth++; p.depth > ldMaxDepth {
		return p.fail()
	}
	p.i++ // [
	var a []any
	if !p.skip {
		a = make([]any, 0)
	}
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		p.depth--
		return p.built(a)
	}
	for !p.bad {
		if v := p.value(); !p.skip {
			a = append(a, v)
		}
		if p.end(']') {
			return p.built(a)
		}
	}
	return nil
}

// end reads what follows an object member or array element: a comma, or
// the closing byte, which ends the container (true). Anything else fails
// the parse, and the caller's loop stops on p.bad.
func (p *ldParser) end(closing byte) bool {
	p.ws()
	switch {
	case p.i >= len(p.s):
		p.fail()
	case p.s[p.i] == ',':
		p.i++
		p.ws()
	case p.s[p.i] == closing:
		p.i++
		p.depth--
		return true
	default:
		p.fail()
	}
	return false
}

// number reads a JSON number as float64; a number out of float64's range
// is an error, as in encoding/json.
func (p *ldParser) number() any {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.s) && p.s[p.i] == '0':
		p.i++
	case p.i < len(p.s) && p.s[p.i] >= '1' && p.s[p.i] <= '9':
		p.digits()
	default:
		return p.fail()
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if !p.digits() {
			return p.fail()
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if !p.digits() {
			return p.fail()
		}
	}
	f, err := strconv.ParseFloat(p.s[start:p.i], 64)
	if err != nil || p.skip {
		return p.fail2(err == nil)
	}
	return f
}

// built returns v, or nil inside a skipped value (a nil map or slice in
// an `any` would not be nil).
func (p *ldParser) built(v any) any {
	if p.skip {
		return nil
	}
	return v
}

// digits skips a run of digits and reports whether there was one.
func (p *ldParser) digits() bool {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// str reads a JSON string at p.i (its opening quote). A string without
// escapes or invalid UTF-8 is returned as a slice of the source.
func (p *ldParser) str() (string, bool) {
	start := p.i + 1
	for j := start; j < len(p.s); {
		c := p.s[j]
		switch {
		case c == '"':
			p.i = j + 1
			return p.s[start:j], true
		case c == '\\':
			return p.strEscaped(start, j)
		case c < ' ':
			return "", false
		case c < utf8.RuneSelf:
			j++
		default:
			r, size := utf8.DecodeRuneInString(p.s[j:])
			if r == utf8.RuneError && size == 1 {
				return p.strEscaped(start, j)
			}
			j += size
		}
	}
	return "", false
}

// strEnd returns the index of the quote closing the string that holds
// position j, or -1.
func (p *ldParser) strEnd(j int) int {
	for j < len(p.s) {
		switch p.s[j] {
		case '"':
			return j
		case '\\':
			j += 2
		default:
			j++
		}
	}
	return -1
}

// strEscaped reads the string starting at start (after its quote) the
// slow way, as encoding/json's unquote does, from from on.
func (p *ldParser) strEscaped(start, from int) (string, bool) {
	end := p.strEnd(from)
	if end < 0 {
		return "", false
	}
	var b strings.Builder
	b.Grow(end - start)
	b.WriteString(p.s[start:from])
	for j := from; j < len(p.s); {
		c := p.s[j]
		switch {
		case c == '"':
			p.i = j + 1
			return b.String(), true
		case c < ' ':
			return "", false
		case c == '\\':
			if j+1 >= len(p.s) {
				return "", false
			}
			switch e := p.s[j+1]; e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r := hex4(p.s[j+2:])
				if r < 0 {
					return "", false
				}
				j += 6
				if r >= 0xd800 && r < 0xe000 {
					// a surrogate pair is one rune; a lone half is U+FFFD
					if r < 0xdc00 && strings.HasPrefix(p.s[j:], `\u`) {
						if r2 := hex4(p.s[j+2:]); r2 >= 0xdc00 && r2 < 0xe000 {
							b.WriteRune((r-0xd800)<<10 | (r2 - 0xdc00) + 0x10000)
							j += 6
							continue
						}
					}
					r = utf8.RuneError
				}
				b.WriteRune(r)
				continue
			default:
				return "", false
			}
			j += 2
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			j++
		default:
			r, size := utf8.DecodeRuneInString(p.s[j:])
			b.WriteRune(r) // U+FFFD for each invalid byte
			j += size
		}
	}
	return "", false
}

// hex4 returns the value of the four hex digits s starts with, or -1.
func hex4(s string) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range []byte(s[:4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
