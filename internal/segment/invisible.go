package segment

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
