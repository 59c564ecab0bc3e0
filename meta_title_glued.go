package declutter

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Site names glued to the title without spaces: "标题-新华网",
// "タイトル:phpspot開発日誌", "제목-정치ㅣ한국일보". CJK titles need no
// spaces, so their separators have none.

// gluedSeps are the separators of glued site names; ㅣ is the Hangul
// letter Korean sites use as a bar.
const gluedSeps = "-_|｜│:：ㅣ"

// stripGluedSite removes up to two trailing parts glued to t by one of
// gluedSeps: a known site's name, or in a CJK title a short CJK part (a
// site or section name whose spelling the page does not give).
func stripGluedSite(t string, sites []string) string {
	for i := 0; i < 2; i++ {
		j := strings.LastIndexAny(t, gluedSeps)
		if j <= 0 {
			return t
		}
		sep, size := utf8.DecodeRuneInString(t[j:])
		head, tail := strings.TrimSpace(t[:j]), strings.TrimSpace(t[j+size:])
		if head == "" || !isSiteName(tail, sites) && (sep == ':' || sep == '：' || !shortCJKPart(head, tail)) {
			return t
		}
		t = head
	}
	return t
}

// shortCJKPart reports whether tail is a short run of CJK letters after a
// CJK head at least three times as long: a site or section name.
func shortCJKPart(head, tail string) bool {
	n := utf8.RuneCountInString(tail)
	if n == 0 || n > 6 || utf8.RuneCountInString(head) < 3*n || !hasCJK(head) {
		return false
	}
	for _, r := range tail {
		if !unicode.IsLetter(r) || !isCJKLetter(r) {
			return false
		}
	}
	return true
}

func hasCJK(s string) bool {
	for _, r := range s {
		if isCJKLetter(r) {
			return true
		}
	}
	return false
}

// isCJKLetter is isCJK with Hangul, whose titles glue site names too.
func isCJKLetter(r rune) bool {
	return isCJK(r) || r >= 0x1100 && unicode.Is(unicode.Hangul, r)
}

// trimDanglingSep drops separators left at the end of a title whose site
// name went ("Headline | | Site" gives "Headline |").
func trimDanglingSep(t string) string {
	for {
		r, size := utf8.DecodeLastRuneInString(t)
		rest := t[:len(t)-size]
		if size == 0 || !strings.ContainsRune("|｜-–—·•»", r) || !strings.HasSuffix(rest, " ") {
			return t
		}
		t = strings.TrimSpace(rest)
	}
}
