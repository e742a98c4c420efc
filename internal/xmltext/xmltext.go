// Package xmltext owns the one rule of which characters Tilmash stores: the
// Chars of XML 1.0. Every text Tilmash keeps may end up in an XLIFF or TMX
// file, and a character XML cannot carry (a C0 control other than tab,
// newline and carriage return; U+FFFE, U+FFFF; a surrogate, which in a Go
// string shows as invalid UTF-8) cannot be written there at all, not even as
// a character reference. So inputs are refused with Find, and texts stored
// before the rule existed are exported through Replace.
//
// The package is pure and imports only apperr and the standard library.
package xmltext

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"tilmash/internal/apperr"
)

// Bad is the first character of a text that XML 1.0 cannot carry.
type Bad struct {
	// Rune is the character; utf8.RuneError for a byte that is not UTF-8
	// (a lone surrogate encoded as UTF-8 is such a byte sequence).
	Rune rune
	// Byte is the byte offset of the character; Char its 1-based position
	// counted in characters, as people count.
	Byte, Char int
	// Invalid is true when the text is not UTF-8 at Byte.
	Invalid bool
}

// Code is the character as the messages show it: "U+000B", or "invalid
// UTF-8 byte 0xED".
func (b Bad) Code(s string) string {
	if b.Invalid {
		return fmt.Sprintf("invalid UTF-8 byte 0x%02X", s[b.Byte])
	}
	return fmt.Sprintf("U+%04X", b.Rune)
}

// Allowed reports whether r is a Char of the XML 1.0 grammar.
func Allowed(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// Find returns the first character of s that XML 1.0 cannot carry, and
// false when there is none. ASCII costs one comparison a byte.
func Find(s string) (Bad, bool) {
	char := 0
	for i := 0; i < len(s); {
		char++
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return Bad{Rune: rune(c), Byte: i, Char: char}, true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return Bad{Rune: utf8.RuneError, Byte: i, Char: char, Invalid: true}, true
		}
		if !Allowed(r) {
			return Bad{Rune: r, Byte: i, Char: char}, true
		}
		i += size
	}
	return Bad{}, false
}

// Check refuses a text that XML 1.0 cannot carry with an apperr of code
// Unprocessable (422). where names the text for people ("paragraph 3",
// "the translation of segment 12"); the message adds the character and its
// position, and the details carry "char" and "position" for programs.
func Check(where, s string) error {
	b, bad := Find(s)
	if !bad {
		return nil
	}
	code := b.Code(s)
	return apperr.New(apperr.Unprocessable, "%s has %s at character %d, which XML 1.0 cannot carry; remove it and try again",
		where, code, b.Char).With("char", code).With("position", b.Char)
}

// Replace returns s with every character XML 1.0 cannot carry replaced by
// U+FFFD, and how many were replaced. A text without any comes back as is,
// without copying.
func Replace(s string) (string, int) {
	b, bad := Find(s)
	if !bad {
		return s, 0
	}
	var out strings.Builder
	out.Grow(len(s) + 2)
	out.WriteString(s[:b.Byte])
	n := 0
	for i := b.Byte; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !Allowed(r) {
			out.WriteRune(utf8.RuneError)
			n++
		} else {
			out.WriteString(s[i : i+size])
		}
		i += size
	}
	return out.String(), n
}

// IsCharError reports whether err is encoding/xml's refusal of a character
// XML 1.0 cannot carry in a file being read ("illegal character code
// U+0007", with the line): readers of XLIFF, TMX and TBX answer it with the
// code Check uses, Unprocessable.
func IsCharError(err error) bool {
	var se *xml.SyntaxError
	return errors.As(err, &se) && strings.HasPrefix(se.Msg, "illegal character code")
}
