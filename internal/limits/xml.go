package limits

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
)

// XMLReader reads an XML document through encoding/xml within the limits of
// this package: it counts the nesting depth on every element (not only the
// ones a reader looks at, since Skip and DecodeElement read the others), the
// bytes of every token, and the attributes of every element, and stops at the
// first one past its limit with an *Error naming the line and the element.
//
// Use Decoder for everything: Token, Skip and DecodeElement all read through
// the checks. Decoder's own InputPos does not know the position; Line does.
//
// encoding/xml expands no entity a document declares (an unknown entity such
// as &lol; is a syntax error in strict mode), so DOCTYPE entity expansion
// ("billion laughs") cannot happen; Decoder stays strict and has no Entity
// map.
type XMLReader struct {
	// Decoder resolves namespaces and checks that tags match, reading its
	// tokens from the checks.
	Decoder *xml.Decoder
	g       *guard
}

// NewXMLReader reads the XML document r. charset, when not nil, decodes the
// encodings other than UTF-8 that the XML declaration names (see
// xml.Decoder.CharsetReader).
func NewXMLReader(r io.Reader, charset func(label string, input io.Reader) (io.Reader, error)) *XMLReader {
	return newXMLReader(r, charset, tokenLimits{text: XMLTokenBytes, all: XMLTokenSpaceBytes, equals: XMLTokenEquals})
}

// tokenLimits are the limits of one token, which tests lower.
type tokenLimits struct {
	text, all, equals int64
}

func newXMLReader(r io.Reader, charset func(string, io.Reader) (io.Reader, error), lim tokenLimits) *XMLReader {
	g := &guard{meter: &meter{r: r, limits: lim}}
	// The raw decoder reads through the meter with a buffer of its own
	// (the meter is no io.ByteReader), so the meter counts a token's bytes
	// to within that buffer's 4 KiB, at one call a buffer, not a byte.
	g.raw = xml.NewDecoder(g.meter)
	g.raw.CharsetReader = charset
	return &XMLReader{Decoder: xml.NewTokenDecoder(g), g: g}
}

// Line is the line of the input the reading has reached.
func (x *XMLReader) Line() int {
	line, _ := x.g.raw.InputPos()
	return line
}

// errTokenTooLarge is what the meter returns when a token passes a limit.
var errTokenTooLarge = errors.New("XML token too large")

// meter counts what is read for the current token: the bytes other than
// white space, all bytes, and the "=" signs.
type meter struct {
	r       io.Reader
	limits  tokenLimits
	left    tokenLimits // what the current token may still read
	tripped string      // the limit passed: "text", "all" or "equals"
}

// reset starts counting a new token.
func (m *meter) reset() {
	m.left = m.limits
}

func (m *meter) Read(p []byte) (int, error) {
	switch {
	case m.left.text < 0:
		m.tripped = "text"
	case m.left.all <= 0:
		m.tripped = "all"
	case m.left.equals < 0:
		m.tripped = "equals"
	}
	if m.tripped != "" {
		return 0, errTokenTooLarge
	}
	if int64(len(p)) > m.left.all {
		p = p[:m.left.all]
	}
	n, err := m.r.Read(p)
	// bytes.Count is fast (vectorised): these scans cost little next to
	// encoding/xml's byte at a time.
	b := p[:n]
	m.left.all -= int64(n)
	m.left.text -= int64(n - bytes.Count(b, []byte{' '}) - bytes.Count(b, []byte{'\n'}) - bytes.Count(b, []byte{'\t'}) - bytes.Count(b, []byte{'\r'}))
	m.left.equals -= int64(bytes.Count(b, []byte{'='}))
	return n, err
}

// guard is the xml.TokenReader between the raw decoder and Decoder. It
// checks the tags' nesting itself (not leaving it to Decoder, whose
// SyntaxErrors know no line), with the same messages as encoding/xml.
type guard struct {
	raw   *xml.Decoder
	meter *meter
	open  []xml.Name // open elements as written (prefix, not namespace), innermost last
	err   error      // the first error, returned from then on
}

func (g *guard) Token() (xml.Token, error) {
	if g.err != nil {
		return nil, g.err
	}
	g.meter.reset()
	tok, err := g.raw.RawToken()
	switch lim := g.meter.limits; g.meter.tripped {
	// encoding/xml may return a cut text run before the error: the limit
	// is what matters.
	case "text":
		return nil, g.fail(Invalid(g.line(), "%s is longer than %s, not counting white space (the limit for one text run, tag or comment)", g.where(), Size(lim.text)))
	case "all":
		return nil, g.fail(Invalid(g.line(), "%s is longer than %s (the limit for one text run, tag or comment, white space included)", g.where(), Size(lim.all)))
	case "equals":
		return nil, g.fail(Invalid(g.line(), "%s has more than %d \"=\" signs (the limit that bounds the attributes of a tag)", g.where(), lim.equals))
	}
	if err != nil {
		if errors.Is(err, io.EOF) && len(g.open) > 0 {
			err = g.syntax("unexpected EOF")
		}
		return nil, g.fail(err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(g.open) >= XMLDepth {
			return nil, g.fail(Invalid(g.line(), "element <%s> is nested deeper than %d levels", t.Name.Local, XMLDepth))
		}
		if len(t.Attr) > XMLAttributes {
			return nil, g.fail(Invalid(g.line(), "element <%s> has %d attributes, more than %d", t.Name.Local, len(t.Attr), XMLAttributes))
		}
		for _, a := range t.Attr {
			if len(a.Value) > AttributeBytes {
				return nil, g.fail(Invalid(g.line(), "attribute %s of <%s> is longer than %s", qualified(a.Name), t.Name.Local, Size(AttributeBytes)))
			}
		}
		g.open = append(g.open, t.Name)
	case xml.EndElement:
		if err := g.close(t.Name); err != nil {
			return nil, g.fail(err)
		}
	}
	return tok, nil
}

// close pops the element an end tag closes.
func (g *guard) close(name xml.Name) error {
	if len(g.open) == 0 {
		return g.syntax("unexpected end element </" + name.Local + ">")
	}
	top := g.open[len(g.open)-1]
	switch {
	case top.Local != name.Local:
		return g.syntax("element <" + top.Local + "> closed by </" + name.Local + ">")
	case top.Space != name.Space:
		ns := name.Space
		if ns == "" {
			ns = `""`
		}
		return g.syntax("element <" + top.Local + "> in space " + top.Space + " closed by </" + name.Local + "> in space " + ns)
	}
	g.open = g.open[:len(g.open)-1]
	return nil
}

func (g *guard) fail(err error) error {
	g.err = err
	return err
}

func (g *guard) line() int {
	line, _ := g.raw.InputPos()
	return line
}

func (g *guard) syntax(msg string) error {
	return &xml.SyntaxError{Msg: msg, Line: g.line()}
}

// where names the place of a token: inside which element.
func (g *guard) where() string {
	if len(g.open) == 0 {
		return "a token outside the root element"
	}
	return "a token inside <" + g.open[len(g.open)-1].Local + ">"
}

func qualified(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}
