package xliff

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
)

// repeated streams head, unit(1) … unit(n), then tail, counting the bytes read.
type repeated struct {
	head, tail string
	unit       func(i int) string
	n          int
	i          int
	buf        strings.Reader
	stage      int
	read       int64
}

func (r *repeated) Read(p []byte) (int, error) {
	for r.buf.Len() == 0 {
		switch {
		case r.stage == 0:
			r.buf.Reset(r.head)
			r.stage++
		case r.stage == 1 && r.i < r.n:
			r.i++
			r.buf.Reset(r.unit(r.i))
		case r.stage == 1:
			r.buf.Reset(r.tail)
			r.stage++
		default:
			return 0, io.EOF
		}
	}
	n, err := r.buf.Read(p)
	r.read += int64(n)
	return n, err
}

// TestReadDeepNesting: 2.5 million nested elements inside a unit are refused
// at the 65th level, within the first buffer of input.
func TestReadDeepNesting(t *testing.T) {
	const depth = 2_500_000
	doc := doc2(`<unit id="s1"><segment><source>a</source><target>`)
	for _, c := range []struct{ head, open string }{
		{doc[:strings.Index(doc, "<target>")+len("<target>")], `<mrk id="m">`}, // read
		{doc[:strings.Index(doc, "<segment>")], `<ext>`},                       // skipped
	} {
		open := c.open
		in := &repeated{head: c.head, unit: func(int) string { return open }, n: depth}
		_, err := Read(in, 0)
		var pe *ParseError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "line 4: element <") || !strings.HasSuffix(err.Error(), "> is nested deeper than 64 levels") {
			t.Fatalf("%s: err = %v", open, err)
		}
		if apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("code %s", apperr.CodeOf(err))
		}
		if in.read > 128<<10 {
			t.Errorf("%s: read %d bytes before refusing", open, in.read)
		}
	}
}

// TestReadLimits: each limit gives a ParseError with the line and the right
// application code.
func TestReadLimits(t *testing.T) {
	long := strings.Repeat("я", limits.TextBytes/2)
	cases := []struct {
		name, input string
		want        string
		code        apperr.Code
	}{
		{"long source", doc2(`<unit id="s1"><segment><source>` + long + `!</source></segment></unit>`), `line 4: unit "s1": <source> is longer than 1 MiB`, apperr.Invalid},
		{"long target in markers", doc2(`<unit id="s1"><segment><source>a</source><target>` + long[:len(long)/2] + `<mrk id="1">` + long[:len(long)/2] + `<cp hex="41"/></mrk></target></segment></unit>`), `line 4: unit "s1": <target> is longer than 1 MiB`, apperr.Invalid},
		{"long note", doc2(`<unit id="s1"><notes><note>` + long + `!</note></notes><segment><source>a</source></segment></unit>`), `line 4: unit "s1": <note> is longer than 1 MiB`, apperr.Invalid},
		{"long attribute", doc2(`<unit id="s1" name="` + strings.Repeat("n", limits.AttributeBytes+1) + `"><segment><source>a</source></segment></unit>`), `line 4: attribute name of <unit> is longer than 64 KiB`, apperr.Invalid},
		{"many attributes", doc2(`<unit id="s1"` + strings.Repeat(` a=""`, 200) + `><segment><source>a</source></segment></unit>`), `line 4: element <unit> has 201 attributes, more than 128`, apperr.Invalid},
		{"tag of tiny attributes", doc2("<x" + strings.Repeat(` a=""`, limits.XMLTokenEquals+4096) + "/>" + okUnit), `line 4: a token inside <file> has more than 16384 "=" signs (the limit that bounds the attributes of a tag)`, apperr.Invalid},
		{"entity expansion", `<!DOCTYPE xliff [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>` + doc2(okUnit), "line 1: DOCTYPE and other declarations are not allowed in XLIFF", apperr.Invalid},
		{"undeclared entity", doc2(`<unit id="s1"><segment><source>&lol9;</source></segment></unit>`), "line 4: malformed XML: invalid character entity &lol9;", apperr.Invalid},
		{"invalid UTF-8 in attribute", doc2("<unit id=\"s1\" name=\"\xc3\"><segment><source>a</source></segment></unit>"), "line 4: malformed XML: invalid UTF-8", apperr.Invalid},
		{"illegal character", doc2("<unit id=\"s1\"><segment><source>\x1b</source></segment></unit>"), "line 4: malformed XML: illegal character code U+001B", apperr.Unprocessable},
		{"UTF-16 without BOM", "<\x00x\x00l\x00", "line 1: malformed XML: expected element name after <", apperr.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(c.input), 0)
			if err == nil || err.Error() != c.want {
				t.Fatalf("error\n got %v\nwant %s", err, c.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %T is not a *ParseError", err)
			}
			if e, ok := apperr.As(err); !ok || e.Code != c.code || e.Message != c.want {
				t.Errorf("apperr %+v, want %s %q", e, c.code, c.want)
			}
		})
	}
}

// TestReadTooManyUnits: a file of more tiny units than the limit is refused
// as too large (413), not as the size limit. (With limits.XLIFFUnits, the
// test takes seconds under the race detector.)
func TestReadTooManyUnits(t *testing.T) {
	const max = 1000
	doc := doc2("")
	head, tail := doc[:strings.Index(doc, "\n</file>")+1], doc[strings.Index(doc, "\n</file>")+1:]
	in := &repeated{head: head, tail: tail, n: max + 10, unit: func(i int) string {
		return fmt.Sprintf("<unit id=\"s%d\"><segment><source>a</source></segment></unit>\n", i)
	}}
	_, err := read(in, 1<<30, max)
	want := fmt.Sprintf("line %d: the file has more than %d units", 5+max, max)
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	if e, ok := apperr.As(err); !ok || e.Code != apperr.TooLarge {
		t.Errorf("apperr %+v, want too_large", e)
	}
	if errors.Is(err, ErrTooLarge) {
		t.Errorf("a count limit is not the size limit")
	}
	if in.i != max+1 {
		t.Errorf("read %d units, want the first %d", in.i, max+1)
	}
}

// TestReadsWhatItWrites: a text at limits.TextBytes of a character the
// writer escapes most expensively (& as &amp;, 5 bytes for 1) still fits the
// token limit on the way back.
func TestReadsWhatItWrites(t *testing.T) {
	unit := Unit{SegmentID: 1, Source: strings.Repeat("&", limits.TextBytes), Target: "ә", State: "translated", Version: 1, Done: true}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, V21, Header{SourceLang: "ru", TargetLang: "kk", Title: strings.Repeat("&", limits.AttributeBytes)})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteUnit(unit); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := Read(&buf, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Units) != 1 || f.Units[0] != unit {
		t.Errorf("the unit changed")
	}
}
