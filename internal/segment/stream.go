package segment

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxLine bounds the bytes of one input line that Stream holds at a time. A longer line is
// segmented in chunks: every complete sentence is written as soon as it is found, and a run of
// more than maxLine/2 bytes without a sentence end is cut at a space.
const maxLine = 4 << 20

// Stream reads UTF-8 text from r and writes one segment per line to w, with a blank line between
// paragraphs: the contract of `tilmash segment`. It holds one line at a time (at most about
// maxLine bytes), so its memory does not grow with the input. Invalid UTF-8 is an error that names
// the line.
func (s *Segmenter) Stream(r io.Reader, w io.Writer) error {
	return s.stream(r, w, maxLine)
}

type streamer struct {
	seg    *Segmenter
	w      *bufio.Writer
	sc     scratch
	sents  []string
	limit  int
	lineNo int   // lines read so far (CRLF, LF and lone CR each end one)
	paras  int   // paragraphs written so far
	inPara bool  // part of the current line's paragraph is already written
	skipLF bool  // the last line ended with a CR, so a LF right after it belongs to it
	err    error // first write error
}

func (s *Segmenter) stream(r io.Reader, w io.Writer, limit int) error {
	br := bufio.NewReaderSize(r, min(64<<10, limit))
	st := &streamer{seg: s, w: bufio.NewWriterSize(w, 64<<10), limit: limit}
	if head, _ := br.Peek(len(bom)); string(head) == bom {
		_, _ = br.Discard(len(bom))
	}
	var pending []byte // the start of a line longer than the reader's buffer
	for {
		chunk, err := br.ReadSlice('\n')
		complete := len(chunk) > 0 && chunk[len(chunk)-1] == '\n'
		switch {
		case len(pending) == 0 && complete:
			if e := st.lines(chunk[:len(chunk)-1]); e != nil {
				return e
			}
		case len(chunk) > 0:
			pending = append(pending, chunk...)
			if complete {
				if e := st.lines(pending[:len(pending)-1]); e != nil {
					return e
				}
				pending = pending[:0]
			} else if len(pending) > st.limit {
				var e error
				if pending, e = st.flushLong(pending); e != nil {
					return e
				}
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			if len(pending) > 0 {
				if e := st.lines(pending); e != nil {
					return e
				}
			}
			break
		}
		if err != nil {
			return fmt.Errorf("segment: read line %d: %w", st.lineNo+1, err)
		}
	}
	if st.err != nil {
		return st.err
	}
	if err := st.w.Flush(); err != nil {
		return fmt.Errorf("segment: write: %w", err)
	}
	return nil
}

// lines handles data that ends a line: one LF-terminated line without its LF, possibly holding
// lone CRs that end lines of their own.
func (st *streamer) lines(data []byte) error {
	if st.skipLF {
		st.skipLF = false
		if len(data) == 0 {
			return nil // the LF of a CRLF whose CR ended the previous piece
		}
	}
	for {
		i := bytes.IndexByte(data, '\r')
		if i < 0 {
			return st.line(data)
		}
		if err := st.line(data[:i]); err != nil {
			return err
		}
		data = data[i+1:]
		if len(data) == 0 {
			return nil // CRLF, or a CR at the very end
		}
	}
}

// line segments one complete line (the rest of it, when a long line was chunked).
func (st *streamer) line(raw []byte) error {
	st.lineNo++
	text, err := st.prepare(raw, st.lineNo)
	if err != nil {
		return err
	}
	st.sents = st.seg.appendSentences(st.sents[:0], trimSpace(text), &st.sc)
	for _, sent := range st.sents {
		st.write(sent)
	}
	st.inPara = false
	return st.err
}

// flushLong writes the complete sentences of an over-long partial line and returns what is left
// of it (moved to the front of the same buffer).
func (st *streamer) flushLong(pending []byte) ([]byte, error) {
	if i := bytes.LastIndexByte(pending, '\r'); i >= 0 {
		if err := st.lines(pending[:i]); err != nil {
			return nil, err
		}
		rest := append(pending[:0], pending[i+1:]...)
		st.skipLF = len(rest) == 0
		return rest, nil
	}
	// Cut before the last whole rune and before any combining marks that may follow it.
	cut := len(pending)
	for k := 0; k < utf8.UTFMax && cut > 0 && !utf8.RuneStart(pending[cut-1]); k++ {
		cut--
	}
	if cut > 0 && pending[cut-1] >= utf8.RuneSelf {
		cut--
	}
	if b := norm.NFC.LastBoundary(pending[:cut]); b > 0 {
		cut = b
	}
	text, err := st.prepare(pending[:cut], st.lineNo+1)
	if err != nil {
		return nil, err
	}
	if !st.inPara {
		text = trimLeft(text)
	}
	st.sents = st.seg.appendSentences(st.sents[:0], text, &st.sc)
	keep := ""
	if n := len(st.sents); n > 0 {
		for _, sent := range st.sents[:n-1] {
			st.write(sent)
		}
		keep = st.sents[n-1]
		if len(keep) > st.limit/2 {
			// No sentence end for a long stretch: cut at the last space so memory stays bounded.
			at := lastSpace(keep)
			if at <= 0 {
				at = len(keep)
			}
			st.write(trimSpace(keep[:at]))
			keep = trimLeft(keep[at:])
		}
	}
	rest := append([]byte(keep), pending[cut:]...)
	return append(pending[:0], rest...), st.err
}

// prepare validates and normalizes one line or chunk.
func (st *streamer) prepare(raw []byte, lineNo int) (string, error) {
	if !utf8.Valid(raw) {
		return "", fmt.Errorf("segment: line %d: invalid UTF-8 at byte %d", lineNo, invalidAt(raw))
	}
	text := string(raw)
	if isNFC(text) {
		return text, nil
	}
	return norm.NFC.String(text), nil
}

// write writes one segment, with a blank line first when it opens a paragraph after another.
func (st *streamer) write(sent string) {
	if sent == "" || st.err != nil {
		return
	}
	if !st.inPara {
		if st.paras > 0 {
			st.check(st.w.WriteByte('\n'))
		}
		st.paras++
		st.inPara = true
	}
	_, err := st.w.WriteString(sent)
	st.check(err)
	st.check(st.w.WriteByte('\n'))
}

func (st *streamer) check(err error) {
	if err != nil && st.err == nil {
		st.err = fmt.Errorf("segment: write: %w", err)
	}
}

// invalidAt is the byte offset of the first invalid UTF-8 sequence in b.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func trimLeft(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) }

// lastSpace is the offset of the last white space in s, or -1.
func lastSpace(s string) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if unicode.IsSpace(r) {
			return i
		}
	}
	return -1
}
