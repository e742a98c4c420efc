package tmx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Unit is one translation unit of a language pair.
type Unit struct {
	SourceLang, TargetLang, Source, Target, Author string
	Created                                        time.Time
}

// MaxSegmentBytes bounds the text of one <seg>: a stream never holds more than a unit at a time.
const MaxSegmentBytes = 1 << 20

const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// dateLayout is TMX's date format (ISO 8601 basic, UTC).
const dateLayout = "20060102T150405Z"

// Read streams the <tu> elements of a TMX document. For each <tu> that has a <tuv> in srcLang and one
// in tgtLang (BCP 47 tags compared case-insensitively; "en" also matches "en-US", an exact tag wins
// over a longer one; xml:lang or TMX 1.1's lang attribute), it calls fn. It returns the number of
// units passed to fn. Malformed XML, a root other than <tmx>, a <tmx> without <body>, an oversized
// segment or an error from fn stop the reading with an error that names the line.
// Inline codes inside <seg> (<bpt>, <ept>, <ph>, <it>, <ut>) are dropped; the text of <hi> is kept.
func Read(r io.Reader, srcLang, tgtLang string, fn func(Unit) error) (int, error) {
	rd := &reader{src: srcLang, tgt: tgtLang, fn: fn}
	n, err := rd.read(r)
	if err != nil {
		return n, fmt.Errorf("read tmx: %w", err)
	}
	return n, nil
}

type reader struct {
	src, tgt string
	fn       func(Unit) error
	dec      *xml.Decoder
	count    int

	// the <tu> being read
	tuAuthor, tuDate string
	tuvs             []tuv
}

type tuv struct {
	lang, author, date string
	seg                strings.Builder
	hasSeg             bool
}

func (rd *reader) line() int {
	line, _ := rd.dec.InputPos()
	return line
}

// errorf prefixes an error with the current line.
func (rd *reader) errorf(format string, args ...any) error {
	return fmt.Errorf("line %d: %s", rd.line(), fmt.Sprintf(format, args...))
}

func (rd *reader) read(r io.Reader) (int, error) {
	in, utf16, err := sniff(r)
	if err != nil {
		return 0, err
	}
	rd.dec = xml.NewDecoder(in)
	rd.dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if utf16 && strings.HasPrefix(strings.ToLower(label), "utf-16") {
			return input, nil // already transcoded
		}
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("unsupported encoding %q", label)
		}
		return enc.NewDecoder().Reader(input), nil
	}
	root, err := rd.nextStart()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return 0, errors.New("no <tmx> element")
		}
		return 0, err
	}
	if root.Name.Local != "tmx" {
		return 0, rd.errorf("root element <%s>, want <tmx>", root.Name.Local)
	}
	sawBody := false
	for {
		tok, err := rd.token()
		if err != nil {
			return rd.count, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "body" {
				sawBody = true
				if err := rd.body(); err != nil {
					return rd.count, err
				}
				continue
			}
			if err := rd.dec.Skip(); err != nil { // <header> and anything unknown
				return rd.count, rd.syntax(err)
			}
		case xml.EndElement: // </tmx>
			if !sawBody {
				return rd.count, rd.errorf("<tmx> has no <body>")
			}
			return rd.count, nil
		}
	}
}

// sniff strips a byte-order mark and transcodes UTF-16 to UTF-8, which encoding/xml cannot read.
func sniff(r io.Reader) (io.Reader, bool, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(3)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, false, err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}):
		_, _ = br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return dec.Reader(br), true, nil
	}
	return br, false, nil
}

// token is the next token, with syntax errors given their line.
func (rd *reader) token() (xml.Token, error) {
	tok, err := rd.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, rd.errorf("unexpected end of file")
		}
		return nil, rd.syntax(err)
	}
	return tok, nil
}

func (rd *reader) syntax(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("line %d: %s", se.Line, se.Msg)
	}
	return rd.errorf("%v", err)
}

// nextStart skips the prolog (declaration, comments, doctype) up to the root element.
func (rd *reader) nextStart() (xml.StartElement, error) {
	for {
		tok, err := rd.dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return xml.StartElement{}, err
			}
			return xml.StartElement{}, rd.syntax(err)
		}
		if t, ok := tok.(xml.StartElement); ok {
			return t, nil
		}
	}
}

// children reads the children of the element just opened up to its end: each <want> goes to fn,
// every other element (<note>, <prop>, ...) is skipped whole.
func (rd *reader) children(want string, fn func(xml.StartElement) error) error {
	for {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != want {
				if err := rd.dec.Skip(); err != nil {
					return rd.syntax(err)
				}
				continue
			}
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func (rd *reader) body() error {
	return rd.children("tu", rd.tu)
}

func (rd *reader) tu(start xml.StartElement) error {
	rd.tuAuthor = attr(start, "creationid")
	rd.tuDate = attr(start, "creationdate")
	rd.tuvs = rd.tuvs[:0]
	if err := rd.children("tuv", rd.tuv); err != nil {
		return err
	}
	return rd.emit()
}

func (rd *reader) tuv(start xml.StartElement) error {
	if len(rd.tuvs) < cap(rd.tuvs) {
		rd.tuvs = rd.tuvs[:len(rd.tuvs)+1]
	} else {
		rd.tuvs = append(rd.tuvs, tuv{})
	}
	v := &rd.tuvs[len(rd.tuvs)-1]
	v.lang = langAttr(start)
	v.author = attr(start, "creationid")
	v.date = attr(start, "creationdate")
	v.seg.Reset()
	v.hasSeg = false
	if err := rd.children("seg", rd.tuvSeg); err != nil {
		return err
	}
	if v.lang == "" {
		return rd.errorf("<tuv> without xml:lang")
	}
	return nil
}

// tuvSeg reads the <seg> of the <tuv> being read.
func (rd *reader) tuvSeg(xml.StartElement) error {
	v := &rd.tuvs[len(rd.tuvs)-1]
	v.hasSeg = true
	return rd.seg(&v.seg)
}

// seg collects the text of a <seg>: character data and the text of <hi>, not inline codes.
func (rd *reader) seg(b *strings.Builder) error {
	depth, codeDepth := 0, 0 // codeDepth > 0 inside <bpt>, <ept>, <ph>, <it>, <ut>
	for {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if codeDepth == 0 {
				if b.Len()+len(t) > MaxSegmentBytes {
					return rd.errorf("<seg> longer than %d bytes", MaxSegmentBytes)
				}
				b.Write(t)
			}
		case xml.StartElement:
			depth++
			if codeDepth > 0 || isCode(t.Name.Local) {
				codeDepth++
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
			if codeDepth > 0 {
				codeDepth--
			}
		}
	}
}

func isCode(name string) bool {
	switch name {
	case "bpt", "ept", "ph", "it", "ut":
		return true
	}
	return false
}

// emit passes the current <tu> to fn when it has both languages.
func (rd *reader) emit() error {
	src, tgt := rd.pick(rd.src), rd.pick(rd.tgt)
	if src == nil || tgt == nil || src == tgt {
		return nil
	}
	u := Unit{
		SourceLang: src.lang, TargetLang: tgt.lang,
		Source: src.seg.String(), Target: tgt.seg.String(),
		Author: firstNonEmpty(tgt.author, rd.tuAuthor, src.author),
	}
	if d := firstNonEmpty(tgt.date, rd.tuDate, src.date); d != "" {
		// An unreadable date is dropped rather than failing the file: the text is what matters.
		if t, err := time.Parse(dateLayout, d); err == nil {
			u.Created = t
		}
	}
	if err := rd.fn(u); err != nil {
		return fmt.Errorf("line %d: unit %d: %w", rd.line(), rd.count+1, err)
	}
	rd.count++
	return nil
}

// pick is the <tuv> for a language: an exact tag first, else the first whose tag extends it.
func (rd *reader) pick(lang string) *tuv {
	var prefix *tuv
	for i := range rd.tuvs {
		v := &rd.tuvs[i]
		if !v.hasSeg {
			continue
		}
		switch matchLang(lang, v.lang) {
		case exactMatch:
			return v
		case prefixMatch:
			if prefix == nil {
				prefix = v
			}
		}
	}
	return prefix
}

const (
	noMatch = iota
	prefixMatch
	exactMatch
)

// matchLang compares a requested BCP 47 tag with a <tuv>'s: case-insensitive, "_" read as "-", and
// a request matches the tags that extend it by subtags ("en" matches "en-US", not "eng").
func matchLang(want, have string) int {
	want = strings.ReplaceAll(want, "_", "-")
	have = strings.ReplaceAll(have, "_", "-")
	switch {
	case strings.EqualFold(want, have):
		return exactMatch
	case len(have) > len(want) && have[len(want)] == '-' && strings.EqualFold(want, have[:len(want)]):
		return prefixMatch
	}
	return noMatch
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

func langAttr(e xml.StartElement) string {
	lang := ""
	for _, a := range e.Attr {
		if a.Name.Local != "lang" {
			continue
		}
		switch a.Name.Space {
		case xmlNamespace, "xml":
			return strings.TrimSpace(a.Value)
		case "":
			lang = strings.TrimSpace(a.Value) // TMX 1.1
		}
	}
	return lang
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
