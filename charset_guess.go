package declutter

import (
	"bytes"

	"github.com/gogs/chardet"
)

const (
	// guessSampleLimit caps the visible text the guesser reads (chardet's
	// single-byte recognisers read only its first 8 KB).
	guessSampleLimit = 16 << 10
	// guessMinNonASCII is the fewest non-ASCII bytes worth a guess: with
	// less, the candidates cannot be told apart and windows-1252 (or the
	// declared UTF-8) is as good a choice.
	guessMinNonASCII = 24
	// guessMinConfidence is the lowest chardet confidence (1-100) taken.
	guessMinConfidence = 40
)

// guessable lists the encodings a statistical guess may choose: the
// WHATWG legacy encodings chardet tells apart reliably. UTF-16 and UTF-32
// are found from zero bytes instead; ISO-2022-KR and -CN are the WHATWG
// "replacement" encoding and never guessed.
var guessable = map[string]bool{
	"windows-1250": true, "windows-1251": true, "windows-1252": true,
	"windows-1253": true, "windows-1254": true, "windows-1255": true,
	"windows-1256": true, "koi8-r": true, "iso-8859-2": true,
	"iso-8859-5": true, "iso-8859-7": true, "iso-8859-8": true,
	"shift_jis": true, "euc-jp": true, "iso-2022-jp": true,
	"gb18030": true, "gbk": true, "big5": true, "euc-kr": true,
}

// guessEncoding guesses the legacy encoding of an HTML page that is not
// UTF-8 from the statistics of its visible text (scripts, styles, comments
// and tags removed). It returns "" unless the guess is confident.
func guessEncoding(page []byte) string {
	sample := visibleText(page, guessSampleLimit)
	nonASCII := 0
	for _, c := range sample {
		if c >= 0x80 {
			nonASCII++
		}
	}
	if nonASCII < guessMinNonASCII {
		return ""
	}
	best, err := chardet.NewTextDetector().DetectBest(sample)
	if err != nil || best.Confidence < guessMinConfidence {
		return ""
	}
	name := encodingName(best.Charset)
	if !guessable[name] {
		return ""
	}
	return name
}

// visibleText returns up to limit bytes of the text of an HTML page: the
// bytes outside tags, comments, and script and style elements. Entities
// are left as they are; they are ASCII and do not sway a guess.
func visibleText(page []byte, limit int) []byte {
	out := make([]byte, 0, min(len(page), limit))
	for i := 0; i < len(page) && len(out) < limit; {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			j = len(page) - i
		}
		out = append(out, page[i:i+j]...)
		i += j
		if i >= len(page) {
			break
		}
		i = skipMarkup(page, i)
		if len(out) > 0 && out[len(out)-1] != ' ' {
			out = append(out, ' ') // tags separate words
		}
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// skipMarkup returns the position after the comment or tag at page[i]
// ('<'), and after the whole element for script and style.
func skipMarkup(page []byte, i int) int {
	rest := page[i:]
	if bytes.HasPrefix(rest, []byte("<!--")) {
		end := bytes.Index(rest[4:], []byte("-->"))
		if end < 0 {
			return len(page)
		}
		return i + 4 + end + 3
	}
	end := bytes.IndexByte(rest, '>')
	if end < 0 {
		return len(page)
	}
	for _, raw := range []string{"script", "style"} {
		if hasPrefixFold(rest[1:], raw) && len(rest) > len(raw)+1 && !isLetter(rest[len(raw)+1]) {
			close := indexFold(rest[end:], "</"+raw)
			if close < 0 {
				return len(page)
			}
			i += end + close
			rest = page[i:]
			end = bytes.IndexByte(rest, '>')
			if end < 0 {
				return len(page)
			}
			break
		}
	}
	return i + end + 1
}
