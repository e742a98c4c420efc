package app_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/limits"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

// TestImportXLIFFSourceCopies is the OmegaT path: a 1.2 export has a copy of
// the source in every untranslated target; the tool overwrites some and
// leaves the rest. Only real translations are saved, the copies are
// counted, and a copy the file marks done is a translation.
func TestImportXLIFFSourceCopies(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	data := f.export(t, xliff.V12)
	if n := strings.Count(string(data), `<target state="needs-translation">`); n != 3 {
		t.Fatalf("export has %d source copies, want 3:\n%s", n, data)
	}
	filled := rewrite(t, data, func(i int, u *xliff.Unit) {
		switch i {
		case 0:
			u.Target = kkTargets[0]
		case 1:
			// Only white space differs: still a copy.
			u.Target = " " + strings.ReplaceAll(u.Source, " ", "  ") + "\n"
		case 2:
			u.State = "translated" // the translator says the copy is right
		}
	})
	res, err := f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", bytes.NewReader(filled), 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary() != "saved 2, unchanged 0, copied_source 1, empty 0, conflicts 0, refused 0" {
		t.Fatalf("import: %+v", res)
	}
	want := []app.XLIFFNotSaved{{ID: f.doc.Segments[1].ID, Reason: "copied_source"}}
	if !reflect.DeepEqual(res.NotSaved, want) {
		t.Errorf("not saved = %+v, want %+v", res.NotSaved, want)
	}
	list, err := f.app.Translations(ctx, f.doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	if s := list.Segments[1]; s.State != workflow.Untranslated || s.Target != "" {
		t.Errorf("the copied segment was saved: %+v", s)
	}
	if s := list.Segments[2]; s.State != workflow.Translated || s.Target != s.Source {
		t.Errorf("the copy marked done was not saved: %+v", s)
	}
}

// TestImportXLIFFEmptyAndRefused: empty targets and texts the rules refuse
// are counted and listed with why; the rest of the file is imported.
func TestImportXLIFFEmptyAndRefused(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	long := strings.Repeat("ә", limits.TranslationRunes+1)
	filled := rewrite(t, f.export(t, xliff.V21), func(i int, u *xliff.Unit) {
		u.Target = []string{kkTargets[0], "", long}[i]
	})
	res, err := f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", bytes.NewReader(filled), 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary() != "saved 1, unchanged 0, copied_source 0, empty 1, conflicts 0, refused 1" {
		t.Fatalf("import: %+v", res)
	}
	if n := res.NotSaved; len(n) != 2 || n[0].Reason != "empty" || n[1].Reason != "refused" ||
		!strings.Contains(n[1].Message, "the limit is") || n[1].ID != f.doc.Segments[2].ID {
		t.Errorf("not saved = %+v", n)
	}
}

// TestImportXLIFFNothingOfOurs: a file with no Tilmash unit is refused with
// 422, never imported as "0 saved".
func TestImportXLIFFNothingOfOurs(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	cases := []struct{ name, file, msg string }{
		{"no units", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" source-language="ru" target-language="kk" datatype="plaintext" xmlns:tl="urn:tilmash:xliff" tl:document="1"><body/></file></xliff>`,
			"the file holds no unit that Tilmash exported (no <trans-unit> or <unit> with an id like s123 in the XLIFF 1.2 namespace); import a file exported from this document"},
		{"foreign namespace", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:x="urn:example:other" version="1.2"><file original="x" source-language="ru" target-language="kk" datatype="plaintext"><body><x:trans-unit id="s1"><x:source>Да</x:source></x:trans-unit></body></file></xliff>`,
			`line 1: <trans-unit> in namespace "urn:example:other", not in the file's XLIFF namespace "urn:oasis:names:tc:xliff:document:1.2": Tilmash reads units of the XLIFF namespace only`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", strings.NewReader(c.file), 0)
			e, ok := apperr.As(err)
			if !ok || e.Code != apperr.Unprocessable || e.Message != c.msg {
				t.Fatalf("err = %v, want unprocessable %q", err, c.msg)
			}
		})
	}
}

// TestXLIFFExportReplacesUnsafeText: rows stored before the XML character
// rule export with U+FFFD in place of what XML cannot carry, counted.
func TestXLIFFExportReplacesUnsafeText(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	rw := f.rawDB(t, "rw")
	defer rw.Close()
	if _, err := rw.Exec("UPDATE segments SET source = ? WHERE id = ?", "Семинар\vпрошёл\x07.", f.doc.Segments[0].ID); err != nil {
		t.Fatal(err)
	}
	exp, err := f.app.XLIFFUnits(ctx, f.doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	if exp.Replaced != 2 || exp.Units[0].Source != "Семинар\uFFFDпрошёл\uFFFD." {
		t.Fatalf("replaced %d, source %q", exp.Replaced, exp.Units[0].Source)
	}
	for _, format := range []xliff.Format{xliff.V12, xliff.V21} {
		var buf bytes.Buffer
		if err := exp.Write(&buf, format); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
	}
}
