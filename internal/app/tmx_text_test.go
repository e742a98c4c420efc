package app

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNFCSafeRunes checks the fast path's set rune by rune: every rune in it
// is its own NFC and a starter nothing before it combines with.
func TestNFCSafeRunes(t *testing.T) {
	set := nfcSafe()
	n := 0
	for r := rune(0); r < nfcSafeLimit; r++ {
		if set[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		n++
		s := string(r)
		if p := norm.NFC.PropertiesString(s); !utf8.ValidRune(r) || norm.NFC.String(s) != s || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("U+%04X is in the set but not safe", r)
		}
	}
	// The alphabets of the project's languages are in, combining marks are not.
	for _, r := range "аяЁёйЙәғқңөұүһіӘҒҚҢӨҰҮҺІ«»—–…№“”ʻپښتودری" {
		if set[r/64]&(1<<(r%64)) == 0 {
			t.Errorf("%q (U+%04X) is not in the set", r, r)
		}
	}
	for _, r := range []rune{0x0301, 0x0306, 0x0308, 0x064B, 0x0654, 0x2000, 0x2126} {
		if set[r/64]&(1<<(r%64)) != 0 {
			t.Errorf("U+%04X is in the set", r)
		}
	}
	t.Logf("%d safe runes below U+%04X", n, nfcSafeLimit)
}

// TestCleanUnitText compares the fast path with cleanText on texts mixing
// safe runes, combining marks, decomposed letters and invalid bytes.
func TestCleanUnitText(t *testing.T) {
	cases := []string{"", "  ", " Семинар прошёл в Алматы. ", "йод", "и\u0306од", "е\u0308ж", "A\u030a", "\u212b",
		"Қорытынды — 2030 жылы…", "ا\u0654", "a\xffb", "\u2000x", "😀 эмодзи", "\t\n x \u00a0"}
	pieces := []string{"а", "й", "\u0306", "\u0301", "e", " ", "ә", "\u0308", "\xd0", "—", "\u2126", "한", "\u1100\u1161", "ñ", "n\u0303"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := cleanUnitText(s), cleanText(s); got != want {
			t.Fatalf("cleanUnitText(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCleanUnitText(f *testing.F) {
	for _, s := range []string{"Семинар прошёл.", "и\u0306", "\u212b", " a\xff "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanUnitText(s), cleanText(s); got != want {
			t.Fatalf("cleanUnitText(%q) = %q, want %q", s, got, want)
		}
	})
}
