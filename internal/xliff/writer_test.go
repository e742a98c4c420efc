package xliff

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	cases := []struct {
		in   string
		want Format
		err  string
	}{
		{"", V21, ""},
		{"2", V21, ""},
		{"2.0", V21, ""},
		{"2.1", V21, ""},
		{"1.2", V12, ""},
		{"1.1", "", `unknown XLIFF format "1.1" (want 2.1 or 1.2)`},
		{"2.2", "", `unknown XLIFF format "2.2" (want 2.1 or 1.2)`},
		{"xliff", "", `unknown XLIFF format "xliff" (want 2.1 or 1.2)`},
	}
	for _, c := range cases {
		got, err := ParseFormat(c.in)
		if got != c.want || errString(err) != c.err {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, %q", c.in, got, err, c.want, c.err)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestNewWriterErrors(t *testing.T) {
	ok := sampleHeader("kk")
	with := func(change func(*Header)) Header {
		h := ok
		change(&h)
		return h
	}
	cases := []struct {
		name   string
		format Format
		header Header
		want   string
	}{
		{"unknown format", "3.0", ok, `write xliff: unknown format "3.0"`},
		{"no source language", V21, with(func(h *Header) { h.SourceLang = "" }), `write xliff: source language "" is not a language tag`},
		{"underscore tag", V12, with(func(h *Header) { h.TargetLang = "kk_KZ" }), `write xliff: target language "kk_KZ" is not a language tag`},
		{"subtag too long", V21, with(func(h *Header) { h.TargetLang = "fa-AFGHANIST" }), `write xliff: target language "fa-AFGHANIST" is not a language tag`},
		{"digit first", V21, with(func(h *Header) { h.TargetLang = "1a" }), `write xliff: target language "1a" is not a language tag`},
		{"trailing dash", V21, with(func(h *Header) { h.TargetLang = "kk-" }), `write xliff: target language "kk-" is not a language tag`},
		{"negative document", V21, with(func(h *Header) { h.DocumentID = -1 }), `write xliff: document id -1 is negative`},
		{"negative revision", V21, with(func(h *Header) { h.Revision = -2 }), `write xliff: revision -2 is negative`},
		{"control character in title", V12, with(func(h *Header) { h.Title = "a\x00" }), `write xliff: title: character U+0000 at byte 1 is not allowed in XML 1.0`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			_, err := NewWriter(&b, c.format, c.header)
			if errString(err) != c.want {
				t.Errorf("error = %v, want %q", err, c.want)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %d bytes before failing", b.Len())
			}
		})
	}
}

func TestWriteUnitErrors(t *testing.T) {
	first := Unit{SegmentID: 5, Paragraph: 2, Source: "а", Target: "b", State: "translated", Version: 1}
	cases := []struct {
		name string
		unit Unit
		want string
	}{
		{"control character", Unit{SegmentID: 6, Paragraph: 2, Source: "а", Target: "ab\x01", State: "translated"}, "write xliff: segment 6: target: character U+0001 at byte 2 is not allowed in XML 1.0"},
		{"escape character in source", Unit{SegmentID: 6, Paragraph: 2, Source: "\x1b[0m", State: "untranslated"}, "write xliff: segment 6: source: character U+001B at byte 0 is not allowed in XML 1.0"},
		{"noncharacter U+FFFE", Unit{SegmentID: 6, Paragraph: 2, Source: "а", Target: "x\uFFFE", State: "translated"}, "write xliff: segment 6: target: character U+FFFE at byte 1 is not allowed in XML 1.0"},
		{"invalid utf-8 in comment", Unit{SegmentID: 6, Paragraph: 2, Source: "а", State: "rejected", Comment: "ok\xc3"}, "write xliff: segment 6: comment: invalid UTF-8 at byte 2"},
		{"bad previous source", Unit{SegmentID: 6, Paragraph: 2, Source: "а", State: "outdated", PreviousSource: "\x7f\x08"}, "write xliff: segment 6: previous source: character U+0008 at byte 1 is not allowed in XML 1.0"},
		{"unknown state", Unit{SegmentID: 6, Paragraph: 2, Source: "а", State: "done"}, `write xliff: segment 6: unknown state "done"`},
		{"no state", Unit{SegmentID: 6, Paragraph: 2, Source: "а"}, `write xliff: segment 6: unknown state ""`},
		{"zero id", Unit{SegmentID: 0, Paragraph: 2, Source: "а", State: "translated"}, "write xliff: segment 0: segment id must be positive"},
		{"same segment twice", first, "write xliff: segment 5: written twice"},
		{"paragraph goes back", Unit{SegmentID: 6, Paragraph: 1, Source: "а", State: "translated"}, "write xliff: segment 6: paragraph 1 comes after paragraph 2: units must arrive in document order"},
		{"negative paragraph", Unit{SegmentID: 6, Paragraph: -1, Source: "а", State: "translated"}, "write xliff: segment 6: paragraph -1 is negative"},
	}
	for _, c := range cases {
		for _, f := range formats {
			t.Run(c.name+"/"+f.name, func(t *testing.T) {
				var b bytes.Buffer
				w, err := NewWriter(&b, f.format, sampleHeader("kk"))
				if err != nil {
					t.Fatal(err)
				}
				if err := w.WriteUnit(first); err != nil {
					t.Fatal(err)
				}
				if err := w.WriteUnit(c.unit); errString(err) != c.want {
					t.Fatalf("error = %v, want %q", err, c.want)
				}
				// The refused unit leaves no trace and the writer goes on.
				last := Unit{SegmentID: 7, Paragraph: 3, Source: "в", Target: "v", State: "approved", Version: 2}
				if err := w.WriteUnit(last); err != nil {
					t.Fatalf("WriteUnit after a refused unit: %v", err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				file, err := Read(&b, 0)
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				diffUnits(t, file.Units, []Unit{first, last})
			})
		}
	}
}

func TestWriteUnitAfterClose(t *testing.T) {
	w, err := NewWriter(&bytes.Buffer{}, V21, sampleHeader("kk"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	err = w.WriteUnit(Unit{SegmentID: 1, Source: "a", State: "translated"})
	if errString(err) != "write xliff: WriteUnit after Close" {
		t.Errorf("error = %v", err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errDiskFull
	}
	f.n -= len(p)
	return len(p), nil
}

func TestWriteErrorIsSticky(t *testing.T) {
	w, err := NewWriter(&failingWriter{n: 1000}, V21, sampleHeader("kk"))
	if err != nil {
		t.Fatal(err)
	}
	var firstErr error
	for i := range 5000 {
		u := Unit{SegmentID: int64(i + 1), Paragraph: i/10 + 1, Source: strings.Repeat("текст ", 10), State: "untranslated"}
		if err := w.WriteUnit(u); err != nil {
			firstErr = err
			break
		}
	}
	if !errors.Is(firstErr, errDiskFull) {
		t.Fatalf("WriteUnit error = %v, want disk full", firstErr)
	}
	if err := w.WriteUnit(Unit{SegmentID: 99999, Source: "a", State: "translated"}); !errors.Is(err, errDiskFull) {
		t.Errorf("next WriteUnit = %v, want the same error", err)
	}
	if err := w.Close(); !errors.Is(err, errDiskFull) || err.Error() != "write xliff: disk full" {
		t.Errorf("Close = %v, want write xliff: disk full", err)
	}
}

// TestWriteEmptyDocument: a document without segments is still a valid file.
func TestWriteEmptyDocument(t *testing.T) {
	want := map[Format]string{
		V21: `    <group id="empty"/>` + "\n  </file>\n</xliff>\n",
		V12: "    <body>\n    </body>\n  </file>\n</xliff>\n",
	}
	for _, f := range formats {
		got := string(write(t, f.format, sampleHeader("kk"), nil))
		if !strings.HasSuffix(got, want[f.format]) {
			t.Errorf("%s ends\n%s\nwant suffix\n%s", f.name, got, want[f.format])
		}
	}
}

func TestDirection(t *testing.T) {
	cases := map[string]string{"kk": `srcDir="ltr" trgDir="ltr"`, "ar": `srcDir="ltr" trgDir="rtl"`, "fa-AF": `trgDir="rtl"`, "ps": `trgDir="rtl"`, "he": `trgDir="rtl"`, "nl": `trgDir="ltr"`}
	for lang, want := range cases {
		got := string(write(t, V21, sampleHeader(lang), nil))
		if !strings.Contains(got, want) {
			t.Errorf("%s: file element lacks %s:\n%s", lang, want, got)
		}
	}
}
