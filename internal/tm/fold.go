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
	f := folder{s: s, normalized: true}
	out, _ = f.next(buf, len(s)+1)
	return out
}

// foldFast folds s when every rune is in nfcSafe, so the NFC check can be skipped; it reports
// false otherwise. The check costs more than the rest of folding.
func foldFast(s string, buf []rune) ([]rune, bool) {
	f := folder{s: s}
	return f.next(buf, len(s)+1) // a text has no more runes than bytes: one piece is all of it
}

// folder folds a text piece by piece, as foldFast would all at once: a verification that stops
// early (most do, about halfway) folds no more of its candidate than it read.
type folder struct {
	s          string
	i          int  // next byte of s
	normalized bool // s is in NFC (fold's slow path): runes outside nfcSafe fold as the others
	started    bool // a rune was written: whitespace after it becomes one space before the next
	pending    bool
}

// next appends to buf[:0] the next folded runes of the text, at least limit of them unless the
// text ends first (an empty piece: it has ended). ok is false when the text holds a rune outside
// nfcSafe and the text is not known to be in NFC: it needs fold's slow path, whole.
func (f *folder) next(buf []rune, limit int) (piece []rune, ok bool) {
	out := buf[:0]
	s := f.s
	for f.i < len(s) && len(out) < limit {
		var r, folded rune
		// ASCII and two-byte UTF-8 (Latin, Cyrillic) decoded inline and folded by a table: this
		// loop runs on every candidate a lookup verifies.
		if c := s[f.i]; c < 0x80 {
			r = rune(c)
			folded = foldSmall[r]
			f.i++
		} else if c&0xe0 == 0xc0 && f.i+1 < len(s) && s[f.i+1]&0xc0 == 0x80 && c >= 0xc2 {
			r = rune(c&0x1f)<<6 | rune(s[f.i+1]&0x3f)
			folded = foldSmall[r]
			f.i += 2
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[f.i:])
			f.i += size
			folded = foldRune(r)
		}
		if folded == foldUnsafe {
			if !f.normalized {
				return buf[:0], false
			}
			folded = foldNormalized(r)
		}
		if folded == foldSpace {
			f.pending = f.started
			continue
		}
		if f.pending {
			out = append(out, ' ')
			f.pending = false
		}
		out = append(out, folded)
		f.started = true
	}
	return out, true
}

// Marks of foldRune for runes that fold to no rune of their own.
const (
	foldSpace  rune = -1 // whitespace: runs collapse to one space, trimmed at the ends
	foldUnsafe rune = -2 // not nfcSafe: the text needs NFC first
)

// foldRune is what folding makes of r alone: its lower case, or foldSpace or foldUnsafe.
func foldRune(r rune) rune {
	if !nfcSafe(r) {
		return foldUnsafe
	}
	return foldNormalized(r)
}

// foldNormalized is what folding makes of r in a text already in NFC: its lower case, or
// foldSpace.
func foldNormalized(r rune) rune {
	if isSpace(r) {
		return foldSpace
	}
	return lower(r)
}

// foldSmall is foldRune for the runes of one and two UTF-8 bytes, computed once: a read-only table
// of 8 KB that stays in cache, where the branches of foldRune cost a third of folding.
var foldSmall = func() (t [0x800]rune) {
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return t
}()

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
