package segment

import (
	"fmt"
	"unicode/utf8"
)

// foldLookalikes returns the lookup key k with, in each of its space-separated words that has
// letters of the language's own script and whose Latin letters all have a twin in the
// lookalikes table, every Latin letter replaced by its twin: "cт.л" (Latin c) becomes "ст.л".
// Typists and spam filters mix the scripts inside Russian words; a word wholly in Latin ("cm",
// "p") is left alone, and so is a word with a Latin letter that has no twin. changed is false
// when nothing was folded or the folded key would not fit.
func (s *Segmenter) foldLookalikes(k *keyBuf) (out keyBuf, changed bool) {
	b := k.bytes()
	if !mixedScripts(b) {
		return out, false // the common miss: an ordinary word in one script
	}
	for len(b) > 0 {
		n := 0
		own, latin, foldable := false, false, true
		for ; n < len(b) && b[n] != ' '; n++ {
			switch c := b[n]; {
			case c >= utf8.RuneSelf:
				own = true
			case 'a' <= c && c <= 'z':
				latin = true
				foldable = foldable && s.fold[c] != 0
			}
		}
		fold := own && latin && foldable
		for _, c := range b[:n] {
			if fold && 'a' <= c && c <= 'z' {
				r := s.fold[c]
				if out.n+utf8.RuneLen(r) > maxKeyBytes {
					return out, false
				}
				out.n += utf8.EncodeRune(out.b[out.n:], r)
				continue
			}
			if !out.appendByte(c) {
				return out, false
			}
		}
		changed = changed || fold
		if n == len(b) {
			break
		}
		if !out.appendByte(' ') {
			return out, false
		}
		b = b[n+1:]
	}
	return out, changed
}

// lookupKey finds the key k in one of the rules' tables, or, when the rules have look-alikes and
// k is not there, k with its look-alikes folded ("1 cт.л." with a Latin c is the unit "ст.л"):
// the one place a lookup retries folded, so every table reads typists' mixed scripts alike.
func lookupKey[V any](s *Segmenter, table map[string]V, k *keyBuf) (V, bool) {
	if v, ok := table[string(k.bytes())]; ok || !s.folding {
		return v, ok
	}
	folded, changed := s.foldLookalikes(k)
	if !changed {
		var none V
		return none, false
	}
	v, ok := table[string(folded.bytes())]
	return v, ok
}

// mixedScripts: the key has both an ASCII letter and a byte of a non-ASCII letter.
func mixedScripts(b []byte) bool {
	ascii, other := false, false
	for _, c := range b {
		if c >= utf8.RuneSelf {
			other = true
		} else if 'a' <= c && c <= 'z' {
			ascii = true
		}
	}
	return ascii && other
}

// lookalikeNote tells, for Explain, how a token with Latin look-alikes was read for the lookup;
// empty when it has none.
func (s *Segmenter) lookalikeNote(tok string) string {
	if !s.folding {
		return ""
	}
	var k keyBuf
	if !k.appendLower(tok) {
		return ""
	}
	folded, changed := s.foldLookalikes(&k)
	if !changed {
		return ""
	}
	return fmt.Sprintf("; %q is looked up as %q: in a word otherwise in the language's own script, Latin letters that look like its letters are read as them (lookalikes table); the text is unchanged", tok, folded.bytes())
}
