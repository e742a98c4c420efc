package glossary

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"tilmash/internal/limits"
)

// input prepares a glossary file for reading: at most limits.GlossaryBytes of
// it (the limit counts the bytes of the file as sent), without a UTF-8 byte
// order mark, and decoded from UTF-16 when a UTF-16 byte order mark says so
// (spreadsheets save "Unicode text" that way). It reports whether it decoded
// UTF-16.
func input(r io.Reader) (*bufio.Reader, bool) {
	br := bufio.NewReaderSize(&limits.Reader{R: r, Limit: limits.GlossaryBytes, What: "glossary file"}, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte("\uFEFF")):
		_, _ = br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), true
	}
	return br, false
}

// charsetReader decodes the encoding an XML declaration names; after a UTF-16
// byte order mark the text is UTF-8 already.
func charsetReader(utf16 bool) func(string, io.Reader) (io.Reader, error) {
	return func(label string, in io.Reader) (io.Reader, error) {
		if utf16 && strings.HasPrefix(strings.ToLower(label), "utf-16") {
			return in, nil
		}
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("unsupported encoding %q (save the file as UTF-8)", label)
		}
		return enc.NewDecoder().Reader(in), nil
	}
}
