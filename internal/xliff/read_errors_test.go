package xliff

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"tilmash/internal/apperr"
)

// doc2 wraps units in an XLIFF 2.1 file; body starts on line 4.
func doc2(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:tl="urn:tilmash:xliff" version="2.1" srcLang="ru" trgLang="kk">
<file id="f1">
` + body + `
</file>
</xliff>
`
}

// doc12 wraps trans-units in an XLIFF 1.2 file; body starts on line 5.
func doc12(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:tl="urn:tilmash:xliff" version="1.2">
<file original="a" source-language="ru" target-language="kk" datatype="plaintext">
<body>
` + body + `
</body>
</file>
</xliff>
`
}

const okUnit = `<unit id="s1"><segment><source>a</source></segment></unit>`

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name  string
		input string
		limit int64
		want  string // the whole error message
	}{
		{"empty", "", 0, "file has no root element"},
		{"blank", " \n\t", 0, "file has no root element"},
		{"not xml", "hello", 0, "line 1: text before the root element"},
		{"other root", `<?xml version="1.0"?><html><body/></html>`, 0, "line 1: root element is <html>, want <xliff>"},
		{"doctype", `<!DOCTYPE xliff [<!ENTITY x "y">]><xliff/>`, 0, "line 1: DOCTYPE and other declarations are not allowed in XLIFF"},
		{"no version", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ru"/>`, 0, "line 1: <xliff> has no version attribute"},
		{"version 3", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="3.0" srcLang="ru"/>`, 0, `line 1: XLIFF version "3.0" is not supported (want 2.0, 2.1 or 1.2)`},
		{"2.2 namespace", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.2" version="2.2" srcLang="ru"/>`, 0, `line 1: unknown XLIFF namespace "urn:oasis:names:tc:xliff:document:2.2" (want urn:oasis:names:tc:xliff:document:2.0 or urn:oasis:names:tc:xliff:document:1.2)`},
		{"2.1 without namespace", `<xliff version="2.1" srcLang="ru"/>`, 0, `line 1: <xliff version="2.1"> lacks its namespace urn:oasis:names:tc:xliff:document:2.0`},
		{"1.2 namespace, version 2.0", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="2.0"/>`, 0, `line 1: XLIFF version "2.0" is not supported (want 2.0, 2.1 or 1.2)`},
		{"no srcLang", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>`, 0, "line 1: <xliff> has no srcLang attribute"},
		{"no file", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru"></xliff>`, 0, "line 1: <xliff> has no <file>"},
		{"1.2 file without source-language", `<xliff version="1.2"><file original="a" datatype="plaintext"><body/></file></xliff>`, 0, "line 1: <file> has no source-language attribute"},
		{"unclosed", doc2(`<unit id="s1"><segment><source>a</source></segment></unit>`)[:200], 0, "line 4: malformed XML: unexpected EOF"},
		{"mismatched tag", doc2(`<unit id="s1"><segment><source>a</segment></unit>`), 0, "line 4: malformed XML: element <source> closed by </segment>"},
		{"html entity", doc2(`<unit id="s1"><segment><source>a&nbsp;b</source></segment></unit>`), 0, "line 4: malformed XML: invalid character entity &nbsp;"},
		{"control character reference", doc2(`<unit id="s1"><segment><source>&#1;</source></segment></unit>`), 0, "line 4: malformed XML: illegal character code U+0001"},
		{"invalid utf-8", doc2("<unit id=\"s1\"><segment><source>\xff</source></segment></unit>"), 0, "line 4: malformed XML: invalid UTF-8"},
		{"xml 1.1", `<?xml version="1.1"?><xliff/>`, 0, `line 1: malformed XML: unsupported version "1.1"; only version 1.0 is supported`},
		{"bogus encoding", `<?xml version="1.0" encoding="x-bogus"?><xliff/>`, 0, `line 1: unsupported encoding "x-bogus"`},
		{"second root", doc2(okUnit) + "<xliff/>", 0, "line 7: element <xliff> after </xliff>"},
		{"text after root", doc2(okUnit) + "junk", 0, "line 7: text after </xliff>"},
		{"too large", doc2(okUnit), 100, "xliff file exceeds 100 bytes"},
		{"unit without id", doc2(`<unit><segment><source>a</source></segment></unit>`), 0, "line 4: <unit> without id"},
		{"foreign unit id", doc2(`<unit id="u7"><segment><source>a</source></segment></unit>`), 0, `line 4: unit "u7": id is not a Tilmash segment id (want s followed by the segment number, e.g. s123)`},
		{"leading zero id", doc2(`<unit id="s07"><segment><source>a</source></segment></unit>`), 0, `line 4: unit "s07": id is not a Tilmash segment id (want s followed by the segment number, e.g. s123)`},
		{"id out of range", doc2(`<unit id="s99999999999999999999"><segment><source>a</source></segment></unit>`), 0, `line 4: unit "s99999999999999999999": id is not a Tilmash segment id (want s followed by the segment number, e.g. s123)`},
		{"duplicate id", doc2(okUnit + "\n" + okUnit), 0, `line 5: unit "s1": duplicate unit id (first at line 4)`},
		{"duplicate id across groups", doc2(`<group id="p1">` + okUnit + "</group>\n<group id=\"p2\">" + okUnit + "</group>"), 0, `line 5: unit "s1": duplicate unit id (first at line 4)`},
		{"bad version", doc2(`<unit id="s1" tl:version="v2"><segment><source>a</source></segment></unit>`), 0, `line 4: unit "s1": tl:version "v2" is not a version number`},
		{"negative version", doc2(`<unit id="s1" tl:version="-1"><segment><source>a</source></segment></unit>`), 0, `line 4: unit "s1": tl:version "-1" is not a version number`},
		{"no segment", doc2(`<unit id="s1"><notes><note>n</note></notes></unit>`), 0, `line 4: unit "s1": unit has no <segment>, so no <source>`},
		{"segment without source", doc2(`<unit id="s1"><segment><target>a</target></segment></unit>`), 0, `line 4: unit "s1": <segment> has no <source>`},
		{"two targets", doc2(`<unit id="s1"><segment><source>a</source><target>b</target><target>c</target></segment></unit>`), 0, `line 4: unit "s1": <segment> has two <target> elements`},
		{"unknown state", doc2(`<unit id="s1"><segment state="done"><source>a</source></segment></unit>`), 0, `line 4: unit "s1": unknown state "done" (want initial, translated, reviewed or final)`},
		{"unknown tilmash subState", doc2(`<unit id="s1"><segment state="initial" subState="tilmash:lost"><source>a</source></segment></unit>`), 0, `line 4: unit "s1": unknown state: subState "tilmash:lost" is not a Tilmash state`},
		{"placeholder", doc2(`<unit id="s1"><segment><source>a</source><target>b<ph id="1"/></target></segment></unit>`), 0, `line 4: unit "s1": inline code <ph> in <target>: Tilmash text is plain and has no codes`},
		{"code point not allowed", doc2(`<unit id="s1"><segment><source>a</source><target>b<cp hex="0001"/></target></segment></unit>`), 0, `line 4: unit "s1": <cp hex="0001"> is U+0001, a character Tilmash does not store`},
		{"code point not hex", doc2(`<unit id="s1"><segment><source>a</source><target>b<cp hex="zz"/></target></segment></unit>`), 0, `line 4: unit "s1": <cp hex="zz"> is not a hexadecimal code point`},
		{"html in target", doc2(`<unit id="s1"><segment><source>a</source><target><b>bold</b></target></segment></unit>`), 0, `line 4: unit "s1": unexpected element <b> in <target>`},
		{"element in note", doc2(`<unit id="s1"><notes><note><b/></note></notes><segment><source>a</source></segment></unit>`), 0, `line 4: unit "s1": unexpected element <b> in <note>`},
		{"some segments untranslated", doc2(`<unit id="s1"><segment><source>a</source><target>b</target></segment><ignorable><source> </source></ignorable><segment><source>c</source></segment></unit>`), 0, `line 4: unit "s1": 1 of its 2 segments have no <target>: translate all or none of them`},
		{"deep groups", doc2(strings.Repeat(`<group id="g">`, 70) + strings.Repeat(`</group>`, 70)), 0, "line 4: element <group> is nested deeper than 64 levels"},
		{"files of two languages", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="a" source-language="ru" target-language="kk" datatype="plaintext"><body/></file>
<file original="b" source-language="ru" target-language="ar" datatype="plaintext"><body/></file>
</xliff>`, 0, `line 3: <file> 2 has target language "ar", the first has "kk"`},
		{"1.2 unknown state", doc12(`<trans-unit id="s1"><source>a</source><target state="done">b</target></trans-unit>`), 0, `line 5: unit "s1": unknown state "done" (want new, needs-translation, needs-review-translation, translated, signed-off, final or another XLIFF 1.2 state)`},
		{"1.2 unknown tl:state", doc12(`<trans-unit id="s1" tl:state="lost"><source>a</source><target state="translated">b</target></trans-unit>`), 0, `line 5: unit "s1": unknown state: tl:state "lost" is not a Tilmash state`},
		{"1.2 no source", doc12(`<trans-unit id="s1"><target>b</target></trans-unit>`), 0, `line 5: unit "s1": <trans-unit> has no <source>`},
		{"1.2 two sources", doc12(`<trans-unit id="s1"><source>a</source><source>b</source></trans-unit>`), 0, `line 5: unit "s1": <trans-unit> has two <source> elements`},
		{"1.2 placeholder", doc12(`<trans-unit id="s1"><source>a</source><target>b<x id="1"/></target></trans-unit>`), 0, `line 5: unit "s1": inline code <x> in <target>: Tilmash text is plain and has no codes`},
		{"1.2 foreign id", doc12(`<trans-unit id="1"><source>a</source></trans-unit>`), 0, `line 5: unit "1": id is not a Tilmash segment id (want s followed by the segment number, e.g. s123)`},
		{"1.2 duplicate", doc12(`<trans-unit id="s1"><source>a</source></trans-unit>
<group id="p2"><trans-unit id="s1"><source>a</source></trans-unit></group>`), 0, `line 6: unit "s1": duplicate unit id (first at line 5)`},
		{"1.2 bad document id", `<xliff version="1.2" xmlns:tl="urn:tilmash:xliff"><file original="a" source-language="ru" datatype="plaintext" tl:document="x"><body/></file></xliff>`, 0, `line 1: tl:document "x" is not a document id`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(c.input), c.limit)
			if err == nil {
				t.Fatalf("Read succeeded with %+v, want error %q", f, c.want)
			}
			if err.Error() != c.want {
				t.Errorf("error\n got %q\nwant %q", err.Error(), c.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %T is not a *ParseError", err)
			}
			wantCode := apperr.Invalid
			if c.limit > 0 {
				wantCode = apperr.TooLarge
			}
			if strings.Contains(c.want, "namespace \"") || strings.Contains(c.want, "illegal character code") {
				wantCode = apperr.Unprocessable // another kind of file, or text Tilmash cannot store
			}
			if code := apperr.CodeOf(err); code != wantCode {
				t.Errorf("apperr code = %q, want %q", code, wantCode)
			}
			if errors.Is(err, ErrTooLarge) != (c.limit > 0) {
				t.Errorf("errors.Is(err, ErrTooLarge) = %v", errors.Is(err, ErrTooLarge))
			}
		})
	}
}

// failingReader returns some bytes, then an I/O error.
type failingReader struct{ data []byte }

var errNetwork = errors.New("connection reset")

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errNetwork
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestReadReaderFailure: a failing upload is not the file's fault: the error
// wraps the cause and is no ParseError, so the API can answer 500, not 400.
func TestReadReaderFailure(t *testing.T) {
	_, err := Read(&failingReader{data: []byte(doc2(okUnit))[:150]}, 0)
	if !errors.Is(err, errNetwork) || err.Error() != "read xliff: connection reset" {
		t.Fatalf("error = %v, want read xliff: connection reset", err)
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		t.Errorf("an I/O failure became a ParseError: %v", pe)
	}
}

// TestReadForeignNamespaceUnits: units of another namespace refuse the file
// with the namespace named, instead of reading as a file with nothing in it.
func TestReadForeignNamespaceUnits(t *testing.T) {
	cases := []struct{ file, want string }{
		{`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:o="urn:other" version="1.2"><file original="x" source-language="ru" target-language="kk" datatype="plaintext"><body>` +
			`<o:trans-unit id="s1"><o:source>Да.</o:source></o:trans-unit></body></file></xliff>`,
			`line 1: <trans-unit> in namespace "urn:other", not in the file's XLIFF namespace "urn:oasis:names:tc:xliff:document:1.2": Tilmash reads units of the XLIFF namespace only`},
		{`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru" trgLang="kk"><file id="f"><unit xmlns="" id="s1"/></file></xliff>`,
			`line 1: <unit> in namespace (none), not in the file's XLIFF namespace "urn:oasis:names:tc:xliff:document:2.0": Tilmash reads units of the XLIFF namespace only`},
	}
	for _, c := range cases {
		_, err := Read(strings.NewReader(c.file), 0)
		if err == nil || err.Error() != c.want {
			t.Errorf("Read = %v\nwant %s", err, c.want)
		}
	}
}

func TestSetTargetFill(t *testing.T) {
	units := []Unit{{SegmentID: 1, Source: "Да.", State: "untranslated", Version: 0}}
	for _, c := range []struct {
		fill TargetFill
		want string
	}{
		{FillSource, `<target state="needs-translation">Да.</target>`},
		{FillEmpty, `<target state="needs-translation"></target>`},
	} {
		var b bytes.Buffer
		w, err := NewWriter(&b, V12, sampleHeader("kk"))
		if err != nil {
			t.Fatal(err)
		}
		if err := w.SetTargetFill(c.fill); err != nil {
			t.Fatal(err)
		}
		for _, u := range units {
			if err := w.WriteUnit(u); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("%s: output lacks %s:\n%s", c.fill, c.want, b.String())
		}
	}
	if _, err := ParseTargetFill("copy"); err == nil {
		t.Error(`ParseTargetFill("copy") accepted`)
	}
}
