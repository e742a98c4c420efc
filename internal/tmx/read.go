package tmx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"tilmash/internal/limits"
)

// Unit is one translation unit of a language pair.
type Unit struct {
	SourceLang, TargetLang, Source, Target, Author string
	Created                                        time.Time
}

const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// dateLayout is TMX's date format (ISO 8601 basic, UTC).
const dateLayout = "20060102T150405Z"

// Read streams the <tu> elements of a TMX document. For each <tu> that has a <tuv> in srcLang and one
// in tgtLang (BCP 47 tags compared case-insensitively; "en" also matches "en-US", an exact tag wins
// over a longer one; xml:lang or TMX 1.1's lang attribute), it calls fn. It returns the number of
// units passed to fn. Malformed XML, a root other than <tmx>, a <tmx> without <body>, a file past
// the limits of package limits (nesting, a token, an attribute, a segment's text) or an error from
// fn stop the reading with an error that names the line.
// Inline codes inside <seg> (<bpt>, <ept>, <ph>, <it>, <ut>) are dropped; the text of <hi> is kept.
// Memory is bounded by one unit whatever the file's size: only the best <tuv> of each language
// so far is kept, the other variants of a <tu> are skipped unread.
func Read(r io.Reader, srcLang, tgtLang string, fn func(Unit) error) (int, error) {
	s, err := Scan(r, srcLang, tgtLang, fn)
	return s.Units, err
}

// MaxPairs bounds Summary.Pairs, so that a file with a thousand languages
// cannot grow the summary without end.
const MaxPairs = 20

// Summary tells what a file held besides the units of the pair asked for,
// so that an importer can say why nothing was imported.
type Summary struct {
	Units int // <tu> elements with both languages, passed to fn
	// Other counts the <tu> elements without a <tuv> in each language of
	// the pair (another pair, or a single language).
	Other int
	// Pairs lists the language pairs of the file's <tu> elements, as
	// "source→target" with the tags as written, in order of first
	// appearance, at most MaxPairs. A <tu>'s source is its srclang, else the
	// header's, else (for "*all*" or none) its first <tuv>'s language.
	Pairs []string
}

// Scan is Read that also summarises the file; see Read for what it passes
// to fn and when it stops. Pairs is never nil.
func Scan(r io.Reader, srcLang, tgtLang string, fn func(Unit) error) (Summary, error) {
	rd := &reader{src: srcLang, tgt: tgtLang, fn: fn, sum: Summary{Pairs: []string{}}}
	n, err := rd.read(r)
	rd.sum.Units = n
	if err != nil {
		return rd.sum, fmt.Errorf("read tmx: %w", err)
	}
	return rd.sum, nil
}

type reader struct {
	src, tgt string
	fn       func(Unit) error
	x        *limits.XMLReader
	dec      *xml.Decoder
	count    int
	sum      Summary
	srcLang  string // the header's srclang
	lastPair [2]string

	// the <tu> being read
	tuAuthor, tuDate string
	tuSrcLang        string
	tuLangs          []string // languages of the <tuv> elements seen, each once
	tuvs             int      // <tuv> elements seen
	pick             [2]tuv   // the <tuv> for the source and the target language so far
	seg              []byte   // text of the <tuv> being read, reused
}

// tuv is the <tuv> picked for a language.
type tuv struct {
	index              int // 1-based position in the <tu>; 0 while none is picked
	rank               int // how well its language matches: prefixMatch or exactMatch
	lang, author, date string
	text               string
}

func (rd *reader) line() int {
	return rd.x.Line()
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
	rd.x = limits.NewXMLReader(in, func(label string, input io.Reader) (io.Reader, error) {
		if utf16 && strings.HasPrefix(strings.ToLower(label), "utf-16") {
			return input, nil // already transcoded
		}
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("unsupported encoding %q", label)
		}
		return enc.NewDecoder().Reader(input), nil
	})
	rd.dec = rd.x.Decoder
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
			if t.Name.Local == "header" {
				rd.srcLang = attr(t, "srclang")
			}
			if err := rd.skip(); err != nil { // <header> and anything unknown
				return rd.count, err
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
	if _, ok := limits.As(err); ok {
		return err // names its line already
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return lineError{se}
	}
	return rd.errorf("%v", err)
}

// lineError shows encoding/xml's syntax error as "line N: msg" and keeps it
// in the chain, so that callers can tell a refused character
// (xmltext.IsCharError) from broken markup.
type lineError struct{ se *xml.SyntaxError }

func (e lineError) Error() string { return fmt.Sprintf("line %d: %s", e.se.Line, e.se.Msg) }
func (e lineError) Unwrap() error { return e.se }

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
				if err := rd.skip(); err != nil {
					return err
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

// skip reads up to the end of the element just started.
func (rd *reader) skip() error {
	if err := rd.dec.Skip(); err != nil {
		return rd.syntax(err)
	}
	return nil
}

func (rd *reader) tu(start xml.StartElement) error {
	rd.tuAuthor = attr(start, "creationid")
	rd.tuDate = attr(start, "creationdate")
	rd.tuSrcLang = attr(start, "srclang")
	rd.tuLangs = rd.tuLangs[:0]
	rd.tuvs = 0
	rd.pick = [2]tuv{}
	if err := rd.children("tuv", rd.tuv); err != nil {
		return err
	}
	return rd.emit()
}

// tuv reads a <tuv> when its language matches the source or the target
// better than the <tuv> picked so far, and skips it otherwise.
func (rd *reader) tuv(start xml.StartElement) error {
	rd.tuvs++
	lang := langAttr(start)
	rank := [2]int{matchLang(rd.src, lang), matchLang(rd.tgt, lang)}
	better := [2]bool{rank[0] > rd.pick[0].rank, rank[1] > rd.pick[1].rank}
	hasSeg := false
	if better[0] || better[1] {
		rd.seg = rd.seg[:0]
		err := rd.children("seg", func(xml.StartElement) error {
			hasSeg = true
			return rd.segText()
		})
		if err != nil {
			return err
		}
	} else if err := rd.skip(); err != nil {
		return err
	}
	if lang == "" {
		return rd.errorf("<tuv> without xml:lang")
	}
	if len(rd.tuLangs) < MaxPairs && !slices.ContainsFunc(rd.tuLangs, func(l string) bool { return strings.EqualFold(l, lang) }) {
		rd.tuLangs = append(rd.tuLangs, lang)
	}
	if !hasSeg {
		return nil
	}
	v := tuv{index: rd.tuvs, lang: lang, author: attr(start, "creationid"), date: attr(start, "creationdate"), text: string(rd.seg)}
	for i := range rd.pick {
		if better[i] {
			rd.pick[i] = v
			rd.pick[i].rank = rank[i]
		}
	}
	return nil
}

// segText adds the text of a <seg> to rd.seg: character data and the text of <hi>, not inline
// codes. Several <seg> of one <tuv> are joined.
func (rd *reader) segText() error {
	depth, codeDepth := 0, 0 // codeDepth > 0 inside <bpt>, <ept>, <ph>, <it>, <ut>
	for {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if codeDepth == 0 {
				if len(rd.seg)+len(t) > limits.TextBytes {
					return rd.errorf("<seg> longer than %s", limits.Size(limits.TextBytes))
				}
				rd.seg = append(rd.seg, t...)
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

// emit passes the current <tu> to fn when it has both languages in two <tuv>.
func (rd *reader) emit() error {
	src, tgt := &rd.pick[0], &rd.pick[1]
	if src.index == 0 || tgt.index == 0 || src.index == tgt.index {
		rd.sum.Other++
		rd.notePairs()
		return nil
	}
	if src.lang != rd.lastPair[0] || tgt.lang != rd.lastPair[1] { // spares the lookup per unit
		rd.notePair(src.lang, tgt.lang)
		rd.lastPair = [2]string{src.lang, tgt.lang}
	}
	u := Unit{
		SourceLang: src.lang, TargetLang: tgt.lang,
		Source: src.text, Target: tgt.text,
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

// notePairs records the language pairs of a <tu> that is not of the pair
// asked for: its source language to each other language it has.
func (rd *reader) notePairs() {
	if len(rd.tuLangs) == 0 {
		return
	}
	declared := firstNonEmpty(rd.tuSrcLang, rd.srcLang)
	src := rd.tuLangs[0] // for "*all*", none, or a declared language the <tu> lacks
	for _, l := range rd.tuLangs {
		if sameLang(declared, l) {
			src = l
			break
		}
	}
	for _, l := range rd.tuLangs {
		if !sameLang(src, l) {
			rd.notePair(src, l)
		}
	}
}

// sameLang reports whether two tags name one language, one perhaps with
// more subtags ("ru" and "ru-RU").
func sameLang(a, b string) bool {
	return matchLang(a, b) != noMatch || matchLang(b, a) != noMatch
}

// notePair adds src→tgt to the summary's pairs unless it is there or full.
func (rd *reader) notePair(src, tgt string) {
	p := src + "→" + tgt
	if len(rd.sum.Pairs) < MaxPairs && !slices.Contains(rd.sum.Pairs, p) {
		rd.sum.Pairs = append(rd.sum.Pairs, p)
	}
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
