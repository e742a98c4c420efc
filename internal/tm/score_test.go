package tm

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestScore(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 100},
		{"abc", "abc", 100},
		{"Повестка дня", "повестка  ДНЯ", 100},    // case and inner whitespace fold
		{"  Повестка дня\t", "Повестка дня", 100}, // ends trimmed
		{"Повестка дня", "Повестки дня", 92},      // 1/12 = 8.3 %
		{"abc", "abd", 67}, // 1/3 = 33.3 %
		{"abcd", "abce", 75},
		{"abcdefgh", "abcdefgx", 87}, // 12.5 % rounds half up to 13
		{"ab", "", 0},                // everything deleted
		{"kitten", "sitting", 57},    // 3/7 = 42.9 %
		{"Ё", "ё", 100},              // Cyrillic capital folds
		{"e\u0301", "\u00e9", 100},   // NFC: decomposed and precomposed é are one text
		{"Straße", "STRASSE", 71},    // simple lower-casing, not full case folding: 2/7
		{strings.Repeat("a", 200) + "b", strings.Repeat("a", 201), 99}, // 0.5 % would round to 100
		{strings.Repeat("a", 300), strings.Repeat("a", 299) + "b", 99}, // 0.33 % rounds to 0
		{"a b", "a\u00a0b", 100},      // no-break space is whitespace
		{"abcdefghij", "abcdefg", 70}, // 3/10
		{"abcdefghij", "abcdef", 60},
	}
	for _, tt := range tests {
		if got := Score(tt.a, tt.b); got != tt.want {
			t.Errorf("Score(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Score(tt.b, tt.a); got != tt.want {
			t.Errorf("Score(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"  ООН  и\tПРООН\n", "оон и проон"},
		{"Ѐ Ѓ Є Ї", "ѐ ѓ є ї"},
		{"ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі"}, // Kazakh letters outside the basic Cyrillic block
		{"A\u00a0\u2003B", "a b"},
		{"e\u0301te\u0301", "\u00e9t\u00e9"},
		{"ÀÉÎ", "àéî"},
		{"  E\u0301\u3000\u3000Ж\u2028 ", "\u00e9 ж"}, // the slow path collapses and trims as the fast one
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMaxDistance checks the inverse of the score formula against the formula itself.
func TestMaxDistance(t *testing.T) {
	for l := 1; l <= 400; l++ {
		for s := 0; s <= 100; s++ {
			k := maxDistance(l, s)
			if got := scoreOf(k, l, l); got < s && !(k == 0 && s == 100) {
				t.Fatalf("maxDistance(%d, %d) = %d scores %d", l, s, k, got)
			}
			if k < l && scoreOf(k+1, l, l) >= s {
				t.Fatalf("maxDistance(%d, %d) = %d, but %d still scores %d", l, s, k, k+1, scoreOf(k+1, l, l))
			}
		}
	}
}

func TestLengthWindow(t *testing.T) {
	tests := []struct{ n, s, lo, hi int }{
		{5, 70, 4, 7},
		{100, 70, 70, 143},
		{100, 100, 100, 100},
		{0, 70, 0, 0},
		{10, 0, 0, 500},
	}
	for _, tt := range tests {
		lo, hi := lengthWindow(tt.n, tt.s, 500)
		if lo != tt.lo || hi != tt.hi {
			t.Errorf("lengthWindow(%d, %d) = [%d, %d], want [%d, %d]", tt.n, tt.s, lo, hi, tt.lo, tt.hi)
		}
		// every length in the window can score s, the neighbours cannot
		for _, m := range []int{lo - 1, lo, hi, hi + 1} {
			in := m >= lo && m <= hi
			if m < 0 || m > 500 {
				continue
			}
			can := abs(tt.n-m) <= maxDistance(max(tt.n, m), tt.s)
			if in != can {
				t.Errorf("n=%d s=%d: length %d in window = %v, reachable = %v", tt.n, tt.s, m, in, can)
			}
		}
	}
}

// TestNFCSafe proves the fast path of fold: every rune it skips the NFC check for is in NFC and
// cannot compose with the rune before it.
func TestNFCSafe(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if !nfcSafe(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Errorf("U+%04X is not safe to skip NFC for", r)
		}
	}
}

func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(U+%04X) = %v", r, isSpace(r))
		}
	}
}
