package glossary

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

var exchangeTerms = []Term{
	{Source: "ООН", Target: "UN", Note: "United Nations in full where it stands alone."},
	{Source: "Повестка дня", Target: "Agenda", Forbidden: []string{"Agenda of the Day", "Day Agenda"}},
	{Source: "Государственная корпорация «Правительство для граждан»", Target: "State Corporation “Government for Citizens”",
		Note: "quotes \"inside\", a comma, <angle> & ampersand\nand a second line"},
	{Source: "госслужащий", Target: "civil servant", Forbidden: []string{"state servant"}},
}

func TestCSVRoundTrip(t *testing.T) {
	for _, terms := range [][]Term{exchangeTerms, Seed("kk"), Seed("en"), nil} {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, terms); err != nil {
			t.Fatal(err)
		}
		got, err := ReadCSV(&buf)
		if err != nil {
			t.Fatalf("ReadCSV: %v", err)
		}
		if !reflect.DeepEqual(got, terms) {
			t.Errorf("round trip changed the terms:\n got %#v\nwant %#v", got, terms)
		}
	}
}

func TestTBXRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		terms []Term
	}{{"en", exchangeTerms}, {"kk", Seed("kk")}, {"en", Seed("en")}, {"fa-AF", nil}} {
		var buf bytes.Buffer
		if err := WriteTBX(&buf, "ru", tc.lang, tc.terms); err != nil {
			t.Fatal(err)
		}
		got, err := ReadTBX(bytes.NewReader(buf.Bytes()), "ru", tc.lang)
		if err != nil {
			t.Fatalf("ReadTBX: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(got, tc.terms) {
			t.Errorf("round trip changed the terms:\n got %#v\nwant %#v", got, tc.terms)
		}
	}
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Term
	}{
		{"bom and any column order", "\uFEFFtarget,source\nUN,ООН\n", []Term{{Source: "ООН", Target: "UN"}}},
		{"crlf, trimming, forbidden list", "source,target,note,forbidden\r\n  ООН , UN ,, U.N.| |UNO \r\n",
			[]Term{{Source: "ООН", Target: "UN", Forbidden: []string{"U.N.", "UNO"}}}},
		{"header case", "Source,TARGET\nООН,UN\n", []Term{{Source: "ООН", Target: "UN"}}},
		{"nfc", "source,target\nе\u0308лка,fir\n", []Term{{Source: "ёлка", Target: "fir"}}},
		{"header only", "source,target,note,forbidden\n", nil},
		{"semicolons from a spreadsheet", "source;target;note\r\nООН;UN;\"a, b\"\r\n", []Term{{Source: "ООН", Target: "UN", Note: "a, b"}}},
		{"tabs", "source\ttarget\nООН\tUN\n", []Term{{Source: "ООН", Target: "UN"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCSV(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", `glossary csv: empty file, expected a header line "source,target,note,forbidden"`},
		{"unknown column", "source,target,comment\n", `glossary csv: line 1: unknown column "comment" (expected source, target, note, forbidden)`},
		{"missing target column", "source,note\n", `glossary csv: line 1: missing column "target" (the header must name source and target)`},
		{"duplicate column", "source,target,source\n", `glossary csv: line 1: column "source" appears twice`},
		{"field count", "source,target\nООН,UN\nЦУР\n", `glossary csv: line 3: 1 fields, but the header has 2`},
		{"empty source", "source,target\nООН,UN\n ,x\n", `glossary csv: line 3: the source term is empty`},
		{"empty target", "source,target\nООН,\n", `glossary csv: line 2: the target of "ООН" is empty`},
		{"duplicate source", "source,target\nООН,UN\nЦУР,SDGs\nООН,United Nations\n", `glossary csv: line 4: source "ООН" is already defined on line 2`},
		{"target forbidden", "source,target,forbidden\nООН,UN,UN\n", `glossary csv: line 2: "ООН" lists its own target "UN" as forbidden`},
		{"bad quote", "source,target\n\"ООН,UN\n", `glossary csv: parse error on line 2, column 12: extraneous or missing " in quoted-field`},
		{"windows-1251", "source,target\nООН,UN\n\xce\xce\xcd,UN\n", `glossary csv: line 3: the text is not valid UTF-8 (save the file as UTF-8)`},
		{"quote in bare field", "source,target\nО\"ОН,UN\n", `glossary csv: parse error on line 2, column 3: bare " in non-quoted-field`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Errorf("got error %v\nwant %s", err, tt.want)
			}
		})
	}
}

const tbxSample = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic-V1" xml:lang="ru">
<martifHeader><fileDesc><sourceDesc><p>sample</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="c1">
  <descrip type="subjectField">public administration</descrip>
  <note>UN body</note>
  <langSet xml:lang="ru-RU">
    <tig><term>ПРООН</term></tig>
    <tig><term>Программа развития ООН</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
    <tig><term>ПР ООН</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="EN">
    <tig><term>UNPD</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></tig>
    <tig><term>United Nations Development Programme</term><note>spelled out</note></tig>
    <tig><term><hi>UNDP</hi></term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
<termEntry id="c2">
  <langSet xml:lang="ru"><tig><term>ООН</term></tig></langSet>
  <langSet xml:lang="kk"><tig><term>БҰҰ</term></tig></langSet>
</termEntry>
<termEntry id="c3">
  <langSet xml:lang="ru"><ntig><termGrp><term>ЦУР</term></termGrp></ntig></langSet>
  <langSet xml:lang="en"><ntig><termGrp><term>SDGs</term></termGrp><note>plural</note></ntig></langSet>
</termEntry>
</body></text>
</martif>`

const tbx3Sample = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="ru" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>v3</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c1">
  <langSec xml:lang="ru"><termSec><term>ООН</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>UN</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
  <termSec><term>U.N.</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text>
</tbx>`

func TestReadTBX(t *testing.T) {
	tests := []struct {
		name, in, tgt string
		want          []Term
	}{
		{"tbx2 en", tbxSample, "en", []Term{
			{Source: "ПРООН", Target: "UNDP", Note: "UN body; spelled out; also admitted: United Nations Development Programme", Forbidden: []string{"UNPD"}},
			{Source: "Программа развития ООН", Target: "UNDP", Note: "UN body; spelled out; also admitted: United Nations Development Programme", Forbidden: []string{"UNPD"}},
			{Source: "ЦУР", Target: "SDGs", Note: "plural"},
		}},
		{"tbx2 kk", tbxSample, "kk-KZ", []Term{{Source: "ООН", Target: "БҰҰ"}}},
		{"tbx3", tbx3Sample, "en", []Term{{Source: "ООН", Target: "UN", Forbidden: []string{"U.N."}}}},
		{"empty body", `<martif type="TBX-Basic"><text><body/></text></martif>`, "en", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadTBX(strings.NewReader(tt.in), "ru", tt.tgt)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestReadTBXErrors(t *testing.T) {
	entry := func(body string) string {
		return "<martif>\n<text><body>\n<termEntry>\n" + body + "\n</termEntry>\n</body></text></martif>"
	}
	tests := []struct{ name, in, tgt, want string }{
		{"not xml", "hello", "en", `read tbx: no XML element found`},
		{"wrong root", "<xliff/>", "en", `read tbx: line 1: root element is <xliff>, expected <martif> or <tbx>`},
		{"unclosed", "<martif>\n<text><body>\n<termEntry>\n<langSet xml:lang=\"ru\">", "en", `read tbx: entry starting on line 3: XML syntax error on line 4: unexpected EOF`},
		{"mismatched tag", "<martif>\n<text>\n</body>", "en", `read tbx: XML syntax error on line 3: element <text> closed by </body>`},
		{"empty term", entry(`<langSet xml:lang="ru"><tig><term> </term></tig></langSet>`), "en", `read tbx: entry starting on line 3: a ru <term> is empty`},
		{"tig without term", entry(`<langSet xml:lang="en"><tig><note>x</note></tig></langSet>`), "en", `read tbx: entry starting on line 3: a en term group has no <term>`},
		{"no lang", entry(`<langSet><tig><term>x</term></tig></langSet>`), "en", `read tbx: entry starting on line 3: a language section has no xml:lang`},
		{"pair missing", entry(`<langSet xml:lang="ru"><tig><term>ООН</term></tig></langSet><langSet xml:lang="de"><tig><term>UNO</term></tig></langSet>`), "en",
			`read tbx: none of the 1 entries has terms in both ru and en`},
		{"duplicate source", "<martif><text><body>\n" +
			`<termEntry><langSet xml:lang="ru"><tig><term>ООН</term></tig></langSet><langSet xml:lang="en"><tig><term>UN</term></tig></langSet></termEntry>` + "\n" +
			`<termEntry><langSet xml:lang="ru"><tig><term>ООН</term></tig></langSet><langSet xml:lang="en"><tig><term>UNO</term></tig></langSet></termEntry>` +
			"\n</body></text></martif>", "en", `read tbx: entry starting on line 3: source "ООН" is already defined by the entry on line 2`},
		{"no target language", "<martif/>", "", `read tbx: source and target languages are required`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTBX(strings.NewReader(tt.in), "ru", tt.tgt)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got error %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	bad := []Term{{Source: "ООН", Target: ""}}
	if err := WriteCSV(&bytes.Buffer{}, bad); err == nil || err.Error() != `write glossary csv: term 1: the target of "ООН" is empty` {
		t.Errorf("WriteCSV: %v", err)
	}
	if err := WriteTBX(&bytes.Buffer{}, "ru", "en", bad); err == nil || err.Error() != `write tbx: term 1: the target of "ООН" is empty` {
		t.Errorf("WriteTBX: %v", err)
	}
	pipe := []Term{{Source: "ООН", Target: "UN", Forbidden: []string{"a|b"}}}
	if err := WriteCSV(&bytes.Buffer{}, pipe); err == nil || err.Error() != `write glossary csv: term 1: forbidden variant "a|b" of "ООН" contains "|"` {
		t.Errorf("WriteCSV: %v", err)
	}
}
