package declutter

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b/64] |= 1 << (b % 64) }
func (s *byteSet) has(b byte) bool { return s[b/64]&(1<<(b%64)) != 0 }
func (s *byteSet) union(o byteSet) {
	s[0], s[1], s[2], s[3] = s[0]|o[0], s[1]|o[1], s[2]|o[2], s[3]|o[3]
}
func (s *byteSet) addRange(lo, hi int) {
	for b := lo; b <= hi; b++ {
		s.add(byte(b))
	}
}

// firstBytes returns the bytes a match of the pattern can start with, for
// a pattern anchored at the start of the text whose matches are never
// empty. A Text pattern is run on every short element, and Go's regexp
// engine pays for each call even when the first letter already rules the
// match out; the set lets most calls be skipped. ok is false when the
// pattern is not anchored, can match the empty text, or fails to parse.
func firstBytes(pattern string) (set byteSet, ok bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return set, false
	}
	re = re.Simplify()
	if !anchoredAtStart(re) {
		return set, false
	}
	set, nullable := first(re)
	return set, !nullable
}

// anchoredAtStart reports whether every match of re begins at the start of
// the text (^ without the m flag, or \A).
func anchoredAtStart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return anchoredAtStart(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && anchoredAtStart(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !anchoredAtStart(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// first returns the bytes a match of re can start with and whether re can
// match the empty string (in which case what follows it counts too).
func first(re *syntax.Regexp) (set byteSet, nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return set, false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return set, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return set, true
		}
		addRune(&set, re.Rune[0], re.Flags&syntax.FoldCase != 0)
		return set, false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if lo < utf8.RuneSelf {
				set.addRange(int(lo), int(min(hi, utf8.RuneSelf-1)))
			}
			if hi >= utf8.RuneSelf {
				set.addRange(0xC0, 0xFF) // any lead byte: cheap and safe
			}
			if lo <= utf8.RuneError && utf8.RuneError <= hi {
				set.addRange(0x80, 0xFF) // an invalid byte reads as U+FFFD
			}
		}
		return set, false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		set.addRange(0, 0xFF)
		return set, false
	case syntax.OpCapture, syntax.OpPlus:
		return first(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		set, _ = first(re.Sub[0])
		return set, true
	case syntax.OpRepeat:
		set, nullable = first(re.Sub[0])
		return set, nullable || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			s, n := first(sub)
			set.union(s)
			if !n {
				return set, false
			}
		}
		return set, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, n := first(sub)
			set.union(s)
			nullable = nullable || n
		}
		return set, nullable
	}
	set.addRange(0, 0xFF) // an operator this does not know: anything
	return set, true
}

// addRune adds the first byte of r's UTF-8 form and, when folding case, of
// every rune that folds to it (k, K and the Kelvin sign). U+FFFD also
// stands for every invalid byte, as the regexp engine decodes them.
func addRune(set *byteSet, r rune, fold bool) {
	if r == utf8.RuneError {
		set.addRange(0x80, 0xFF)
	}
	var buf [utf8.UTFMax]byte
	f := r
	for {
		utf8.EncodeRune(buf[:], f)
		set.add(buf[0])
		if !fold {
			return
		}
		if f = unicode.SimpleFold(f); f == r {
			return
		}
	}
}
