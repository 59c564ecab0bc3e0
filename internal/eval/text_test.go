package eval

import (
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ,;  ", nil},
		{"Hello, world_1!", []string{"Hello", "world_1"}},
		{"it's 3.5 km", []string{"it", "s", "3", "5", "km"}},
		{"Ünïcode — 東京タワー", []string{"Ünïcode", "東京タワー"}},
		{"हिन्दी भाषा", []string{"हिन्दी", "भाषा"}}, // combining vowel signs stay in the word
		{"e\u0301te", []string{"e\u0301te"}},        // a combining accent does not split
		{"a\u00a0b\tc\nd", []string{"a", "b", "c", "d"}},
		{"½ ²", []string{"½", "²"}},
	} {
		if got := Tokens(tc.in); !reflect.DeepEqual(got, tc.want) && len(got)+len(tc.want) > 0 {
			t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestShingles(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want map[string]int
	}{
		{"", map[string]int{}},
		{"...", map[string]int{}},
		{"one", map[string]int{"one": 1}},
		{"a b, c", map[string]int{"a b c": 1}},
		{"a b c d", map[string]int{"a b c d": 1}},
		{"a b c d e", map[string]int{"a b c d": 1, "b c d e": 1}},
		{"x x x x x x", map[string]int{"x x x x": 3}},
		{"A b c d", map[string]int{"A b c d": 1}}, // case is kept
	} {
		if got := Shingles(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Shingles(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	same := [][2]string{
		{"Hello, World", "hello, world"},
		{"“Hello, World!”", "Hello, World"},
		{"  'Quoted'  ", "quoted"},
		{"«Le Monde»", "le monde"},
		{"Ｈｅｌｌｏ", "hello"}, // NFKC folds full-width forms
		{"ﬁne", "fine"},    // and ligatures
		{"A  \n\t B", "a b"},
		{"Straße", "STRASSE"}, // full case folding
		{"... Why? ...", "why"},
		{"`code`", "code"},
		{"Ein bisschen Fortschritt\u200b", "Ein bisschen Fortschritt"}, // zero-width space at an end
	}
	for _, p := range same {
		if a, b := NormalizeName(p[0]), NormalizeName(p[1]); a != b {
			t.Errorf("NormalizeName(%q) = %q, NormalizeName(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"Hello - World", "Hello World"}, // inner punctuation counts
		{"Hello World | Site", "Hello World"},
		{"ab", "a b"},
		{"a\u200bb", "ab"}, // only the ends are trimmed
	}
	for _, p := range differ {
		if a, b := NormalizeName(p[0]), NormalizeName(p[1]); a == b {
			t.Errorf("NormalizeName(%q) == NormalizeName(%q) == %q; want different", p[0], p[1], a)
		}
	}
}

func TestTokenSetF1(t *testing.T) {
	for _, tc := range []struct {
		got, want string
		f1        float64
	}{
		{"Jane Doe", "Jane Doe", 1},
		{"JANE DOE", "Jane Doe", 1},
		{"Doe, Jane", "Jane Doe", 1},
		{"By Jane Doe", "Jane Doe", 0.8},     // 2·2/(3+2)
		{"Jane Doe Jane Doe", "Jane Doe", 1}, // a set: repeats do not count
		{"Jane Doe, Staff Writer", "Jane Doe", 2 * 2.0 / 6},
		{"", "Jane Doe", 0},
		{"John Roe", "Jane Doe", 0},
	} {
		if got := tokenSetF1(tc.got, tc.want); !near(got, tc.f1) {
			t.Errorf("tokenSetF1(%q, %q) = %v, want %v", tc.got, tc.want, got, tc.f1)
		}
	}
}

func TestPrimaryLang(t *testing.T) {
	for in, want := range map[string]string{"en": "en", "en-US": "en", "EN_gb": "en", " de ": "de", "zh-Hant-TW": "zh", "": ""} {
		if got := primaryLang(in); got != want {
			t.Errorf("primaryLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func near(a, b float64) bool {
	d := a - b
	return d < 1e-9 && d > -1e-9
}
