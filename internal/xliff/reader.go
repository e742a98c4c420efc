package xliff

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"tilmash/internal/limits"
)

// File is what Read found in an XLIFF file.
type File struct {
	Format  Format // V21 for XLIFF 2.0 and 2.1 files, V12 for 1.2
	Version string // the version attribute as written: "2.0", "2.1", "1.2"
	Header  Header // languages, and the Tilmash ids when the file has them
	Units   []Unit // in document order
}

// Read parses a whole XLIFF 2.0/2.1 or 1.2 file, told apart by the root
// element's namespace and version, and returns its header and units. Files
// bigger than limit bytes are refused (limit <= 0 means DefaultLimit), and so
// are files past the other limits of package limits: element nesting, the
// size of a token, an attribute or a text, the number of units.
//
// Every problem of the file is a *ParseError naming the line and unit; the
// caller applies nothing of a file that fails. Units of other tools are read
// as far as they can be: a missing tl:version gives Version -1, a missing
// paragraph group gives Paragraph 0, a unit split into several segments is
// joined. Target is "" when the unit has no translation; State is mapped back
// as well as XLIFF allows (see fromV2, fromV12) and is advisory: a CAT tool
// may have left it as it was when the translator changed the text.
func Read(r io.Reader, limit int64) (*File, error) {
	return read(r, limit, limits.XLIFFUnits)
}

// read is Read with a limit on the number of units, which tests lower.
func read(r io.Reader, limit int64, maxUnits int) (*File, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	src, utf16 := input(r, limit)
	x := limits.NewXMLReader(src, charsetReader(utf16))
	p := &parser{x: x, d: x.Decoder, limit: limit, maxUnits: maxUnits, seen: make(map[int64]int)}
	if err := p.document(); err != nil {
		return nil, err
	}
	return &p.file, nil
}

type parser struct {
	x     *limits.XMLReader
	d     *xml.Decoder // x.Decoder
	limit int64
	// maxUnits is limits.XLIFFUnits
	maxUnits int
	file     File
	ns       string // namespace of the XLIFF elements of this file
	v2       bool
	files    int           // <file> elements seen
	seen     map[int64]int // segment id → line of its unit
	buf      []byte        // text being collected, reused across elements
	parts    []segPart     // segments of the unit being read, reused across units
}

// next returns the next token; io.EOF is passed through unchanged.
func (p *parser) next() (xml.Token, error) {
	t, err := p.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		return nil, p.fail(err)
	}
	return t, nil
}

// fail turns a decoder error into a ParseError; failures of the caller's
// reader stay plain errors, since they are not the file's fault.
func (p *parser) fail(err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe
	}
	if errors.Is(err, errLimit) {
		return &ParseError{Msg: fmt.Sprintf("xliff file exceeds %d bytes", p.limit), Err: ErrTooLarge}
	}
	if le, ok := limits.As(err); ok {
		return &ParseError{Line: le.Line, Msg: le.Msg, Err: le}
	}
	var re readError
	if errors.As(err, &re) {
		return fmt.Errorf("read xliff: %w", re.err)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &ParseError{Line: se.Line, Msg: "malformed XML: " + se.Msg, Err: se}
	}
	// encoding/xml reports some problems (an XML version other than 1.0)
	// as plain errors.
	return &ParseError{Line: p.line(), Msg: "malformed XML: " + strings.TrimPrefix(err.Error(), "xml: "), Err: err}
}

// line is the line the decoder has reached.
func (p *parser) line() int {
	return p.x.Line()
}

func (p *parser) errorf(format string, args ...any) error {
	return &ParseError{Line: p.line(), Msg: fmt.Sprintf(format, args...)}
}

// document reads the prolog, the root element and what follows it.
func (p *parser) document() error {
	for {
		t, err := p.next()
		if err == io.EOF {
			return &ParseError{Msg: "file has no root element"}
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.Directive:
			return p.errorf("DOCTYPE and other declarations are not allowed in XLIFF")
		case xml.CharData:
			if !blank(t) {
				return p.errorf("text before the root element")
			}
		case xml.StartElement:
			if err := p.root(t); err != nil {
				return err
			}
			return p.epilog()
		}
	}
}

// epilog checks that nothing but comments and blanks follow the root:
// encoding/xml would happily read a second root element.
func (p *parser) epilog() error {
	for {
		t, err := p.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.CharData:
			if !blank(t) {
				return p.errorf("text after </xliff>")
			}
		case xml.StartElement:
			return p.errorf("element <%s> after </xliff>", t.Name.Local)
		case xml.Directive:
			return p.errorf("declaration after </xliff>")
		}
	}
}

func (p *parser) root(start xml.StartElement) error {
	if start.Name.Local != "xliff" {
		return p.errorf("root element is <%s>, want <xliff>", start.Name.Local)
	}
	version, ok := attr(start, "", "version")
	if !ok {
		return p.errorf("<xliff> has no version attribute")
	}
	switch start.Name.Space {
	case nsV2:
		if version != "2.0" && version != "2.1" {
			return p.errorf("XLIFF version %q is not supported (want 2.0, 2.1 or 1.2)", version)
		}
		p.v2 = true
		p.file.Format = V21
	case nsV12, "":
		if version != "1.2" && (start.Name.Space == "" || version != "1.1" && version != "1.0") {
			if start.Name.Space == "" && (version == "2.0" || version == "2.1") {
				return p.errorf("<xliff version=%q> lacks its namespace %s", version, nsV2)
			}
			return p.errorf("XLIFF version %q is not supported (want 2.0, 2.1 or 1.2)", version)
		}
		p.file.Format = V12
	default:
		return &ParseError{Line: p.line(), Err: ErrForeign,
			Msg: fmt.Sprintf("unknown XLIFF namespace %q (want %s or %s)", start.Name.Space, nsV2, nsV12)}
	}
	p.ns = start.Name.Space
	p.file.Version = version
	var h Header
	if p.v2 {
		if h.SourceLang, ok = attr(start, "", "srcLang"); !ok {
			return p.errorf("<xliff> has no srcLang attribute")
		}
		h.TargetLang, _ = attr(start, "", "trgLang")
	}
	for {
		t, err := p.next()
		if err != nil {
			return p.unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Space == p.ns && t.Name.Local == "file" {
				if err := p.fileElement(t, h); err != nil {
					return err
				}
				continue
			}
			if err := p.skip(); err != nil {
				return err
			}
		case xml.EndElement:
			if p.files == 0 {
				return p.errorf("<xliff> has no <file>")
			}
			return nil
		}
	}
}

// unexpectedEOF reports an end of input inside an element; encoding/xml
// normally reports it as a syntax error already.
func (p *parser) unexpectedEOF(err error) error {
	if err == io.EOF {
		return p.errorf("malformed XML: unexpected EOF")
	}
	return err
}

// fileElement reads one <file>. Several files are accepted (1.2 tools merge
// jobs that way) as long as they agree on the languages and the document.
func (p *parser) fileElement(start xml.StartElement, h Header) error {
	var ok bool
	if !p.v2 {
		if h.SourceLang, ok = attr(start, "", "source-language"); !ok {
			return p.errorf("<file> has no source-language attribute")
		}
		h.TargetLang, _ = attr(start, "", "target-language")
	}
	if err := p.tilmashFileAttrs(start, &h); err != nil {
		return err
	}
	p.files++
	if p.files == 1 {
		p.file.Header = h
	} else if err := p.sameHeader(h); err != nil {
		return err
	}
	return p.container(start, 0)
}

func (p *parser) tilmashFileAttrs(start xml.StartElement, h *Header) error {
	if s, ok := attr(start, nsTilmash, "document"); ok {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			return p.errorf("tl:document %q is not a document id", s)
		}
		h.DocumentID = id
	} else if id, ok := attr(start, "", "id"); ok && p.v2 {
		// Files of Tilmash whose attributes a tool dropped still say "d42".
		if n, ok := number(id, 'd'); ok {
			h.DocumentID = n
		}
	}
	if s, ok := attr(start, nsTilmash, "revision"); ok {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return p.errorf("tl:revision %q is not a revision number", s)
		}
		h.Revision = n
	}
	h.Title, _ = attr(start, nsTilmash, "title")
	return nil
}

func (p *parser) sameHeader(h Header) error {
	first := p.file.Header
	switch {
	case h.SourceLang != first.SourceLang:
		return p.errorf("<file> %d has source language %q, the first has %q", p.files, h.SourceLang, first.SourceLang)
	case h.TargetLang != first.TargetLang && h.TargetLang != "" && first.TargetLang != "":
		return p.errorf("<file> %d has target language %q, the first has %q", p.files, h.TargetLang, first.TargetLang)
	case h.DocumentID != first.DocumentID && h.DocumentID != 0 && first.DocumentID != 0:
		return p.errorf("<file> %d is of document %d, the first of document %d", p.files, h.DocumentID, first.DocumentID)
	}
	if first.TargetLang == "" {
		p.file.Header.TargetLang = h.TargetLang
	}
	return nil
}

// container reads the children of <file>, <body> or <group>: units and
// groups; everything else (skeleton, notes, header, bin-unit, extensions) is
// skipped. para is the paragraph of the enclosing group. The recursion is
// bounded by the XML reader's nesting limit.
func (p *parser) container(start xml.StartElement, para int) error {
	for {
		t, err := p.next()
		if err != nil {
			return p.unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			var err error
			switch {
			case t.Name.Space != p.ns && (t.Name.Local == "unit" || t.Name.Local == "trans-unit"):
				// Skipping it would import the file as "nothing to save".
				return &ParseError{Line: p.line(), Err: ErrForeign, Msg: fmt.Sprintf("<%s> in namespace %s, not in the file's XLIFF namespace %s: Tilmash reads units of the XLIFF namespace only",
					t.Name.Local, nsName(t.Name.Space), nsName(p.ns))}
			case t.Name.Space != p.ns:
				err = p.skip()
			case t.Name.Local == "group" || t.Name.Local == "body" && !p.v2:
				inner := para
				if id, ok := attr(t, "", "id"); ok && t.Name.Local == "group" {
					if n, ok := number(id, 'p'); ok && n <= 1<<31-1 {
						inner = int(n)
					}
				}
				err = p.container(t, inner)
			case t.Name.Local == "unit" && p.v2:
				err = p.unitV2(t, para)
			case t.Name.Local == "trans-unit" && !p.v2:
				err = p.unitV12(t, para)
			default:
				err = p.skip()
			}
			if err != nil {
				return err
			}
		}
	}
}

// skip reads up to the end of the element just started, iteratively so that
// nesting costs no stack (the XML reader bounds it anyway).
func (p *parser) skip() error {
	for depth := 1; depth > 0; {
		t, err := p.next()
		if err != nil {
			return p.unexpectedEOF(err)
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// newUnit checks the unit id and registers it.
func (p *parser) newUnit(start xml.StartElement, para int) (Unit, error) {
	line := p.line()
	if len(p.seen) >= p.maxUnits {
		le := limits.TooLarge(line, "the file has more than %d units", p.maxUnits)
		return Unit{}, &ParseError{Line: line, Msg: le.Msg, Err: le}
	}
	id, ok := attr(start, "", "id")
	if !ok {
		return Unit{}, p.errorf("<%s> without id", start.Name.Local)
	}
	segID, ok := number(id, 's')
	if !ok {
		return Unit{}, &ParseError{Line: line, Unit: id, Msg: "id is not a Tilmash segment id (want s followed by the segment number, e.g. s123)"}
	}
	if first, dup := p.seen[segID]; dup {
		return Unit{}, &ParseError{Line: line, Unit: id, Msg: fmt.Sprintf("duplicate unit id (first at line %d)", first)}
	}
	p.seen[segID] = line
	u := Unit{SegmentID: segID, Paragraph: para, Version: -1}
	if s, ok := attr(start, nsTilmash, "version"); ok {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return Unit{}, &ParseError{Line: line, Unit: id, Msg: fmt.Sprintf("tl:version %q is not a version number", s)}
		}
		u.Version = n
	}
	return u, nil
}

// unitErr is an error inside the unit with the given id.
func (p *parser) unitErr(id string, line int, format string, args ...any) error {
	return &ParseError{Line: line, Unit: id, Msg: fmt.Sprintf(format, args...)}
}

// inUnit adds the unit id to an error from text reading.
func inUnit(err error, id string) error {
	var pe *ParseError
	if errors.As(err, &pe) && pe.Unit == "" && pe.Err == nil {
		pe.Unit = id
	}
	return err
}

// noteText reads a <note>: plain text only.
func (p *parser) noteText(start xml.StartElement) (string, error) {
	p.buf = p.buf[:0]
	for {
		t, err := p.next()
		if err != nil {
			return "", p.unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.CharData:
			if err := p.appendLimited(start, t); err != nil {
				return "", err
			}
		case xml.StartElement:
			return "", p.errorf("unexpected element <%s> in <%s>", t.Name.Local, start.Name.Local)
		case xml.EndElement:
			return string(p.buf), nil
		}
	}
}

// text reads the content of a <source> or <target>. Markers that only
// annotate text (2.x <mrk>, <pc>, <sm>/<em>; 1.2 <mrk>, <g>) are dropped and
// their text kept; 2.x <cp> is decoded. Inline codes (placeholders, tags of
// the original format) are refused: Tilmash text is plain, so a code can
// only be something the text would lose.
func (p *parser) text(start xml.StartElement) (string, error) {
	p.buf = p.buf[:0]
	if err := p.appendText(start); err != nil {
		return "", err
	}
	return string(p.buf), nil
}

// appendText adds the content of start to p.buf; the recursion through
// markers is bounded by the XML reader's nesting limit.
func (p *parser) appendText(start xml.StartElement) error {
	for {
		t, err := p.next()
		if err != nil {
			return p.unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.CharData:
			if err := p.appendLimited(start, t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := p.inline(start, t); err != nil {
				return err
			}
		}
	}
}

// appendLimited adds text to p.buf within limits.TextBytes.
func (p *parser) appendLimited(in xml.StartElement, text []byte) error {
	if len(p.buf)+len(text) > limits.TextBytes {
		return p.errorf("<%s> is longer than %s", in.Name.Local, limits.Size(limits.TextBytes))
	}
	p.buf = append(p.buf, text...)
	return nil
}

func (p *parser) inline(outer, t xml.StartElement) error {
	if t.Name.Space != p.ns {
		return p.errorf("unexpected element <%s> in <%s>", t.Name.Local, outer.Name.Local)
	}
	switch name := t.Name.Local; {
	case p.v2 && (name == "mrk" || name == "pc"), !p.v2 && (name == "mrk" || name == "g"):
		return p.appendText(outer)
	case p.v2 && (name == "sm" || name == "em"):
		return p.skip()
	case p.v2 && name == "cp":
		hex, _ := attr(t, "", "hex")
		n, err := strconv.ParseUint(hex, 16, 32)
		if err != nil {
			return p.errorf("<cp hex=%q> is not a hexadecimal code point", hex)
		}
		if r := rune(n); !xmlChar(r) {
			return p.errorf("<cp hex=%q> is U+%04X, a character Tilmash does not store", hex, n)
		}
		if err := p.appendLimited(outer, []byte(string(rune(n)))); err != nil {
			return err
		}
		return p.skip()
	case p.v2 && (name == "ph" || name == "sc" || name == "ec"),
		!p.v2 && (name == "x" || name == "bx" || name == "ex" || name == "ph" || name == "bpt" || name == "ept" || name == "it" || name == "sub"):
		return p.errorf("inline code <%s> in <%s>: Tilmash text is plain and has no codes", name, outer.Name.Local)
	}
	return p.errorf("unexpected element <%s> in <%s>", t.Name.Local, outer.Name.Local)
}

// attr returns the value of the attribute space:local.
func attr(e xml.StartElement, space, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value, true
		}
	}
	return "", false
}

// number parses ids like "s123" and "p4": the prefix, then a positive
// decimal number without leading zeros (so that "s7" and "s07" cannot be two
// ids of one segment).
func number(id string, prefix byte) (int64, bool) {
	if len(id) < 2 || id[0] != prefix || id[1] == '0' {
		return 0, false
	}
	for i := 1; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(id[1:], 10, 64)
	return n, err == nil
}

// nsName shows a namespace in a message: quoted, or "(none)".
func nsName(ns string) string {
	if ns == "" {
		return "(none)"
	}
	return strconv.Quote(ns)
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
