package qa

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// bidiNames names the invisible bidi controls.
var bidiNames = map[rune]string{
	'\u200e': "LEFT-TO-RIGHT MARK",
	'\u200f': "RIGHT-TO-LEFT MARK",
	'\u061c': "ARABIC LETTER MARK",
	'\u202a': "LEFT-TO-RIGHT EMBEDDING",
	'\u202b': "RIGHT-TO-LEFT EMBEDDING",
	'\u202c': "POP DIRECTIONAL FORMATTING",
	'\u202d': "LEFT-TO-RIGHT OVERRIDE",
	'\u202e': "RIGHT-TO-LEFT OVERRIDE",
	'\u2066': "LEFT-TO-RIGHT ISOLATE",
	'\u2067': "RIGHT-TO-LEFT ISOLATE",
	'\u2068': "FIRST STRONG ISOLATE",
	'\u2069': "POP DIRECTIONAL ISOLATE",
}

func isBidiControl(r rune) bool {
	switch {
	case r < 0x61c:
		return false
	case r == 0x61c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// checkBidi reports bidi controls that do not belong: any of them in a
// left-to-right target; in a right-to-left target, overrides, unpaired
// embeddings or isolates, and marks inside a word or doubled.
func checkBidi(c *checker) {
	t := c.in.Target
	var embeddings, isolates []int // offsets of open controls
	report := func(i int, r rune, why, problem string) {
		code := fmt.Sprintf("U+%04X", r)
		before := contextBefore(t, i)
		if before == "" {
			c.add(IDBidi, fmt.Sprintf("The target has the invisible control %s %s at the start%s.", code, bidiNames[r], why),
				"code_point", code, "name", bidiNames[r], "problem", problem)
			return
		}
		c.add(IDBidi, fmt.Sprintf("The target has the invisible control %s %s after %q%s.", code, bidiNames[r], before, why),
			"code_point", code, "name", bidiNames[r], "context", before, "problem", problem)
	}
	for i, r := range t {
		if !isBidiControl(r) {
			continue
		}
		if !c.p.rtl {
			report(i, r, "; a left-to-right text needs none", "in-ltr")
			continue
		}
		switch r {
		case '\u202d', '\u202e':
			report(i, r, "; overrides reorder letters and hide what the text says", "override")
			embeddings = append(embeddings, i)
		case '\u202a', '\u202b':
			embeddings = append(embeddings, i)
		case '\u202c':
			if len(embeddings) == 0 {
				report(i, r, " without an embedding to close", "unopened")
			} else {
				embeddings = embeddings[:len(embeddings)-1]
			}
		case '\u2066', '\u2067', '\u2068':
			isolates = append(isolates, i)
		case '\u2069':
			if len(isolates) == 0 {
				report(i, r, " without an isolate to close", "unopened")
			} else {
				isolates = isolates[:len(isolates)-1]
			}
		default: // LRM, RLM, ALM
			prev, _ := utf8.DecodeLastRuneInString(t[:i])
			next, _ := utf8.DecodeRuneInString(t[i+utf8.RuneLen(r):])
			switch {
			case unicode.IsLetter(prev) && unicode.IsLetter(next):
				report(i, r, " inside a word", "inside-word")
			case isBidiControl(next) && bidiNames[next] == bidiNames[r]:
				report(i, r, " twice in a row", "doubled")
			}
		}
	}
	for _, i := range append(embeddings, isolates...) {
		r, _ := utf8.DecodeRuneInString(t[i:])
		if r == '\u202d' || r == '\u202e' {
			continue // already reported
		}
		report(i, r, " that is never closed", "unclosed")
	}
}
