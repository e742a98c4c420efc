package store

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestSimpleRunes checks what fold's fast path assumes of every simple rune
// and of its lower case: in NFC alone, never composing with the rune before.
func TestSimpleRunes(t *testing.T) {
	for r := rune(0); r < 0x530; r++ {
		if !simpleRune(r) {
			continue
		}
		for _, x := range []rune{r, unicode.ToLower(r)} {
			p := norm.NFC.PropertiesString(string(x))
			if !norm.NFC.IsNormalString(string(x)) || !p.BoundaryBefore() {
				t.Errorf("U+%04X (from U+%04X): NFC %v, boundary before %v", x, r, norm.NFC.IsNormalString(string(x)), p.BoundaryBefore())
			}
		}
	}
}

// FuzzFold: the fast path agrees with the definition, NFC of the lower case.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"В Астане", "ӘКІМ Қалада", "Е\u0308ЛКА", "İstanbul", "ΣΊΣΥΦΟΣ", "가\u1100", "ÅNGSTRÖM Å", "a\u0301", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		if got, want := fold(s), norm.NFC.String(strings.ToLower(s)); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestLower(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := lower(r), unicode.ToLower(r); got != want {
			t.Fatalf("lower(U+%04X) = U+%04X, want U+%04X", r, got, want)
		}
	}
}
