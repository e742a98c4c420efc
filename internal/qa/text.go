package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a word of a text: letters, combining marks and digits, with
// apostrophes between letters kept inside (Uzbek "oʻzbek", "o'zbek").
type span struct{ start, end int }

// words returns the words of s.
func words(s string, dst []span) []span {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(s) {
				if next, _ := utf8.DecodeRuneInString(s[i+size:]); unicode.IsLetter(next) {
					i += size
					continue
				}
			}
			break
		}
		dst = append(dst, span{start, i})
	}
	return dst
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', '`':
		return true
	}
	return false
}

// contextBefore returns up to about 25 characters of s before byte offset i,
// starting at a word boundary, for messages ("after ...").
func contextBefore(s string, i int) string {
	const max = 25
	start, n := i, 0
	for start > 0 && n < max {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
		n++
	}
	if start > 0 {
		if sp := strings.IndexAny(s[start:i], " \u00a0"); sp >= 0 {
			start += sp + 1
		}
	}
	return strings.TrimSpace(s[start:i])
}

// contextAfter returns up to about 25 characters of s from byte offset i,
// ending at a word boundary, with "…" when cut.
func contextAfter(s string, i int) string {
	const max = 25
	end, n := i, 0
	for end < len(s) && n < max {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		n++
	}
	if end >= len(s) {
		return s[i:]
	}
	if sp := strings.LastIndexAny(s[i:end], " \u00a0"); sp > 0 {
		end = i + sp
	}
	return s[i:end] + "…"
}

// runeName names a character for messages: the character itself and its
// code point.
func runeName(r rune) string {
	return "\"" + string(r) + "\" (U+" + strings.ToUpper(hex4(r)) + ")"
}

func hex4(r rune) string {
	const digits = "0123456789abcdef"
	var b [8]byte
	i := len(b)
	for v := uint32(r); v > 0 || i > len(b)-4; v >>= 4 {
		i--
		b[i] = digits[v&0xf]
	}
	return string(b[i:])
}
