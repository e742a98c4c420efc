package tm

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold appends to buf the folded form of s: Unicode NFC, simple lower-casing, every run of
// whitespace collapsed to one space and the ends trimmed. Scores and the index compare folded text
// only, so "Повестка  дня" and "повестка дня" are the same source.
func fold(s string, buf []rune) []rune {
	out, ok := foldFast(s, buf)
	if ok {
		return out
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	out = buf[:0]
	pendingSpace := false
	for _, r := range s {
		if isSpace(r) {
			pendingSpace = len(out) > 0
			continue
		}
		if pendingSpace {
			out = append(out, ' ')
			pendingSpace = false
		}
		out = append(out, lower(r))
	}
	return out
}

// foldFast folds s when every rune is in nfcSafe, so the NFC check can be skipped; it reports
// false otherwise. The check costs more than the rest of folding.
func foldFast(s string, buf []rune) ([]rune, bool) {
	out := buf[:0]
	pendingSpace := false
	for i := 0; i < len(s); {
		var r rune
		// ASCII and two-byte UTF-8 (Latin, Cyrillic) decoded inline: this loop runs on every
		// candidate a lookup verifies.
		if c := s[i]; c < 0x80 {
			r = rune(c)
			i++
		} else if c&0xe0 == 0xc0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 && c >= 0xc2 {
			r = rune(c&0x1f)<<6 | rune(s[i+1]&0x3f)
			i += 2
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		if !nfcSafe(r) {
			return buf[:0], false
		}
		if isSpace(r) {
			pendingSpace = len(out) > 0
			continue
		}
		if pendingSpace {
			out = append(out, ' ')
			pendingSpace = false
		}
		out = append(out, lower(r))
	}
	return out, true
}

// nfcSafe reports runes that are in NFC and never combine with the rune before them, so a text of
// such runes only is already in NFC (TestNFCSafe proves it for every one of them).
func nfcSafe(r rune) bool {
	switch {
	case r < 0x300: // Latin up to the combining diacritics
		return true
	case r < 0x400:
		return false
	case r <= 0x482: // Cyrillic up to the combining titlo
		return true
	case r < 0x48a:
		return false
	case r <= 0x52f: // Cyrillic and its supplement
		return true
	case r >= 0x2010 && r <= 0x205e: // dashes, quotes, ellipsis
		return true
	}
	return r == 0x2116 // №
}

// Fold returns the folded form of s as a string (NFC, lower case, whitespace trimmed and collapsed).
// Two sources with the same folded form score 100 against each other.
func Fold(s string) string {
	return string(fold(s, nil))
}

func isSpace(r rune) bool {
	switch {
	case r < 0x80:
		return r == ' ' || (r >= '\t' && r <= '\r')
	case r == 0x85 || r == 0xa0:
		return true
	case r < 0x1680: // no other space below U+1680; Cyrillic takes this branch
		return false
	}
	return unicode.IsSpace(r)
}

// lower has fast paths for ASCII and basic Cyrillic, the bulk of the text, because folding runs on
// every candidate a lookup verifies.
func lower(r rune) rune {
	switch {
	case r < 0x80:
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	case r >= 0x410 && r <= 0x42F: // А..Я
		return r + 0x20
	case r >= 0x430 && r <= 0x45F: // а..я, ѐ..џ
		return r
	case r >= 0x400 && r <= 0x40F: // Ѐ..Џ
		return r + 0x50
	}
	return unicode.ToLower(r)
}
