package glossary

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: letters, digits and combining marks.
type token struct {
	start, end int // byte offsets in the text
	// keyStart and keyEnd locate the word's folded stem in tokenizer.keys.
	keyStart, keyEnd int32
	// abbr is set for words of two or more letters, all upper case (ООН, ЦУР).
	abbr bool
	// joined is set when only spaces, quotes or hyphens separate the word
	// from the one before, so both may belong to one term.
	joined bool
}

// tokenizer splits text into words and keeps their folded stems in one
// buffer, so matching allocates little.
type tokenizer struct {
	keys []byte
	toks []token
}

// key returns the folded stem of tok; valid until the next tokenize call.
func (tk *tokenizer) key(tok token) []byte { return tk.keys[tok.keyStart:tok.keyEnd] }

// tokenize returns the words of s.
func (tk *tokenizer) tokenize(s string) []token {
	if cap(tk.keys) < len(s) {
		tk.keys = make([]byte, 0, len(s)+8)
	}
	if want := len(s)/8 + 4; cap(tk.toks) < want {
		tk.toks = make([]token, 0, want)
	}
	tk.keys = tk.keys[:0]
	tk.toks = tk.toks[:0]
	joinable := false // whether the gap since the previous word still allows joining
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			joinable = joinable && isJoiner(r)
			i += size
			continue
		}
		tok := token{start: i, joined: joinable && len(tk.toks) > 0, keyStart: int32(len(tk.keys))}
		letters, upper := 0, 0
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			class, lower := classify(r)
			if class == notWord {
				break
			}
			if class >= lowerLetter {
				letters++
				if class == upperLetter {
					upper++
				}
			}
			tk.appendFolded(r, class, lower)
			i += size
		}
		tok.end = i
		tok.abbr = letters >= 2 && upper == letters
		tok.keyEnd = int32(len(tk.keys))
		tok.keyEnd = tok.keyStart + int32(stemLen(tk.keys[tok.keyStart:tok.keyEnd]))
		tk.keys = tk.keys[:tok.keyEnd]
		tk.toks = append(tk.toks, tok)
		joinable = true
	}
	return tk.toks
}

// appendFolded appends r lower-cased, with ё folded to е and combining marks
// dropped; a combining breve after и makes й, as in decomposed text.
func (tk *tokenizer) appendFolded(r rune, class runeClass, lower rune) {
	if class == mark {
		if r == '\u0306' && len(tk.keys) >= 2 && tk.keys[len(tk.keys)-2] == 0xd0 && tk.keys[len(tk.keys)-1] == 0xb8 {
			tk.keys = tk.keys[:len(tk.keys)-2]
			tk.keys = utf8.AppendRune(tk.keys, 'й')
		}
		return
	}
	if lower == 'ё' {
		lower = 'е'
	}
	tk.keys = utf8.AppendRune(tk.keys, lower)
}

// runeClass is what a rune is to the tokenizer.
type runeClass uint8

const (
	notWord runeClass = iota
	mark              // combining mark, part of the word but not compared
	digit
	lowerLetter // any letter that is not upper case
	upperLetter
)

// classify returns the class of r and its lower-case form. ASCII and the
// Russian letters take a fast path; the unicode tables answer the rest.
func classify(r rune) (runeClass, rune) {
	switch {
	case r >= 'а' && r <= 'я', r >= 'ѐ' && r <= 'џ', r >= 'a' && r <= 'z':
		return lowerLetter, r
	case r >= 'А' && r <= 'Я':
		return upperLetter, r + ('а' - 'А')
	case r >= 'Ѐ' && r <= 'Џ':
		return upperLetter, r + ('ѐ' - 'Ѐ')
	case r >= 'A' && r <= 'Z':
		return upperLetter, r + ('a' - 'A')
	case r >= '0' && r <= '9':
		return digit, r
	case r < 0x80:
		return notWord, r
	case unicode.IsUpper(r):
		return upperLetter, unicode.ToLower(r)
	case unicode.IsLetter(r):
		return lowerLetter, unicode.ToLower(r)
	case unicode.IsDigit(r):
		return digit, r
	case unicode.Is(unicode.Mn, r):
		return mark, r
	}
	return notWord, r
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	class, _ := classify(r)
	return class != notWord
}

// isJoiner reports whether r may stand between two words of one term:
// spaces, quotation marks and hyphens, but no other punctuation.
func isJoiner(r rune) bool {
	switch r {
	case '"', '«', '»', '„', '“', '”', '\'', '-', '\u2010', '\u2011':
		return true
	}
	return unicode.IsSpace(r)
}
