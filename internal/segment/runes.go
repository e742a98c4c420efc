package segment

import (
	"unicode"
	"unicode/utf8"
)

// The scanner's rune helpers: exact equivalents of the unicode and utf8 functions, with fast
// paths for ASCII and Cyrillic, which are nearly all of the input.

// runeAt decodes the rune at s[i].
func runeAt(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// lastRune decodes the last rune of s.
func lastRune(s string) (rune, int) {
	n := len(s)
	if n == 0 {
		return utf8.RuneError, 0
	}
	if c := s[n-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	if n >= 2 && s[n-1]&0xC0 == 0x80 && s[n-2] >= 0xC2 && s[n-2] < 0xE0 {
		return rune(s[n-2]&0x1F)<<6 | rune(s[n-1]&0x3F), 2
	}
	return utf8.DecodeLastRuneInString(s)
}

// isSpace is unicode.IsSpace.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	if r < 0x85 || 0xA0 < r && r < 0x1680 {
		return false
	}
	return unicode.IsSpace(r)
}

// Basic Cyrillic: А-Я U+0410-042F, а-я U+0430-044F, Ѐ-Џ U+0400-040F, ѐ-џ U+0450-045F.
func isUpper(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'A' <= r && r <= 'Z'
	case 0x0400 <= r && r < 0x0430:
		return true
	case 0x0430 <= r && r < 0x0460:
		return false
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z'
	case 0x0400 <= r && r < 0x0430:
		return false
	case 0x0430 <= r && r < 0x0460:
		return true
	}
	return unicode.IsLower(r)
}

// isWordRune: a letter or a combining mark.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x0400 <= r && r < 0x0482, 0x048A <= r && r < 0x0530:
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x0400 <= r && r < 0x0482, 0x048A <= r && r < 0x0530:
		return true
	}
	return unicode.IsLetter(r)
}
