package declutter

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// decode converts raw page bytes to UTF-8. contentType is the HTTP
// Content-Type header value the caller has, or "". It returns the text, the
// WHATWG name of the encoding used and where that choice came from.
//
// The order follows the WHATWG "determine the character encoding" steps:
// BOM, Content-Type, <meta> prescan, then a guess. Real pages need three
// changes: undeclared bytes that are valid UTF-8 are UTF-8, not
// windows-1252; a page declared in a legacy encoding whose bytes are valid
// UTF-8 with multibyte sequences is UTF-8 (a left-over template default is
// far likelier than such bytes by chance: 5 of 5 such corpus pages); and a
// page declared UTF-8 whose text is mostly invalid UTF-8 may be guessed.
// The output is always valid UTF-8, without a BOM; for a UTF-8 page it is
// raw itself, not a copy.
func decode(raw []byte, contentType string) (text []byte, encoding string, source EncodingSource) {
	if name, n := bomEncoding(raw); name != "" {
		return decodeAs(raw[n:], name), name, EncodingFromBOM
	}
	if name := contentTypeCharset(contentType); name != "" {
		if strings.HasPrefix(name, "utf-16") {
			name = checkUTF16(raw, name)
		}
		if name != "" {
			return decodeDeclared(raw, name, EncodingFromContentType)
		}
	}
	if name := prescanMeta(raw); name != "" {
		return decodeDeclared(raw, name, EncodingFromMeta)
	}
	if name := utf16Order(raw); name != "" {
		return decodeAs(raw, name), name, EncodingFromGuess
	}
	if utf8.Valid(raw) {
		return raw, "utf-8", EncodingFromUTF8
	}
	return decodeInvalid(raw, "", EncodingFromDefault)
}

// checkUTF16 checks a Content-Type's UTF-16 against BOM-less bytes. The
// byte order is read from where the zero bytes are ("utf-16" alone means
// little-endian but says little); a server that says UTF-16 about bytes
// without a zero byte in their first kilobytes is wrong, since markup in
// UTF-16 has one in every other byte: then it returns "".
func checkUTF16(raw []byte, name string) string {
	if order := utf16Order(raw); order != "" {
		return order
	}
	if bytes.IndexByte(raw[:min(len(raw), sniffLimit)], 0) < 0 {
		return ""
	}
	return name
}

// decodeDeclared decodes raw in the encoding name that a Content-Type or
// <meta> declared, unless the bytes show the declaration is wrong.
func decodeDeclared(raw []byte, name string, src EncodingSource) ([]byte, string, EncodingSource) {
	if name == "utf-8" {
		if utf8.Valid(raw) {
			return raw, name, src
		}
		return decodeInvalid(raw, name, src)
	}
	if !asciiCompatible(name) {
		return decodeAs(raw, name), name, src
	}
	i := firstNonASCII(raw)
	if i < 0 {
		return raw, name, src // ASCII reads the same in every such encoding
	}
	if utf8.Valid(raw[i:]) {
		return raw, "utf-8", EncodingFromUTF8 // mislabelled UTF-8
	}
	return decodeAs(raw, name), name, src
}

// decodeInvalid handles bytes that are not valid UTF-8 and either were
// declared UTF-8 (declared = "utf-8") or declared nothing (declared = "").
// Mostly-UTF-8 text (a truncated last rune, a few stray bytes, binary junk
// after the page) stays UTF-8 with U+FFFD for the bad bytes; text that is
// mostly not UTF-8 gets a statistical guess, then windows-1252 when it was
// undeclared.
func decodeInvalid(raw []byte, declared string, src EncodingSource) ([]byte, string, EncodingSource) {
	text := textPart(raw)
	multi, invalid := utf8Stats(text)
	mostlyUTF8 := invalid == 0 || multi >= 4*invalid
	if declared == "utf-8" && (mostlyUTF8 || invalid < minInvalidToDoubt) {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD")), declared, src
	}
	if declared == "" && mostlyUTF8 {
		if invalid == 0 {
			src = EncodingFromUTF8 // only a truncated rune or junk after the text
		} else {
			src = EncodingFromGuess
		}
		return bytes.ToValidUTF8(raw, []byte("\uFFFD")), "utf-8", src
	}
	if name := guessEncoding(text); name != "" {
		return decodeAs(raw, name), name, EncodingFromGuess
	}
	if declared != "" {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD")), declared, src
	}
	return decodeAs(raw, "windows-1252"), "windows-1252", EncodingFromDefault
}

// minInvalidToDoubt is how many invalid sequences a page declared UTF-8
// needs before a statistical guess may overrule the declaration.
const minInvalidToDoubt = 8

// decodeAs converts b from the WHATWG encoding name to valid UTF-8.
func decodeAs(b []byte, name string) []byte {
	if name == "utf-8" {
		if utf8.Valid(b) {
			return b
		}
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	// Legacy text grows at most threefold as UTF-8; twice covers the
	// common cases (Cyrillic, CJK) in one allocation.
	out, _, err := transform.Append(enc.NewDecoder(), make([]byte, 0, 2*len(b)+16), b)
	if err != nil || !utf8.Valid(out) {
		// x/text decoders replace bad input themselves; this is a
		// guarantee, not an expected path.
		if err != nil {
			out = b
		}
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out
}

// bomEncoding returns the encoding a byte order mark at the start of b
// names, and the BOM's length.
func bomEncoding(b []byte) (string, int) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return "utf-8", 3
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return "utf-16be", 2
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return "utf-16le", 2
	}
	return "", 0
}

// contentTypeCharset returns the WHATWG name of the charset parameter of an
// HTTP Content-Type value, or "". Malformed values that mime rejects (stray
// semicolons, odd quoting) are common, so those are read leniently.
func contentTypeCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return encodingName(params["charset"])
	}
	return encodingName(string(charsetFromContent([]byte(contentType))))
}

// encodingName maps a charset label to its WHATWG encoding name
// ("latin1" -> "windows-1252", "sjis" -> "shift_jis"), or "" if the label
// is unknown.
func encodingName(label string) string {
	if label == "" {
		return ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return ""
	}
	return name
}

// asciiCompatible reports whether bytes below 0x80 mean ASCII in the
// encoding, so that an all-ASCII page needs no conversion.
func asciiCompatible(name string) bool {
	switch name {
	case "utf-16le", "utf-16be", "iso-2022-jp", "replacement":
		return false
	}
	return true
}

func firstNonASCII(b []byte) int {
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

// utf8Stats counts the valid multibyte sequences and the invalid bytes in
// b. A rune cut off at the very end is neither.
func utf8Stats(b []byte) (multi, invalid int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r != utf8.RuneError || size > 1:
			multi++
		case !utf8.FullRune(b[i:]):
			return multi, invalid // truncated last rune
		default:
			invalid++
		}
		i += size
	}
	return multi, invalid
}

// textPart returns b up to where binary junk starts: the first place with
// four or more binary control bytes within 64 bytes, less the 64 bytes
// before it, where junk that happens to have no control byte may start.
// Statistics about the page's encoding are taken on this part only, so
// junk appended to a page does not sway them.
func textPart(b []byte) []byte {
	const window = 64
	for i := 0; i < len(b); i++ {
		if b[i] != 0 && !isBinaryControl(b[i]) {
			continue
		}
		n := 0
		for _, c := range b[i:min(len(b), i+window)] {
			if c == 0 || isBinaryControl(c) {
				n++
			}
		}
		if n >= 4 {
			return b[:max(0, i-window)]
		}
	}
	return b
}
