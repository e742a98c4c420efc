package segment

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

const bom = "\uFEFF"

// Normalize strips a leading byte order mark, turns CRLF and lone CR line ends into LF and brings
// the text to Unicode NFC. It changes nothing else: what a person typed is kept, and oddities are
// reported by Inspect instead.
func Normalize(text string) string {
	text = strings.TrimPrefix(text, bom)
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	// Most input is already in NFC and is returned as is, without a copy.
	if !isNFC(text) {
		text = norm.NFC.String(text)
	}
	return text
}
