package xliff

import (
	"bufio"
	"fmt"

	"tilmash/internal/xmltext"
)

// checkText reports the first character that XML 1.0 cannot carry (the
// rule of package xmltext) or the first invalid UTF-8 byte. Such text cannot
// be written at all, not even as a character reference, so the writer
// refuses it rather than dropping what a person typed; callers that export
// stored text replace such characters first (xmltext.Replace).
func checkText(s string) error {
	b, bad := xmltext.Find(s)
	switch {
	case !bad:
		return nil
	case b.Invalid:
		return fmt.Errorf("invalid UTF-8 at byte %d", b.Byte)
	}
	return fmt.Errorf("character U+%04X at byte %d is not allowed in XML 1.0", b.Rune, b.Byte)
}

// xmlChar reports whether r is a Char of the XML 1.0 grammar.
func xmlChar(r rune) bool { return xmltext.Allowed(r) }

// needsPreserve reports whether a text has whitespace that a tool applying
// xml:space="default" might collapse or trim.
func needsPreserve(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\r':
			return true
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		}
	}
	return false
}

// writeEscaped writes checked text as character data (attr false) or as an
// attribute value in double quotes (attr true). Carriage returns are always
// references because parsers turn a literal CR into LF; in attributes tab and
// newline are references too because attribute normalisation turns them into
// spaces.
func writeEscaped(w *bufio.Writer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#xD;"
		case '"':
			if !attr {
				continue
			}
			esc = "&quot;"
		case '\n':
			if !attr {
				continue
			}
			esc = "&#xA;"
		case '\t':
			if !attr {
				continue
			}
			esc = "&#x9;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + 1
	}
	w.WriteString(s[last:])
}
