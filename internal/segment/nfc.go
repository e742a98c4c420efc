package segment

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nfcSafeLimit: runes below it are classified in nfcSafe; the rest take the slow path. It covers
// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts and general punctuation.
const nfcSafeLimit = 0x3000

// nfcSafe is a bit set of the runes that are in NFC on their own and never combine with what
// precedes them: a text made only of them is in NFC. Built once at start-up, never changed.
var nfcSafe = buildNFCSafe()

// nfcSafeLead2 marks the lead bytes of two-byte sequences whose every rune is safe (Cyrillic D0
// and D1 among them), so the common case skips a rune without decoding it.
var nfcSafeLead2 = buildNFCSafeLead2()

func buildNFCSafeLead2() *[256]bool {
	var lead [256]bool
	for c := 0xC2; c < 0xE0; c++ {
		all := true
		for cont := 0x80; cont < 0xC0; cont++ {
			r := rune(c&0x1F)<<6 | rune(cont&0x3F)
			all = all && isNFCSafe(r)
		}
		lead[c] = all
	}
	return &lead
}

func buildNFCSafe() *[nfcSafeLimit / 64]uint64 {
	var set [nfcSafeLimit / 64]uint64
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < nfcSafeLimit; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		s := buf[:utf8.EncodeRune(buf[:], r)]
		if norm.NFC.IsNormal(s) && norm.NFC.Properties(s).BoundaryBefore() {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
}

func isNFCSafe(r rune) bool {
	return r < nfcSafeLimit && nfcSafe[r/64]&(1<<(r%64)) != 0
}

// isNFC reports whether s is in Unicode NFC. It is a faster equivalent of
// norm.NFC.IsNormalString for text that is mostly in scripts below U+3000: runs of safe runes are
// skipped with a table lookup, and only the stretches around other runes go to the norm package
// (normalization is local between runes that start a new segment, so checking those stretches
// alone is exact).
func isNFC(s string) bool {
	n := len(s)
	lastSafe := 0 // offset of the last safe rune seen (a normalization boundary)
	for i := 0; i < n; {
		c := s[i]
		if c < utf8.RuneSelf {
			lastSafe = i
			i++
			continue
		}
		if nfcSafeLead2[c] && i+1 < n && s[i+1]&0xC0 == 0x80 {
			lastSafe = i
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isNFCSafe(r) {
			lastSafe = i
			i += size
			continue
		}
		// Extend to the next safe rune and check the stretch from the last boundary.
		j := i + size
		for j < n {
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			if r2 < utf8.RuneSelf || isNFCSafe(r2) {
				break
			}
			j += size2
		}
		if !norm.NFC.IsNormalString(s[lastSafe:j]) {
			return false
		}
		i = j
	}
	return true
}
