package declutter

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPrescanMeta(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"charset double quotes", `<head><meta charset="windows-1251">`, "windows-1251"},
		{"charset unquoted", `<meta charset=koi8-r><title>x</title>`, "koi8-r"},
		{"charset single quotes, upper case", `<META CHARSET='Shift_JIS'>`, "shift_jis"},
		{"spaces around =", `<meta charset = "euc-kr" >`, "euc-kr"},
		{"self-closing", `<meta charset="big5"/>`, "big5"},
		{"label alias", `<meta charset="latin1">`, "windows-1252"},
		{"http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "gbk"},
		{"content before http-equiv", `<meta content="text/html;charset='euc-jp'" http-equiv=content-type>`, "euc-jp"},
		{"content without http-equiv is no declaration", `<meta name="x" content="text/html; charset=koi8-r"><meta charset=big5>`, "big5"},
		{"http-equiv other than content-type", `<meta http-equiv="refresh" content="5; charset=koi8-r">`, ""},
		{"charset attribute wins over content", `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r" charset="windows-1251">`, "windows-1251"},
		{"first charset attribute counts", `<meta charset="koi8-r" charset="big5">`, "koi8-r"},
		{"unknown label: next meta", `<meta charset="no-such-thing"><meta charset="gbk">`, "gbk"},
		{"utf-16 means utf-8", `<meta charset="utf-16">`, "utf-8"},
		{"utf-16be means utf-8", `<meta http-equiv="content-type" content="text/html; charset=UTF-16BE">`, "utf-8"},
		{"x-user-defined means windows-1252", `<meta charset="x-user-defined">`, "windows-1252"},
		{"iso-2022-kr is replacement", `<meta charset="iso-2022-kr">`, "replacement"},
		{"inside a comment", `<!-- <meta charset="koi8-r"> --><meta charset="big5">`, "big5"},
		{"short comment", `<!--><meta charset="big5">`, "big5"},
		{"inside a script string", `<script>document.write('<meta charset="koi8-r">')</script><meta charset="big5">`, "big5"},
		{"inside a style", `<style>/* <meta charset="koi8-r"> */</style><meta charset="big5">`, "big5"},
		{"inside another tag's attribute", `<a title='<meta charset="koi8-r">'><meta charset="big5">`, "big5"},
		{"after a doctype and processing instruction", `<?xml version="1.0"?><!DOCTYPE html><meta charset="gb18030">`, "gb18030"},
		{"metadata is not meta", `<metadata charset="koi8-r"><meta charset="big5">`, "big5"},
		{"after an end tag", `</p><meta charset="euc-kr">`, "euc-kr"},
		{"none", `<html><head><title>Hi</title></head><body><p>text</p></body></html>`, ""},
		{"truncated tag", `<meta charset="koi8`, ""},
		{"unterminated comment", `<!-- <meta charset="koi8-r">`, ""},
		{"unterminated script", `<script> var s = "<meta charset=koi8-r>";`, ""},
		{"empty", ``, ""},
		{"lone <", `<`, ""},
		{"after 1 KB", strings.Repeat("<link rel=preload href=/a.woff2>\n", 100) + `<meta charset="windows-1251">`, "windows-1251"},
		{"beyond the limit", strings.Repeat("x", prescanLimit) + `<meta charset="windows-1251">`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, prescanMeta([]byte(tt.page)))
		})
	}
}

func TestCharsetFromContent(t *testing.T) {
	tests := map[string]string{
		"text/html; charset=utf-8":          "utf-8",
		"text/html;charset=\"koi8-r\"":      "koi8-r",
		"text/html; CHARSET = 'big5' ; x=y": "big5",
		"text/html; charset=gbk;":           "gbk",
		"charsetx; charset=euc-kr":          "euc-kr",
		"text/html; charset=\"unclosed":     "",
		"text/html; charset=":               "",
		"text/html":                         "",
	}
	for in, want := range tests {
		assert.Equal(t, want, string(charsetFromContent([]byte(in))), in)
	}
}

func TestContentTypeCharset(t *testing.T) {
	assert.Equal(t, "windows-1251", contentTypeCharset("text/html; charset=CP1251"))
	assert.Equal(t, "shift_jis", contentTypeCharset(`text/html; charset="x-sjis"`))
	assert.Equal(t, "utf-8", contentTypeCharset("text/html; charset=utf-8;"), "lenient on a stray semicolon")
	assert.Equal(t, "", contentTypeCharset("text/html"))
	assert.Equal(t, "", contentTypeCharset("text/html; charset=klingon"))
	assert.Equal(t, "", contentTypeCharset(""))
}
