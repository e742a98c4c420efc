package xliff

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// errLimit is what limitReader returns once the input passes the limit.
var errLimit = errors.New("input exceeds the limit")

// limitReader passes through at most limit bytes and fails on the next one,
// so a file of exactly limit bytes is read in full and a bigger one is
// refused without reading all of it.
type limitReader struct {
	r    io.Reader
	left int64 // bytes that may still be read, plus one to detect the excess
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, errLimit
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left <= 0 {
		return 0, errLimit
	}
	if err != nil && err != io.EOF {
		err = readError{err}
	}
	return n, err
}

// readError marks a failure of the caller's reader, which is not the file's
// fault, so that Read can tell it from the decoder's complaints.
type readError struct{ err error }

func (e readError) Error() string { return e.err.Error() }
func (e readError) Unwrap() error { return e.err }

// input prepares the bytes for encoding/xml: it enforces the limit, drops a
// UTF-8 byte order mark and decodes UTF-16 (which Windows tools write) when
// a UTF-16 byte order mark says so. Its buffer lets it peek at the byte
// order mark; limits.XMLReader reads from it in 4 KiB pieces.
func input(r io.Reader, limit int64) (src *bufio.Reader, utf16 bool) {
	br := bufio.NewReaderSize(&limitReader{r: r, left: limit + 1}, 64<<10)
	bom, _ := br.Peek(3)
	switch {
	case len(bom) >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF:
		br.Discard(3)
		return br, false
	case len(bom) >= 2 && (bom[0] == 0xFE && bom[1] == 0xFF || bom[0] == 0xFF && bom[1] == 0xFE):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), true
	}
	return br, false
}

// charsetReader returns the CharsetReader for encoding/xml. After a UTF-16
// byte order mark the text is already UTF-8 whatever the declaration says;
// otherwise the declared encoding (windows-1251, ISO-8859-1, ...) is decoded
// with golang.org/x/text.
func charsetReader(utf16 bool) func(string, io.Reader) (io.Reader, error) {
	return func(label string, in io.Reader) (io.Reader, error) {
		if utf16 {
			return in, nil
		}
		enc, err := ianaindex.IANA.Encoding(label)
		if err != nil || enc == nil {
			return nil, &ParseError{Line: 1, Msg: fmt.Sprintf("unsupported encoding %q", label)}
		}
		name, _ := ianaindex.IANA.Name(enc)
		// A UTF-16 label on a file without a UTF-16 byte order mark can only
		// be a wrong label: the declaration was just read as ASCII.
		if name == "UTF-8" || name == "US-ASCII" || strings.HasPrefix(name, "UTF-16") {
			return in, nil
		}
		return enc.NewDecoder().Reader(in), nil
	}
}
