package segment

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// invisibleNames names the characters Inspect reports as invisible: they show as nothing, or as
// an ordinary space, yet change how a text breaks, joins, is searched and is matched against the
// translation memory. U+00A0 NO-BREAK SPACE is not among them: it is ordinary typography (see
// inspectEdges).
var invisibleNames = map[rune]string{
	'\t':     "CHARACTER TABULATION",
	'\u00ad': "SOFT HYPHEN",
	'\u061c': "ARABIC LETTER MARK",
	'\u180e': "MONGOLIAN VOWEL SEPARATOR",
	'\u200b': "ZERO WIDTH SPACE",
	'\u200c': "ZERO WIDTH NON-JOINER",
	'\u200d': "ZERO WIDTH JOINER",
	'\u200e': "LEFT-TO-RIGHT MARK",
	'\u200f': "RIGHT-TO-LEFT MARK",
	'\u202a': "LEFT-TO-RIGHT EMBEDDING",
	'\u202b': "RIGHT-TO-LEFT EMBEDDING",
	'\u202c': "POP DIRECTIONAL FORMATTING",
	'\u202d': "LEFT-TO-RIGHT OVERRIDE",
	'\u202e': "RIGHT-TO-LEFT OVERRIDE",
	'\u2060': "WORD JOINER",
	'\u2061': "FUNCTION APPLICATION",
	'\u2062': "INVISIBLE TIMES",
	'\u2063': "INVISIBLE SEPARATOR",
	'\u2064': "INVISIBLE PLUS",
	'\u2066': "LEFT-TO-RIGHT ISOLATE",
	'\u2067': "RIGHT-TO-LEFT ISOLATE",
	'\u2068': "FIRST STRONG ISOLATE",
	'\u2069': "POP DIRECTIONAL ISOLATE",
	'\ufeff': "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
}

// isInvisible is a fast test for the keys of invisibleNames.
func isInvisible(r rune) bool {
	switch {
	case r == '\t':
		return true
	case r < 0xad:
		return false
	case r == 0xad, r == 0x61c, r == 0x180e, r == 0xfeff,
		r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2069 && r != 0x2065:
		return true
	}
	return false
}

// InvisibleName reports whether r is an invisible character that hygiene checks report (a tab
// inside a line, a zero-width space or joiner, a soft hyphen, a byte order mark inside the text,
// a bidi control) and returns its Unicode name.
func InvisibleName(r rune) (string, bool) {
	if !isInvisible(r) {
		return "", false
	}
	return invisibleNames[r], true
}

// invisibleSeen counts one invisible character in a paragraph.
type invisibleSeen struct {
	r            rune
	first, count int // byte offset of the first, and how many
}

// countInvisible records r at byte offset i.
func countInvisible(seen []invisibleSeen, r rune, i int) []invisibleSeen {
	for k := range seen {
		if seen[k].r == r {
			seen[k].count++
			return seen
		}
	}
	return append(seen, invisibleSeen{r: r, first: i, count: 1})
}

// inspectInvisible reports the invisible characters inspectRunes counted in a paragraph: one
// warning per character, at its first occurrence, with how often it occurs. A tab here is inside
// the line (the paragraph is trimmed); a byte order mark here is not the leading one Normalize
// strips. A no-break space inside a paragraph is not reported: Russian typography puts one
// between a number and its unit or after an initial; two in a row are a double space
// (KindDoubleSpace), and one at a paragraph edge is reported by inspectEdges.
func inspectInvisible(out []Warning, p Paragraph, seen []invisibleSeen) []Warning {
	for _, v := range seen {
		name := invisibleNames[v.r]
		code := fmt.Sprintf("U+%04X", v.r)
		ctx := around(p.Text, v.first, v.first+utf8.RuneLen(v.r))
		msg := fmt.Sprintf("Invisible character %s %s in %q; delete it or type what it stands for.", code, name, ctx)
		if v.count > 1 {
			msg = fmt.Sprintf("Invisible character %s %s, %d times in the paragraph, first in %q; delete them or type what they stand for.",
				code, name, v.count, ctx)
		}
		out = append(out, warn(p, v.first, KindInvisible, msg,
			"code_point", code, "name", name, "count", strconv.Itoa(v.count), "context", ctx))
	}
	return out
}

// edgeSpaces names the no-break spaces reported at a paragraph edge.
var edgeSpaces = map[rune]string{'\u00a0': "NO-BREAK SPACE", '\u2007': "FIGURE SPACE", '\u202f': "NARROW NO-BREAK SPACE"}

// inspectEdges reports a no-break space at either edge of a paragraph: there it binds nothing,
// it is the trace of a layout (an indent, a centred line) and is dropped with the paragraph's
// trimming. text is normalized; paragraphs are numbered as Split numbers them.
func inspectEdges(out []Warning, text string) []Warning {
	for l := range paragraphs(text) {
		line, trimmed := l.raw, l.text
		if len(trimmed) == len(line) {
			continue
		}
		p := Paragraph{Number: l.number, Text: trimmed}
		lead := line[:strings.Index(line, trimmed)]
		trail := line[len(lead)+len(trimmed):]
		for _, edge := range []struct {
			spaces, where string
			at            int
		}{{lead, "start", 0}, {trail, "end", len(trimmed)}} {
			for _, r := range edge.spaces {
				name, ok := edgeSpaces[r]
				if !ok {
					continue
				}
				code := fmt.Sprintf("U+%04X", r)
				ctx := around(trimmed, edge.at, edge.at)
				out = append(out, warn(p, edge.at, KindInvisible,
					fmt.Sprintf("%s %s at the %s of the paragraph, by %q; it binds nothing there and is dropped on import.", code, name, edge.where, ctx),
					"code_point", code, "name", name, "count", "1", "context", ctx, "where", edge.where))
				break
			}
		}
	}
	return out
}
