package tmx

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"tilmash/internal/golden"
	"tilmash/internal/limits"
)

var created = time.Date(2024, 11, 27, 9, 30, 0, 0, time.UTC)

func sampleUnits() []Unit {
	return []Unit{
		{SourceLang: "ru", TargetLang: "kk", Source: "Повестка дня ООН", Target: "БҰҰ күн тәртібі", Author: "aigul", Created: created},
		{SourceLang: "ru", TargetLang: "kk", Source: "«Кавычки» & <теги> \"и\" 'апострофы'", Target: "a < b > c & d", Author: "a&b \"q\""},
		{SourceLang: "ru", TargetLang: "fa-AF", Source: "Строка\nс переносом\tи табуляцией", Target: "متن دری", Created: created.Add(time.Hour)},
		{SourceLang: "ru", TargetLang: "kk", Source: "", Target: "бос дереккөз"},
		{SourceLang: "ru", TargetLang: "kk", Source: "эмодзи 🙂 и  двойной пробел ", Target: " пробелы по краям "},
	}
}

func writeAll(t *testing.T, units []Unit) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "ru")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if err := w.Write(u); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readAll(t *testing.T, doc []byte, src, tgt string) []Unit {
	t.Helper()
	var got []Unit
	n, err := Read(bytes.NewReader(doc), src, tgt, func(u Unit) error {
		got = append(got, u)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if n != len(got) {
		t.Fatalf("Read returned %d, called fn %d times", n, len(got))
	}
	return got
}

func TestRoundTrip(t *testing.T) {
	units := sampleUnits()
	doc := writeAll(t, units)
	got := readAll(t, doc, "ru", "kk")
	var want []Unit
	for _, u := range units {
		if u.TargetLang == "kk" {
			want = append(want, u)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("read %d units, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unit %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if got := readAll(t, doc, "RU", "fa"); len(got) != 1 || got[0].Target != "متن دری" || got[0].TargetLang != "fa-AF" {
		t.Errorf("fa matches fa-AF: %+v", got)
	}
}

func TestGolden(t *testing.T) {
	golden.Check(t, "written.tmx", writeAll(t, sampleUnits()))
}

func TestReadForeignFile(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="ru-RU" datatype="plaintext">
  <prop type="x">header props are skipped</prop>
</header>
<body>
  <tu creationid="TU_AUTHOR" creationdate="20230102T030405Z">
    <prop type="x-doc">doc.docx</prop>
    <note>a note</note>
    <tuv xml:lang="ru-RU"><seg>Нажмите <bpt i="1" x="1">&lt;b&gt;</bpt>здесь<ept i="1">&lt;/b&gt;</ept><ph x="2">{0}</ph> и <hi type="emph">тут</hi>.</seg></tuv>
    <tuv xml:lang="en-GB"><seg>British</seg></tuv>
    <tuv xml:lang="EN" creationid="TUV_AUTHOR" creationdate="bad date"><seg>Click <it pos="begin">&lt;i&gt;</it>here<ph><sub>sub text</sub></ph> and <hi>there<hi> nested</hi></hi>.</seg></tuv>
  </tu>
  <tu><tuv lang="ru"><seg>Старый атрибут lang</seg></tuv><tuv lang="en-US"><seg>Old lang attribute</seg></tuv></tu>
  <tu><tuv xml:lang="ru"><seg>Без перевода</seg></tuv><tuv xml:lang="de"><seg>Ohne</seg></tuv></tu>
  <tu><tuv xml:lang="ru"><seg>Только одна сторона</seg></tuv><tuv xml:lang="en"/></tu>
  <tu><tuv xml:lang="eng"><seg>three letters is not a prefix match</seg></tuv><tuv xml:lang="ru"><seg>нет</seg></tuv></tu>
</body>
</tmx>`
	got := readAll(t, []byte(doc), "ru", "en")
	want := []Unit{
		{SourceLang: "ru-RU", TargetLang: "EN", Source: "Нажмите здесь и тут.", Target: "Click here and there nested.", Author: "TUV_AUTHOR"},
		{SourceLang: "ru", TargetLang: "en-US", Source: "Старый атрибут lang", Target: "Old lang attribute"},
	}
	if len(got) != len(want) {
		t.Fatalf("read %d units, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unit %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	// the tu's creation data apply when the tuv has none
	got = readAll(t, []byte(strings.Replace(doc, `creationid="TUV_AUTHOR" creationdate="bad date"`, "", 1)), "ru", "en")
	if got[0].Author != "TU_AUTHOR" || !got[0].Created.Equal(time.Date(2023, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Errorf("tu attributes: %+v", got[0])
	}
}

func TestReadEncodings(t *testing.T) {
	doc := writeAll(t, sampleUnits()[:1])
	bom := append([]byte{0xef, 0xbb, 0xbf}, doc...)
	if got := readAll(t, bom, "ru", "kk"); len(got) != 1 || got[0].Target != "БҰҰ күн тәртібі" {
		t.Errorf("UTF-8 with BOM: %+v", got)
	}
	// UTF-16LE with BOM, declared as UTF-16
	text := strings.Replace(string(doc), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	u16 := []byte{0xff, 0xfe}
	for _, r := range text {
		if r > 0xffff {
			t.Fatal("sample must stay in the BMP")
		}
		u16 = append(u16, byte(r), byte(r>>8))
	}
	if got := readAll(t, u16, "ru", "kk"); len(got) != 1 || got[0].Source != "Повестка дня ООН" {
		t.Errorf("UTF-16: %+v", got)
	}
	cp1251 := []byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?><tmx><body><tu><tuv xml:lang=\"ru\"><seg>\xcf\xf0\xe8\xe2\xe5\xf2</seg></tuv><tuv xml:lang=\"en\"><seg>Hi</seg></tuv></tu></body></tmx>")
	if got := readAll(t, cp1251, "ru", "en"); len(got) != 1 || got[0].Source != "Привет" {
		t.Errorf("windows-1251: %+v", got)
	}
}

func TestReadMalformed(t *testing.T) {
	const tu = `<tu><tuv xml:lang="ru"><seg>а</seg></tuv><tuv xml:lang="kk"><seg>ә</seg></tuv></tu>`
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "", "read tmx: no <tmx> element"},
		{"prolog only", `<?xml version="1.0"?>` + "\n<!-- nothing -->", "read tmx: no <tmx> element"},
		{"not xml", "hello", "read tmx: no <tmx> element"},
		{"wrong root", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"></xliff>", "read tmx: line 2: root element <xliff>, want <tmx>"},
		{"no body", "<tmx version=\"1.4\">\n<header/>\n</tmx>", "read tmx: line 3: <tmx> has no <body>"},
		{"truncated", "<tmx>\n<body>\n" + tu + "\n<tu><tuv xml:lang=\"ru\"><seg>обрыв", "read tmx: line 4: unexpected EOF"},
		{"mismatched tag", "<tmx><body>\n<tu><tuv xml:lang=\"ru\"><seg>x</tuv></tu></body></tmx>", "read tmx: line 2: element <seg> closed by </tuv>"},
		{"bad entity", "<tmx><body>\n\n<tu><tuv xml:lang=\"ru\"><seg>&nbsp;</seg></tuv></tu></body></tmx>", "read tmx: line 3: invalid character entity &nbsp;"},
		{"tuv without lang", "<tmx><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>", "read tmx: line 2: <tuv> without xml:lang"},
		{"bare ampersand", "<tmx><body>\n" + tu + "\n<tu><tuv xml:lang=\"ru\"><seg>a & b</seg></tuv></tu></body></tmx>", "read tmx: line 3: invalid character entity & (no semicolon)"},
		{"unknown encoding", `<?xml version="1.0" encoding="klingon"?><tmx><body/></tmx>`, `read tmx: line 1: xml: opening charset "klingon": unsupported encoding "klingon"`},
		{"unclosed body", "<tmx><body>\n" + tu + "\n", "read tmx: line 3: unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Read(strings.NewReader(tt.doc), "ru", "kk", func(Unit) error { return nil })
			if err == nil {
				t.Fatalf("no error, %d units", n)
			}
			if err.Error() != tt.want {
				t.Errorf("error %q\n         want %q", err, tt.want)
			}
		})
	}
}

func TestReadSegmentTooLong(t *testing.T) {
	doc := "<tmx><body><tu><tuv xml:lang=\"ru\"><seg>" + strings.Repeat("я", limits.TextBytes/2+1) + "</seg></tuv></tu></body></tmx>"
	_, err := Read(strings.NewReader(doc), "ru", "kk", func(Unit) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "<seg> longer than 1 MiB") {
		t.Fatalf("err = %v", err)
	}
}

func TestReadCallbackError(t *testing.T) {
	doc := writeAll(t, sampleUnits())
	stop := errors.New("store is full")
	n, err := Read(bytes.NewReader(doc), "ru", "kk", func(u Unit) error {
		if u.Author == "aigul" {
			return nil
		}
		return stop
	})
	if n != 1 || !errors.Is(err, stop) || !strings.HasPrefix(err.Error(), "read tmx: line 12: unit 2: ") {
		t.Fatalf("n=%d err=%v", n, err)
	}
}

func TestWriterErrors(t *testing.T) {
	if _, err := NewWriter(&bytes.Buffer{}, " "); err == nil || err.Error() != "write tmx: empty source language" {
		t.Errorf("NewWriter: %v", err)
	}
	w, _ := NewWriter(&bytes.Buffer{}, "ru")
	if err := w.Write(Unit{Source: "a", Target: "b"}); err == nil || err.Error() != "write tmx: unit without target language" {
		t.Errorf("Write: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(Unit{TargetLang: "kk"}); err == nil || err.Error() != "write tmx: write after close" {
		t.Errorf("Write after Close: %v", err)
	}
	fw, _ := NewWriter(failingWriter{}, "ru")
	_ = fw.Write(Unit{TargetLang: "kk", Source: "a", Target: "b"})
	if err := fw.Close(); err == nil || err.Error() != "write tmx: disk full" {
		t.Errorf("Close on failing writer: %v", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func FuzzRead(f *testing.F) {
	f.Add(`<tmx><body><tu><tuv xml:lang="ru"><seg>а<hi>б</hi><ph>x</ph></seg></tuv><tuv xml:lang="kk"><seg>ә</seg></tuv></tu></body></tmx>`)
	f.Add(`<?xml version="1.0" encoding="windows-1251"?><tmx><header/><body/></tmx>`)
	f.Add(`<tmx><body><tu><tuv lang="RU-ru"><seg/></tuv><tuv xml:lang="kk-KZ"><seg><bpt><sub>s</sub></bpt></seg></tuv></tu>`)
	f.Add("\xff\xfe<\x00t\x00")
	f.Add(`<xliff/>`)
	// Past the limits: nesting, attributes, entities.
	f.Add(`<tmx><body>` + strings.Repeat(`<tu>`, 70))
	f.Add(`<tmx><body><tu` + strings.Repeat(` a=""`, 130) + `/></body></tmx>`)
	f.Add(`<!DOCTYPE tmx [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]><tmx><body><tu><tuv xml:lang="ru"><seg>&b;</seg></tuv></tu></body></tmx>`)
	f.Fuzz(func(t *testing.T, doc string) {
		n := 0
		got, err := Read(strings.NewReader(doc), "ru", "kk", func(u Unit) error {
			n++
			return nil
		})
		if got != n {
			t.Fatalf("returned %d units, fn saw %d (err %v)", got, n, err)
		}
	})
}

// TestScanSummary: the summary names the language pairs a file holds, so
// that an import of the wrong file can say what it found.
func TestScanSummary(t *testing.T) {
	doc := `<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="de"><seg>Hallo</seg></tuv></tu>
<tu srclang="fr"><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Hi</seg></tuv><tuv xml:lang="de"><seg>Hi</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>Nur eins</seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Да</seg></tuv><tuv xml:lang="KK"><seg>Иә</seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Нет</seg></tuv><tuv xml:lang="KK"><seg>Жоқ</seg></tuv></tu>
</body></tmx>`
	for _, tc := range []struct {
		tgt  string
		want Summary
	}{
		{"kk", Summary{Units: 2, Other: 4, Pairs: []string{"en→de", "fr→de", "en-US→de", "en-US→fr", "ru→KK"}}},
		{"ar", Summary{Units: 0, Other: 6, Pairs: []string{"en→de", "fr→de", "en-US→de", "en-US→fr", "ru→KK"}}},
	} {
		got, err := Scan(strings.NewReader(doc), "ru", tc.tgt, func(Unit) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		if got.Units != tc.want.Units || got.Other != tc.want.Other || !slices.Equal(got.Pairs, tc.want.Pairs) {
			t.Errorf("ru→%s: got %+v, want %+v", tc.tgt, got, tc.want)
		}
	}
	empty, err := Scan(strings.NewReader(`<tmx version="1.4"><header/><body/></tmx>`), "ru", "kk", func(Unit) error { return nil })
	if err != nil || empty.Units != 0 || empty.Other != 0 || empty.Pairs == nil || len(empty.Pairs) != 0 {
		t.Errorf("empty file: %+v, %v", empty, err)
	}
}
