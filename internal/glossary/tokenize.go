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
			if !isWordRune(r) {
				break
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
			tk.appendFolded(r)
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
func (tk *tokenizer) appendFolded(r rune) {
	if unicode.Is(unicode.Mn, r) {
		if r == '\u0306' && len(tk.keys) >= 2 && tk.keys[len(tk.keys)-2] == 0xd0 && tk.keys[len(tk.keys)-1] == 0xb8 {
			tk.keys = tk.keys[:len(tk.keys)-2]
			tk.keys = utf8.AppendRune(tk.keys, 'й')
		}
		return
	}
	r = unicode.ToLower(r)
	if r == 'ё' {
		r = 'е'
	}
	tk.keys = utf8.AppendRune(tk.keys, r)
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
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
