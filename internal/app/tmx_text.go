package app

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nfcSafeLimit bounds the runes nfcSafe answers for: Latin, Greek,
// Cyrillic, Arabic, general punctuation, everything a TMX of the project's
// languages is made of in practice.
const nfcSafeLimit = 0x3000

// nfcSafe is the set of runes below nfcSafeLimit that are unchanged by NFC
// whatever surrounds them: NFC quick check "yes" (the rune alone is
// normalised) and a starter that never combines with what precedes it
// (canonical combining class 0, not a second half of a composition).
// A string of such runes alone is in NFC (UAX #15, quick check).
var nfcSafe = sync.OnceValue(func() *[nfcSafeLimit / 64]uint64 {
	var set [nfcSafeLimit / 64]uint64
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < nfcSafeLimit; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := buf[:utf8.EncodeRune(buf[:], r)]
		if p := norm.NFC.Properties(s); p.BoundaryBefore() && norm.NFC.IsNormal(s) {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
})

// cleanUnitText is cleanText for the texts of a TMX import: the ends
// trimmed and NFC, without running the normaliser over the common text that
// nfcSafe shows to be normalised already.
func cleanUnitText(text string) string {
	text = strings.TrimSpace(text)
	set := nfcSafe()
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r >= nfcSafeLimit || set[r/64]&(1<<(r%64)) == 0 { // also utf8.RuneError: above the limit
			return norm.NFC.String(text)
		}
		i += n
	}
	return text
}
