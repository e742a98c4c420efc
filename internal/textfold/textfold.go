// Package textfold is the one definition of how Tilmash compares text in a
// search: NFC and Unicode lower case, so that "В Астане", "в астане" and a
// decomposed "ё" compare equal. The store folds what it keeps for
// searching in SQL (the memory's folded pairs, the documents' search text)
// and the application folds a document's segments when it searches them;
// both call Fold or AppendFold, so the two searches agree.
package textfold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold is s in NFC and Unicode lower case. Lower-casing comes first: it may
// leave a decomposed letter that NFC then composes.
//
// Text made only of simple runes (Latin and Cyrillic letters, digits,
// punctuation: see simpleRune) is lower-cased rune by rune without the
// normalizer, and returned as it is when nothing changes; anything else
// takes the full path.
func Fold(s string) string {
	changed := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			changed = changed || ('A' <= c && c <= 'Z')
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !simpleRune(r) {
			return norm.NFC.String(strings.ToLower(s))
		}
		changed = changed || lower(r) != r
		i += n
	}
	if !changed {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(lower(r))
	}
	return b.String()
}

// AppendFold appends Fold(s) to dst: for a search that folds many texts into
// one reused buffer, allocating only for a text beyond the simple runes.
func AppendFold(dst []byte, s string) []byte {
	start := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !simpleRune(r) {
			return append(dst[:start], Fold(s)...)
		}
		dst = utf8.AppendRune(dst, lower(r))
		i += n
	}
	return dst
}

// cyrillicLower is unicode.ToLower over the Cyrillic block (U+0400–U+04FF),
// Russian's and Kazakh's letters: a table lookup instead of a search of
// Unicode's case ranges, which made most of a segment search's time.
var cyrillicLower = func() (t [0x100]rune) {
	for i := range t {
		t[i] = unicode.ToLower(0x400 + rune(i))
	}
	return t
}()

// lower is unicode.ToLower with ASCII and the Cyrillic block looked up
// rather than searched: most of what Fold reads.
func lower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	case 0x400 <= r && r < 0x500:
		return cyrillicLower[r-0x400]
	}
	return unicode.ToLower(r)
}

// simpleRune reports whether r is in Latin (up to U+02FF) or Cyrillic
// (U+0400–U+052F without the combining marks U+0483–U+0489): runes that are
// in NFC on their own and never compose with the rune before them, and so are
// their lower cases (TestSimpleRunes checks each). A string of them is in
// NFC, and so is its lower case.
func simpleRune(r rune) bool {
	return r < 0x300 || (0x400 <= r && r < 0x483) || (0x48A <= r && r < 0x530)
}
