package textfold

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestSimpleRunes checks what Fold's fast path assumes of every simple rune
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

// FuzzFold: the fast path agrees with the definition, NFC of the lower
// case, and AppendFold with Fold.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"В Астане", "ӘКІМ Қалада", "Е\u0308ЛКА", "İstanbul", "ΣΊΣΥΦΟΣ", "가\u1100", "ÅNGSTRÖM Å", "a\u0301", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		want := norm.NFC.String(strings.ToLower(s))
		if got := Fold(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
		if got := string(AppendFold([]byte("x"), s)); got != "x"+want {
			t.Errorf("AppendFold(x, %q) = %q, want %q", s, got, "x"+want)
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

func TestFold(t *testing.T) {
	tests := map[string]string{
		"В Астане":     "в астане",
		"ӘКІМ Қалада":  "әкім қалада",
		"Е\u0308ЛКА":   "ёлка", // NFD upper case → NFC lower case
		"е\u0308лка":   "ёлка",
		"aLMaty 50%_":  "almaty 50%_",
		"ҮҢҒҰӨҺ":       "үңғұөһ",
		"уже в нижнем": "уже в нижнем",
		"":             "",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
