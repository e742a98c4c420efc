package limits

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"tilmash/internal/apperr"
)

// readAll reads every token of doc through an XMLReader with the given
// token limits.
func readAll(doc string, lim tokenLimits) (int, error) {
	x := newXMLReader(strings.NewReader(doc), nil, lim)
	n := 0
	for {
		_, err := x.Decoder.Token()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

func nested(depth int) string {
	return strings.Repeat("<a>", depth) + strings.Repeat("</a>", depth)
}

// realTokens are the token limits of NewXMLReader.
var realTokens = tokenLimits{text: XMLTokenBytes, all: XMLTokenSpaceBytes, equals: XMLTokenEquals}

// smallTokens are token limits lowered to keep the tests fast (megabytes
// through encoding/xml take seconds under the race detector), still well
// above the 4 KiB to which the count is exact.
var smallTokens = tokenLimits{text: 64 << 10, all: 256 << 10, equals: 1000}

func TestXMLReader(t *testing.T) {
	cases := []struct {
		name, doc string
		want      string // the error; "" for none
		code      apperr.Code
	}{
		{"64 levels", nested(XMLDepth), "", ""},
		{"65 levels", nested(XMLDepth + 1), "line 1: element <a> is nested deeper than 64 levels", apperr.Invalid},
		{"65 levels, self-closing", strings.Repeat("<a>", XMLDepth) + "\n<b/>", "line 2: element <b> is nested deeper than 64 levels", apperr.Invalid},
		{"siblings do not add up", "<r>" + strings.Repeat(nested(XMLDepth-1), 100) + "</r>", "", ""},
		{"attributes", `<a` + strings.Repeat(` x=""`, XMLAttributes) + `/>`, "", ""},
		{"too many attributes", `<a` + strings.Repeat(` x=""`, XMLAttributes+1) + `/>`, "line 1: element <a> has 129 attributes, more than 128", apperr.Invalid},
		{"attribute value", `<a x="` + strings.Repeat("é", AttributeBytes/2) + `"/>`, "", ""},
		{"attribute value too long", "<a>\n<b xml:lang=\"" + strings.Repeat("é", AttributeBytes/2) + "e\"/></a>", "line 2: attribute xml:lang of <b> is longer than 64 KiB", apperr.Invalid},
		{"mismatched", "<a>\n<b></a>", "line 2: element <b> closed by </a>", ""},
		{"mismatched prefix", "<a>\n<x:b></y:b>", "line 2: element <b> in space x closed by </b> in space y", ""},
		{"unexpected end", "<a/>\n</a>", "line 2: unexpected end element </a>", ""},
		{"unexpected EOF", "<a>\n<b>text", "line 2: unexpected EOF", ""},
		{"undeclared entity", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`, "line 1: invalid character entity &e;", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := readAll(c.doc, realTokens)
			checkError(t, err, c.want, c.code)
		})
	}
}

// TestXMLReaderTokens: the bytes of a token other than white space count
// towards one limit, all of them towards a larger one, "=" signs towards a
// third.
func TestXMLReaderTokens(t *testing.T) {
	cases := []struct {
		name, doc string
		want      string // the error; "" for none
		code      apperr.Code
		lim       tokenLimits
	}{
		{"text run", "<a>" + strings.Repeat("x", 60<<10) + "</a>", "", "", smallTokens},
		{"text run too long", "<a>" + strings.Repeat("x", 72<<10) + "</a>", "line 1: a token inside <a> is longer than 64 KiB, not counting white space (the limit for one text run, tag or comment)", apperr.Invalid, smallTokens},
		{"text run of blanks", "<a>" + strings.Repeat(" \t\r\n", 50<<10) + "x</a>", "", "", smallTokens},
		{"text run of too many blanks", "<a>\n" + strings.Repeat(" \t", 140<<10) + "x</a>", "line 2: a token inside <a> is longer than 256 KiB (the limit for one text run, tag or comment, white space included)", apperr.Invalid, smallTokens},
		{"declaration too long", "<!DOCTYPE a [" + strings.Repeat("<!--x-->", 10<<10) + "]><a/>", "line 1: a token outside the root element is longer than 64 KiB, not counting white space (the limit for one text run, tag or comment)", apperr.Invalid, smallTokens},
		{"tag of tiny attributes", "<r>\n<a" + strings.Repeat(` b=""`, 4000) + "/></r>", "line 2: a token inside <r> has more than 1000 \"=\" signs (the limit that bounds the attributes of a tag)", apperr.Invalid, smallTokens},
		{"text of equals signs", "<r>" + strings.Repeat("=", 900) + "</r>", "", "", smallTokens},
		{"long text in pieces", "<a>" + strings.Repeat(strings.Repeat("x", 40<<10)+"<b/>", 6) + "</a>", "", "", smallTokens},
		{"real limits", "<a>" + strings.Repeat(strings.Repeat("x", 1000)+strings.Repeat(" ", 1000)+`<b c=""/>`, 100) + "</a>", "", "", realTokens},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := readAll(c.doc, c.lim)
			checkError(t, err, c.want, c.code)
		})
	}
}

// checkError compares an error with the one wanted ("" for none) and its code
// (not checked when "").
func checkError(t *testing.T, err error, want string, code apperr.Code) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	// Syntax errors keep encoding/xml's type, with the line of the input.
	got := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		got = fmt.Sprintf("line %d: %s", se.Line, se.Msg)
	}
	if got != want {
		t.Fatalf("error %T %q, want %q", err, got, want)
	}
	if code != "" && apperr.CodeOf(err) != code {
		t.Errorf("code %s, want %s", apperr.CodeOf(err), code)
	}
}

// TestXMLReaderSkipAndDecode: the elements a reader does not look at go
// through the checks too.
func TestXMLReaderSkipAndDecode(t *testing.T) {
	doc := "<r><skip>" + nested(XMLDepth) + "</skip></r>"
	x := NewXMLReader(strings.NewReader(doc), nil)
	if _, err := x.Decoder.Token(); err != nil {
		t.Fatal(err)
	}
	if _, err := x.Decoder.Token(); err != nil {
		t.Fatal(err)
	}
	if err := x.Decoder.Skip(); err == nil || err.Error() != "line 1: element <a> is nested deeper than 64 levels" {
		t.Fatalf("Skip: %v", err)
	}
	x = NewXMLReader(strings.NewReader(doc), nil)
	var v struct {
		Skip struct {
			Inner string `xml:",innerxml"`
		} `xml:"skip"`
	}
	if err := x.Decoder.Decode(&v); err == nil || err.Error() != "line 1: element <a> is nested deeper than 64 levels" {
		t.Fatalf("Decode: %v", err)
	}
	// Namespaces are resolved as by a plain Decoder, and Line follows the input.
	x = NewXMLReader(strings.NewReader("<r xmlns=\"urn:a\" xmlns:b=\"urn:b\">\n<b:e xml:lang=\"kk\"/></r>"), nil)
	var start xml.StartElement
	for start.Name.Local != "e" {
		tok, err := x.Decoder.Token()
		if err != nil {
			t.Fatal(err)
		}
		start, _ = tok.(xml.StartElement)
	}
	if start.Name.Space != "urn:b" || start.Attr[0].Name.Space != "http://www.w3.org/XML/1998/namespace" || x.Line() != 2 {
		t.Errorf("element %+v at line %d", start, x.Line())
	}
}

func TestReader(t *testing.T) {
	for _, c := range []struct {
		size int
		ok   bool
	}{{0, true}, {99, true}, {100, true}, {101, false}, {5000, false}} {
		r := &Reader{R: strings.NewReader(strings.Repeat("x", c.size)), Limit: 100, What: "glossary file"}
		b, err := io.ReadAll(r)
		if c.ok != (err == nil) {
			t.Fatalf("%d bytes: err = %v", c.size, err)
		}
		if c.ok && len(b) != c.size || !c.ok && len(b) != 100 {
			t.Errorf("%d bytes: read %d", c.size, len(b))
		}
		if !c.ok && (err.Error() != "the glossary file is larger than 100 bytes" || apperr.CodeOf(err) != apperr.TooLarge) {
			t.Errorf("%d bytes: %v (%s)", c.size, err, apperr.CodeOf(err))
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1000: "1000 bytes", 1024: "1 KiB", 64 << 10: "64 KiB", 1 << 20: "1 MiB", 32 << 20: "32 MiB", 1<<20 + 1: "1048577 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestErrorCodes(t *testing.T) {
	err := error(TooLarge(0, "the file has more than %d units", 5))
	if e, ok := apperr.As(err); !ok || e.Code != apperr.TooLarge || e.Message != "the file has more than 5 units" || e.Details != nil {
		t.Errorf("too large: %+v", e)
	}
	err = Invalid(7, "bad")
	if e, ok := apperr.As(err); !ok || e.Code != apperr.Invalid || e.Message != "line 7: bad" || e.Details["line"] != 7 {
		t.Errorf("invalid: %+v", e)
	}
}
