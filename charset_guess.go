package declutter

import (
	"bytes"
	"unicode"

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
	// guessMinConfidence is the lowest chardet confidence (1-100) taken,
	// and guessMinMargin how far ahead of the best other encoding it must
	// be. In the charset matrix right guesses score 51-100 and lead by 19
	// or more; Cyrillic texts that score lower get a second check.
	guessMinConfidence = 40
	guessMinMargin     = 10
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
	// DetectAll rather than DetectBest: the latter breaks ties by the
	// order its goroutines finish in.
	results, err := chardet.NewTextDetector().DetectAll(sample)
	if err != nil || len(results) == 0 {
		return ""
	}
	best := encodingName(results[0].Charset)
	margin := results[0].Confidence
	for _, r := range results[1:] {
		if encodingName(r.Charset) != best {
			margin -= r.Confidence
			break
		}
	}
	switch {
	case !guessable[best] || margin < guessMinMargin:
		return "" // two encodings fit about as well: not confident
	case results[0].Confidence >= guessMinConfidence:
		return best
	case (best == "windows-1251" || best == "koi8-r") && naturalCyrillic(decodeAs(sample, best)):
		// chardet's Cyrillic models are trained on Russian and score
		// short texts and other Cyrillic languages low; letter case
		// confirms its pick (see naturalCyrillic).
		return best
	}
	return ""
}

// naturalCyrillic reports whether text reads as Cyrillic prose: enough
// Cyrillic letters, nearly all non-ASCII letters Cyrillic, and mostly
// lower case. windows-1251 and KOI8-R put each other's lower-case letters
// where their own capitals are, so the wrong one of the two reads as
// mostly capitals.
func naturalCyrillic(text []byte) bool {
	var cyr, lower, other int
	for _, r := range string(text) {
		switch {
		case r < 0x80:
		case unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r):
			cyr++
			if unicode.IsLower(r) {
				lower++
			}
		case unicode.IsLetter(r):
			other++
		}
	}
	return cyr >= guessMinNonASCII && other*20 <= cyr && lower*10 >= cyr*7
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
