package glossary

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// FuzzReadCSV checks that ReadCSV never panics and that whatever it accepts
// survives a WriteCSV/ReadCSV round trip unchanged.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("source,target,note,forbidden\nООН,UN,,U.N.|UNO\n"))
	f.Add([]byte("\uFEFFtarget,source\r\n\"a,b\",\"x\"\"y\"\n"))
	f.Add([]byte("source,target\n\"\n"))
	f.Add([]byte(""))
	var buf bytes.Buffer
	// Small seeds: the fuzzer minimises every interesting input, and a whole
	// seed glossary makes that take minutes.
	_ = WriteCSV(&buf, Seed("kk")[:3])
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		terms, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteCSV(&out, terms); err != nil {
			t.Fatalf("WriteCSV of accepted terms: %v", err)
		}
		again, err := ReadCSV(&out)
		if err != nil {
			t.Fatalf("ReadCSV of written terms: %v\n%q", err, out.String())
		}
		if !reflect.DeepEqual(again, terms) {
			t.Fatalf("round trip changed terms:\n got %#v\nwant %#v", again, terms)
		}
		New(terms).Match(string(data))
	})
}

// FuzzReadTBX checks that ReadTBX never panics and that whatever it accepts
// survives a WriteTBX/ReadTBX round trip.
func FuzzReadTBX(f *testing.F) {
	f.Add([]byte(tbxSample))
	f.Add([]byte(tbx3Sample))
	f.Add([]byte(`<martif><text><body><termEntry><langSet xml:lang="ru"><tig><term>a</term></tig></langSet></termEntry></body></text></martif>`))
	var buf bytes.Buffer
	_ = WriteTBX(&buf, "ru", "en", Seed("en")[:3])
	f.Add(buf.Bytes())
	// Past the limits: nesting inside an entry and around entries, UTF-16.
	f.Add([]byte(`<martif><text><body><termEntry><langSet xml:lang="ru"><tig><term>` + strings.Repeat("<hi>", 70)))
	f.Add([]byte(`<martif><text><body>` + strings.Repeat("<x>", 70)))
	f.Add([]byte("\xff\xfe<\x00m\x00a\x00r\x00t\x00i\x00f\x00/\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		terms, err := ReadTBX(bytes.NewReader(data), "ru", "en")
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteTBX(&out, "ru", "en", terms); err != nil {
			t.Fatalf("WriteTBX of accepted terms: %v", err)
		}
		again, err := ReadTBX(&out, "ru", "en")
		if err != nil {
			t.Fatalf("ReadTBX of written terms: %v\n%s", err, out.String())
		}
		// Admitted alternatives were folded into the note on the first read,
		// so the second read must give exactly the same terms.
		if !reflect.DeepEqual(again, terms) {
			t.Fatalf("round trip changed terms:\n got %#v\nwant %#v", again, terms)
		}
	})
}
