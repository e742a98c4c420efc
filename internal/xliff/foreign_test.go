package xliff

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestReadForeign reads files shaped like those of CAT tools: no Tilmash
// attributes (Version -1), their own groups, split segments, annotations,
// 1.2 seg-source/alt-trans/state-qualifier, no namespace.
func TestReadForeign(t *testing.T) {
	cases := []struct {
		file   string
		format Format
		header Header
		units  []Unit
	}{
		{"foreign-cat.v20.xlf", V21, Header{SourceLang: "ru-RU", TargetLang: "kk-KZ"}, []Unit{
			{SegmentID: 101, Source: "Встреча делегаций состоится 12 мая.", Target: "Делегациялар кездесуі 12 мамырда өтеді.", State: "translated", Version: -1},
			// Joined segments take the least advanced state.
			{SegmentID: 102, Source: "Первое. Второе.", Target: "Бірінші. Екінші.", State: "translated", Version: -1},
			// No state means initial, even with a target: the caller decides.
			{SegmentID: 103, Source: "Термин пресс-подход.", Target: "Термин брифинг.", State: "untranslated", Version: -1},
			{SegmentID: 104, Source: "Без перевода.", State: "untranslated", Version: -1},
			{SegmentID: 105, Source: "Вкладка", Target: "Қойынды\u00a0→жуан", State: "published", Version: -1},
		}},
		{"foreign-cat.v12.xlf", V12, Header{SourceLang: "ru-RU", TargetLang: "ar-SA"}, []Unit{
			{SegmentID: 101, Paragraph: 1, Source: "Встреча делегаций.", Target: "اجتماع الوفود.", State: "approved", Version: -1},
			{SegmentID: 102, Paragraph: 1, Source: "Регистрация открыта.", Target: "التسجيل مفتوح.", State: "translated", Version: -1},
			{SegmentID: 103, Paragraph: 2, Source: "Справки по телефону.", Target: "للاستفسار عبر الهاتف.", State: "translated", Version: -1},
			{SegmentID: 104, Paragraph: 2, Source: "Без перевода.", State: "untranslated", Version: -1},
			{SegmentID: 105, Paragraph: 2, Source: "Отклонено.", Target: "مرفوض.", State: "rejected", Version: -1},
		}},
		{"foreign-nonamespace.v12.xlf", V12, Header{SourceLang: "ru", TargetLang: "tg"}, []Unit{
			{SegmentID: 7, Source: "Да.", Target: "Ҳа.", State: "translated", Version: -1},
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			f, err := Read(bytes.NewReader(data), 0)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if f.Format != c.format || f.Header != c.header {
				t.Errorf("format %q header %+v, want %q %+v", f.Format, f.Header, c.format, c.header)
			}
			diffUnits(t, f.Units, c.units)
		})
	}
}

// TestReadFilledExport is the acceptance path: Tilmash exports, a tool or a
// script fills the missing target without touching anything else, Tilmash
// reads the target together with the version it was exported at.
func TestReadFilledExport(t *testing.T) {
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			data := string(write(t, f.format, sampleHeader("kk"), sampleUnitsKK()))
			source := "<source>Справки по телефону +7 (7172) 00-00-00.</source>\n"
			if !strings.Contains(data, source) {
				t.Fatalf("export lacks %q", source)
			}
			translation := "Анықтама телефоны +7 (7172) 00-00-00."
			want := sampleUnitsKK()
			want[3].Target = translation
			filled := strings.Replace(data, source, source+"<target>"+translation+"</target>\n", 1)
			if f.format == V12 {
				// The 1.2 export has a copy of the source as target, which a
				// CAT tool overwrites and leaves the state as it was (OmegaT).
				copied := `<target state="needs-translation">Справки по телефону +7 (7172) 00-00-00.</target>`
				if !strings.Contains(data, copied) {
					t.Fatalf("1.2 export lacks %q", copied)
				}
				filled = strings.Replace(data, copied, `<target state="needs-translation">`+translation+`</target>`, 1)
			}
			file, err := Read(strings.NewReader(filled), 0)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			diffUnits(t, file.Units, want)
			if file.Units[3].Done {
				t.Errorf("unit 3 reads as done; its state says there is work to do")
			}
		})
	}
}

// TestReadDone: Done follows the file's standard state only, so that an
// import can tell a finished translation that equals its source from a copy.
func TestReadDone(t *testing.T) {
	v12 := func(state string) string {
		return `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" source-language="ru" target-language="kk" datatype="plaintext"><body>` +
			`<trans-unit id="s1"><source>Да.</source><target` + state + `>Иә.</target></trans-unit></body></file></xliff>`
	}
	v2 := func(state string) string {
		return `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru" trgLang="kk"><file id="f"><unit id="s1"><segment` + state +
			`><source>Да.</source><target>Иә.</target></segment></unit></file></xliff>`
	}
	cases := []struct {
		name, file string
		done       bool
	}{
		{"1.2 translated", v12(` state="translated"`), true},
		{"1.2 signed-off", v12(` state="signed-off"`), true},
		{"1.2 final", v12(` state="final"`), true},
		{"1.2 needs-translation", v12(` state="needs-translation"`), false},
		{"1.2 needs-review-translation", v12(` state="needs-review-translation"`), false},
		{"1.2 no state", v12(""), false},
		{"1.2 x-private", v12(` state="x-done"`), false},
		{"2.1 translated", v2(` state="translated"`), true},
		{"2.1 reviewed", v2(` state="reviewed"`), true},
		{"2.1 final", v2(` state="final"`), true},
		{"2.1 initial", v2(` state="initial"`), false},
		{"2.1 no state", v2(""), false},
	}
	for _, c := range cases {
		f, err := Read(strings.NewReader(c.file), 0)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if f.Units[0].Done != c.done {
			t.Errorf("%s: Done = %v, want %v", c.name, f.Units[0].Done, c.done)
		}
	}
}

// TestReadEncodings: UTF-8 with a byte order mark, UTF-16 both ways (Windows
// tools) and a declared single-byte encoding all read as the UTF-8 original.
func TestReadEncodings(t *testing.T) {
	units := []Unit{{SegmentID: 1, Paragraph: 1, Source: "Встреча делегаций «в Астане».", Target: "Meeting of delegations in Astana.", State: "translated", Version: 2}}
	for _, f := range formats {
		plain := write(t, f.format, sampleHeader("en"), units)
		cp1251, err := charmap.Windows1251.NewEncoder().Bytes(bytes.Replace(plain, []byte(`encoding="UTF-8"`), []byte(`encoding="windows-1251"`), 1))
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			data []byte
		}{
			{"utf-8 bom", append([]byte("\xef\xbb\xbf"), plain...)},
			{"utf-16le bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), plain)},
			{"utf-16be bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), plain)},
			{"windows-1251", cp1251},
		}
		for _, c := range cases {
			t.Run(f.name+"/"+c.name, func(t *testing.T) {
				file, err := Read(bytes.NewReader(c.data), 0)
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				diffUnits(t, file.Units, units)
				if file.Header.Title != sampleHeader("en").Title {
					t.Errorf("title %q", file.Header.Title)
				}
			})
		}
	}
}

func encode(t *testing.T, e encoding.Encoding, b []byte) []byte {
	t.Helper()
	out, err := e.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadLimit: the limit is inclusive, and the size check does not depend
// on where the file is cut.
func TestReadLimit(t *testing.T) {
	data := write(t, V21, sampleHeader("kk"), sampleUnitsKK())
	n := int64(len(data))
	if _, err := Read(bytes.NewReader(data), n); err != nil {
		t.Errorf("file of exactly the limit: %v", err)
	}
	for _, limit := range []int64{1, 10, n / 2, n - 1} {
		_, err := Read(bytes.NewReader(data), limit)
		want := "xliff file exceeds " + strconv.FormatInt(limit, 10) + " bytes"
		if errString(err) != want {
			t.Errorf("limit %d: error %v, want %q", limit, err, want)
		}
	}
	// UTF-16 doubles the bytes; the limit counts the bytes received.
	utf16 := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), data)
	if _, err := Read(bytes.NewReader(utf16), n); errString(err) != "xliff file exceeds "+strconv.FormatInt(n, 10)+" bytes" {
		t.Errorf("utf-16 file: error %v", err)
	}
}
