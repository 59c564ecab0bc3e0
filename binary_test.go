package declutter

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

// randomBytes returns n bytes from a fixed seed, so failures reproduce.
func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

const normalPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council approves new library</title></head>
<body><article><h1>Council approves new library</h1>
<p>The city council voted on Tuesday to build a new public library on the site of the old market.</p>
<p>Construction is expected to start in the spring and to take about two years.</p>
</article></body></html>
`

func TestLooksBinary(t *testing.T) {
	latin1, err := charmap.ISO8859_1.NewEncoder().String(strings.Repeat("Der Bürgermeister eröffnete die Bücherei am Ufer der Saône. ", 40))
	require.NoError(t, err)
	utf16le := encodeAs(t, normalPage, "utf-16le")
	utf16be := encodeAs(t, normalPage, "utf-16be")

	tests := []struct {
		name string
		raw  []byte
		want bool
	}{
		{"png header", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), randomBytes(2000, 1)...), true},
		{"jpeg", append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), randomBytes(100, 2)...), true},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00"), true},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), true},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), true},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"), true},
		{"webp", []byte("RIFF\x24\x00\x00\x00WEBPVP8 "), true},
		{"mp4", []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00"), true},
		{"random bytes, fixed seed", randomBytes(64<<10, 42), true},
		{"short random bytes", randomBytes(200, 7), true},
		{"NUL bytes", make([]byte, 4096), true},
		{"html with NUL padding", append([]byte(normalPage), make([]byte, 3000)...), true},
		{"normal page", []byte(normalPage), false},
		{"page with a UTF-8 BOM", append([]byte("\xef\xbb\xbf"), normalPage...), false},
		{"page with a stray NUL", []byte(strings.Replace(normalPage, "library", "lib\x00rary", 1)), false},
		{"page + 1 MB of junk", append([]byte(normalPage+strings.Repeat("<p>More of the article text goes here.</p>\n", 100)), randomBytes(1<<20, 3)...), false},
		{"latin-1 text (invalid UTF-8)", []byte(latin1), false},
		{"shift_jis page", encodeAs(t, strings.Repeat(sampleTexts["ja"].text, 5), "shift_jis"), false},
		{"iso-2022-jp escapes", encodeAs(t, sampleTexts["ja"].text, "iso-2022-jp"), false},
		{"utf-16le with BOM", append([]byte("\xff\xfe"), utf16le...), false},
		{"utf-16be with BOM", append([]byte("\xfe\xff"), utf16be...), false},
		{"utf-16le without BOM", utf16le, false},
		{"utf-16be without BOM", utf16be, false},
		{"text starting like a magic number", []byte("BMW unveils its new electric car, the company said on Monday."), false},
		{"text starting with ID3", []byte("ID3 tags are metadata in MP3 files; this page explains them."), false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, looksBinary(tt.raw))
		})
	}
}

func TestUTF16Order(t *testing.T) {
	assert.Equal(t, "utf-16le", utf16Order(encodeAs(t, normalPage, "utf-16le")))
	assert.Equal(t, "utf-16be", utf16Order(encodeAs(t, normalPage, "utf-16be")))
	assert.Equal(t, "", utf16Order([]byte(normalPage)))
	assert.Equal(t, "", utf16Order(make([]byte, 4096)), "all zeros is not UTF-16")
	assert.Equal(t, "", utf16Order(randomBytes(4096, 9)))
}

func TestTextPart(t *testing.T) {
	page := []byte(normalPage)
	junk := randomBytes(1<<16, 5)
	got := textPart(append(append([]byte(nil), page...), junk...))
	assert.True(t, bytes.HasPrefix(page, got), "the text part must hold no junk")
	assert.Greater(t, len(got), len(page)-2*64, "the text part must be cut close to where junk starts")
	assert.Equal(t, page, textPart(page))
}
