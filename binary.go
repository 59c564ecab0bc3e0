package declutter

import "bytes"

// sniffLimit is how much of the input looksBinary examines: enough to see
// past a page's doctype and head, small enough that an article followed by
// binary junk is still taken for text.
const sniffLimit = 4 << 10

// binaryMagic lists file signatures that never start an HTML page. When
// more is set, it must also appear at offset at: short signatures such as
// "BM" or "ID3" could otherwise start a text.
var binaryMagic = []struct {
	name, magic string
	at          int
	more        string
}{
	{name: "png", magic: "\x89PNG\r\n\x1a\n"},
	{name: "jpeg", magic: "\xff\xd8\xff"},
	{name: "gif87", magic: "GIF87a"},
	{name: "gif89", magic: "GIF89a"},
	{name: "pdf", magic: "%PDF-"},
	{name: "postscript", magic: "%!PS-Adobe-"},
	{name: "zip", magic: "PK\x03\x04"},
	{name: "zip-empty", magic: "PK\x05\x06"},
	{name: "gzip", magic: "\x1f\x8b\x08"},
	{name: "bzip2", magic: "BZh", at: 4, more: "1AY&SY"},
	{name: "xz", magic: "\xfd7zXZ\x00"},
	{name: "zstd", magic: "\x28\xb5\x2f\xfd"},
	{name: "7z", magic: "7z\xbc\xaf\x27\x1c"},
	{name: "rar", magic: "Rar!\x1a\x07"},
	{name: "webp", magic: "RIFF", at: 8, more: "WEBP"},
	{name: "wav", magic: "RIFF", at: 8, more: "WAVE"},
	{name: "avi", magic: "RIFF", at: 8, more: "AVI "},
	{name: "mp4", magic: "", at: 4, more: "ftyp"},
	{name: "ogg", magic: "OggS\x00"},
	{name: "flac", magic: "fLaC\x00"},
	{name: "mp3", magic: "ID3", at: 4, more: "\x00"},
	{name: "mkv-webm", magic: "\x1a\x45\xdf\xa3"},
	{name: "ico", magic: "\x00\x00\x01\x00"},
	{name: "bmp", magic: "BM", at: 6, more: "\x00\x00\x00\x00"},
	{name: "tiff-le", magic: "II*\x00"},
	{name: "tiff-be", magic: "MM\x00*"},
	{name: "woff", magic: "wOFF"},
	{name: "woff2", magic: "wOF2"},
	{name: "elf", magic: "\x7fELF"},
	{name: "wasm", magic: "\x00asm"},
	{name: "sqlite", magic: "SQLite format 3\x00"},
	{name: "ms-office", magic: "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"},
	{name: "java-class", magic: "\xca\xfe\xba\xbe"},
}

// looksBinary reports whether raw starts like binary data rather than text
// or HTML. It looks at the first sniffLimit bytes only, so a page followed by
// junk still counts as text. Text in any ASCII-compatible encoding passes
// (legacy encodings have no control bytes), and so does UTF-16 with or
// without a BOM.
func looksBinary(raw []byte) bool {
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		raw = raw[3:]
	} else if bytes.HasPrefix(raw, []byte("\xff\xfe")) || bytes.HasPrefix(raw, []byte("\xfe\xff")) {
		return false
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(raw, []byte(m.magic)) &&
			(m.more == "" || len(raw) >= m.at && bytes.HasPrefix(raw[m.at:], []byte(m.more))) {
			return true
		}
	}
	if len(raw) > sniffLimit {
		raw = raw[:sniffLimit]
	}
	if utf16Order(raw) != "" {
		return false
	}
	var nul, ctl int
	for _, c := range raw {
		switch {
		case c == 0:
			nul++
		case isBinaryControl(c):
			ctl++
		}
	}
	// A stray NUL or control byte occurs in real pages; binary data has
	// them everywhere (about one byte in ten of random data).
	n := len(raw)
	return nul*64 > n || (nul+ctl)*32 > n
}

// isBinaryControl reports whether c is a C0 control byte that text does not
// use: not tab, newline, form feed, carriage return or escape (ISO-2022-JP
// uses escape sequences).
func isBinaryControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1b || c == 0x7f
}

// utf16Order recognises UTF-16 text without a BOM by its zero bytes: markup
// and Latin text put a zero in every other byte, always on the same side.
// It returns "utf-16le", "utf-16be" or "".
func utf16Order(b []byte) string {
	if len(b) > sniffLimit {
		b = b[:sniffLimit]
	}
	n := len(b) &^ 1
	if n < 16 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	// A quarter of the code units is ASCII even in Cyrillic or Greek text
	// with little markup (spaces, digits, punctuation); random bytes have
	// a zero in one byte of 256.
	case odd*4 > pairs && even*50 < pairs:
		return "utf-16le"
	case even*4 > pairs && odd*50 < pairs:
		return "utf-16be"
	}
	return ""
}
