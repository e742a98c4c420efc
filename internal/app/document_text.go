package app

import (
	"fmt"
	"strings"

	"tilmash/internal/xmltext"
)

// sourceXMLSafe refuses a document text holding a character that XML cannot
// carry (see package xmltext), naming its paragraph (as Split numbers them:
// non-empty lines), its line, and its position in that line.
func sourceXMLSafe(text string) error {
	b, bad := xmltext.Find(text)
	if !bad {
		return nil
	}
	before := text[:b.Byte]
	start := strings.LastIndexAny(before, "\n\r") + 1
	line, para := 1, 1
	for l := range strings.FieldsFuncSeq(before[:start], func(r rune) bool { return r == '\n' || r == '\r' }) {
		if strings.TrimSpace(l) != "" {
			para++
		}
	}
	line += strings.Count(before[:start], "\n")
	return xmltext.Check(fmt.Sprintf("paragraph %d (line %d)", para, line), text[start:])
}
