package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tilmash/internal/segment"
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
				if next, _ := utf8.DecodeRuneInString(s[i+size:]); isLetter(next) {
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
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r >= 'Ѐ' && r <= 'ѯ':
		return true
	case r < 0x80:
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// toLower lower-cases r with a fast path for ASCII and Russian letters and
// folds ё to е.
func toLower(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r >= 'А' && r <= 'Я':
		return r + ('а' - 'А')
	case r == 'Ё' || r == 'ё':
		return 'е'
	case r < 0x80, r >= 'а' && r <= 'я':
		return r
	}
	return unicode.ToLower(r)
}

// isUpper reports whether r is an upper-case letter.
func isUpper(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'А' && r <= 'Я':
		return true
	case r < 0x80, r >= 'а' && r <= 'я':
		return false
	}
	return unicode.IsUpper(r)
}

// isLetter reports whether r is a letter.
func isLetter(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= 'А' && r <= 'я':
		return true
	case r < 0x80:
		return false
	}
	return unicode.IsLetter(r)
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
	return strings.TrimSpace(withoutBidi(s[start:i]))
}

// withoutBidi drops invisible bidi controls and other invisible characters
// but the tab, which would only show as escapes in a quoted message.
func withoutBidi(s string) string {
	if strings.IndexFunc(s, isHidden) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isHidden(r) {
			return -1
		}
		return r
	}, s)
}

// isHidden reports an invisible character other than the tab.
func isHidden(r rune) bool {
	if r < 0xad {
		return false
	}
	_, ok := segment.InvisibleName(r)
	return ok
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
		return withoutBidi(s[i:])
	}
	if sp := strings.LastIndexAny(s[i:end], " \u00a0"); sp > 0 {
		end = i + sp
	}
	return withoutBidi(s[i:end]) + "…"
}

// runeName names a character for messages: the character itself and its
// code point.
func runeName(r rune) string {
	return "\"" + string(r) + "\" (" + codePoint(r) + ")"
}

// codePoint writes r as U+XXXX.
func codePoint(r rune) string { return "U+" + strings.ToUpper(hex4(r)) }

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
