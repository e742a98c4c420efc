package segment

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"\uFEFFТекст", "Текст"},
		{"а\r\nб\rв\n", "а\nб\nв\n"},
		{"\r\n\r\n", "\n\n"},
		{"и\u0306", "й"},       // composes
		{"й\u0306", "й\u0306"}, // nothing to compose with: kept, reported by Inspect
		{"е\u0308ж", "ёж"},     // composes
		{"  два  пробела\t", "  два  пробела\t"}, // nothing else changes
		{"текст\uFEFFвнутри", "текст\uFEFFвнутри"},
		{"\u2126", "\u03a9"}, // OHM SIGN is a singleton: NFC maps it to OMEGA
	}
	for _, tc := range tests {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFor(t *testing.T) {
	tests := []struct{ tag, lang string }{
		{"ru", "ru"}, {"RU", "ru"}, {"ru-KZ", "ru"}, {"en", "en"}, {"en_GB", "en"}, {"kk", "kk"},
		{"ky", "und"}, {"fa-AF", "und"}, {"", "und"},
	}
	for _, tc := range tests {
		if got := For(tc.tag).Lang(); got != tc.lang {
			t.Errorf("For(%q).Lang() = %q, want %q", tc.tag, got, tc.lang)
		}
	}
}

func TestOtherLanguages(t *testing.T) {
	tests := []struct {
		lang, in string
		want     []string
	}{
		{"en", "Mr. Smith met Dr. Jones at 5 p.m. on Monday. They talked.",
			[]string{"Mr. Smith met Dr. Jones at 5 p.m. on Monday.", "They talked."}},
		{"en", "We bought apples, pears, etc. The rest was sold.",
			[]string{"We bought apples, pears, etc.", "The rest was sold."}},
		{"en", "See Fig. 3 for details. It is clear.", []string{"See Fig. 3 for details.", "It is clear."}},
		{"en", "Is it true? Yes! It is 3.5 times bigger.", []string{"Is it true?", "Yes!", "It is 3.5 times bigger."}},
		{"kk", "Семинар 2019 ж. Астанада өтті. Оған он ел қатысты.",
			[]string{"Семинар 2019 ж. Астанада өтті.", "Оған он ел қатысты."}},
		{"kk", "Кітаптар, журналдар т.б. Бұл тізім толық емес.",
			[]string{"Кітаптар, журналдар т.б.", "Бұл тізім толық емес."}},
		{"uz", "Seminar Toshkentda o‘tdi. Unda A. B. Karimov so‘zladi.",
			[]string{"Seminar Toshkentda o‘tdi.", "Unda A. B. Karimov so‘zladi."}},
		{"ar", "عقدت الندوة في ألماتي. شارك فيها خبراء!", []string{"عقدت الندوة في ألماتي.", "شارك فيها خبراء!"}},
	}
	for _, tc := range tests {
		if got := For(tc.lang).Sentences(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("For(%q).Sentences(%q)\n got: %q\nwant: %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestRuneHelpers checks the scanner's fast paths against the unicode and utf8 packages for every
// rune below U+3000 and a sample above.
func TestRuneHelpers(t *testing.T) {
	check := func(r rune) {
		if isSpace(r) != unicode.IsSpace(r) || isUpper(r) != unicode.IsUpper(r) ||
			isLower(r) != unicode.IsLower(r) || isLetter(r) != unicode.IsLetter(r) ||
			isWordRune(r) != (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)) {
			t.Errorf("classification of %U differs from package unicode", r)
		}
		s := "x" + string(r) + "y"
		if got, size := runeAt(s, 1); got != r || size != utf8.RuneLen(r) {
			t.Errorf("runeAt(%U) = %U, %d", r, got, size)
		}
		if got, size := lastRune(s[:len(s)-1]); got != r || size != utf8.RuneLen(r) {
			t.Errorf("lastRune(%U) = %U, %d", r, got, size)
		}
		var k keyBuf
		k.appendLower(string(r))
		if want := strings.ToLower(string(r)); string(k.bytes()) != want && r != ' ' {
			t.Errorf("appendLower(%U) = %q, want %q", r, k.bytes(), want)
		}
	}
	for r := rune(0); r < 0x3000; r++ {
		if r < 0xD800 || r >= 0xE000 {
			check(r)
		}
	}
	for _, r := range []rune{0x3000, 0xFEFF, 0x1F600, 0x10FFFF, 0xFF21, 0x1D400} {
		check(r)
	}
	for _, s := range []string{"\xff", "a\xc2", "\xd0", "\xe2\x80"} {
		r1, n1 := runeAt(s, len(s)-1)
		r2, n2 := utf8.DecodeRuneInString(s[len(s)-1:])
		if r1 != r2 || n1 != n2 {
			t.Errorf("runeAt on invalid %q", s)
		}
		r1, n1 = lastRune(s)
		r2, n2 = utf8.DecodeLastRuneInString(s)
		if r1 != r2 || n1 != n2 {
			t.Errorf("lastRune on invalid %q", s)
		}
	}
}

// TestIsNFC compares the fast NFC check with the norm package on random mixes of letters,
// combining marks, singletons and invalid bytes.
func TestIsNFC(t *testing.T) {
	alphabet := []string{"а", "и", "е", "й", "A", "e", " ", ".", "\u0306", "\u0301", "\u0308", "\u0323",
		"Ω", "\u0344", "가", "\u1161", "\u09be", "\u09c7", "ع", "\u064e", "\xff", "\xd0", "‰", "…", "«"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Fatalf("isNFC(%q) = %v, norm says %v", s, got, want)
		}
	}
}
