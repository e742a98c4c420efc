package app_test

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

func TestImportXLIFF(t *testing.T) {
	ctx := context.Background()
	for _, format := range []xliff.Format{xliff.V21, xliff.V12} {
		t.Run(string(format), func(t *testing.T) {
			f := newXLIFFFixture(t)
			filled := rewrite(t, f.export(t, format), func(i int, u *xliff.Unit) { u.Target = kkTargets[i] })
			res, err := f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", bytes.NewReader(filled), 0)
			if err != nil {
				t.Fatal(err)
			}
			if res.Summary() != "saved 3, unchanged 0, copied_source 0, empty 0, conflicts 0, refused 0" || res.Lang != "kk" || res.Document != f.doc.ID {
				t.Fatalf("first import: %+v", res)
			}
			list, err := f.app.Translations(ctx, f.doc.ID, "kk")
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range list.Segments {
				if s.Target != kkTargets[i] || s.State != workflow.Translated || s.Author != "aigerim" || s.Origin != "xliff" || s.Version != 1 {
					t.Errorf("segment %d after import: %+v", i, s)
				}
			}
			// The same file again changes nothing: its texts are the current ones.
			res, err = f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", bytes.NewReader(filled), 0)
			if err != nil || res.Summary() != "saved 0, unchanged 3, copied_source 0, empty 0, conflicts 0, refused 0" {
				t.Fatalf("second import: %+v, %v", res, err)
			}
			// Other texts from the stale export conflict, one by one.
			other := rewrite(t, filled, func(i int, u *xliff.Unit) { u.Target = kkTargets[i] + " Иә." })
			res, err = f.app.ImportXLIFF(ctx, f.reviewer, 0, "", bytes.NewReader(other), 0)
			if err != nil || res.Summary() != "saved 0, unchanged 0, copied_source 0, empty 0, conflicts 3, refused 0" {
				t.Fatalf("stale import: %+v, %v", res, err)
			}
			c := res.Conflicts[1]
			if c.ID != list.Segments[1].ID || c.Yours != kkTargets[1]+" Иә." || c.ExportedVersion != 0 ||
				c.Current != (app.XLIFFCurrent{Target: kkTargets[1], State: workflow.Translated, Version: 1, Author: "aigerim"}) {
				t.Errorf("conflict: %+v", c)
			}
		})
	}
}

func TestImportXLIFFWithoutVersions(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	if _, err := f.app.SaveTranslation(ctx, f.translator, f.doc.Segments[0].ID, "kk", 0, kkTargets[0]); err != nil {
		t.Fatal(err)
	}
	// A tool dropped tl:version: untranslated segments take the text, the
	// translated one keeps its own unless the file's text is the same.
	data := rewrite(t, f.export(t, xliff.V21), func(i int, u *xliff.Unit) { u.Version, u.Target = -1, kkTargets[i]+" *" })
	res, err := f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", bytes.NewReader(data), 0)
	if err != nil || res.Summary() != "saved 2, unchanged 0, copied_source 0, empty 0, conflicts 1, refused 0" || res.Conflicts[0].ExportedVersion != -1 {
		t.Fatalf("import without versions: %+v, %v", res, err)
	}
	data = rewrite(t, data, func(i int, u *xliff.Unit) { u.Target = strings.TrimSuffix(u.Target, " *") })
	res, err = f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", bytes.NewReader(data), 0)
	if err != nil || res.Summary() != "saved 0, unchanged 1, copied_source 0, empty 0, conflicts 2, refused 0" {
		t.Fatalf("second import without versions: %+v, %v", res, err)
	}
}

func TestImportXLIFFRefused(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	v21 := f.export(t, xliff.V21)
	filled := rewrite(t, v21, func(i int, u *xliff.Unit) { u.Target = kkTargets[i] })
	cases := []struct {
		name  string
		actor workflow.Actor
		doc   int64
		data  string
		limit int64
		code  apperr.Code
		msg   string
	}{
		{"other translator", f.english, f.doc.ID, string(filled), 0, apperr.Forbidden, "emma may not translate into kk"},
		{"other document", f.translator, f.doc.ID + 1, string(filled), 0, apperr.Invalid,
			"the file is an export of document 1, not of document 2"},
		{"no document", f.translator, 0, strings.NewReplacer(` tl:document="1"`, "", `id="d1"`, `id="f1"`).Replace(string(filled)), 0, apperr.Invalid,
			"the file does not say which document it belongs to (its <file> has no tl:document attribute); import it through the document instead"},
		{"unknown unit", f.translator, f.doc.ID, strings.Replace(string(filled), `id="s3"`, `id="s99"`, 1), 0, apperr.Invalid,
			"unit s99 is not a segment of the current revision (1) of document 1; export the document again"},
		{"source language", f.translator, f.doc.ID, strings.Replace(string(filled), `srcLang="ru"`, `srcLang="en"`, 1), 0, apperr.Invalid,
			`the file's source language is "en"; Tilmash documents are in ru`},
		{"target language", f.translator, f.doc.ID, strings.Replace(string(filled), `trgLang="kk"`, `trgLang="fa"`, 1), 0, apperr.Invalid,
			`the file's target language "fa" is not a target language of Tilmash (kk, en, ky, tg, tk, uz, ps, fa-AF, ar, nl)`},
		{"malformed", f.translator, f.doc.ID, strings.Replace(string(filled), "</target>", "</targt>", 1), 0, apperr.Invalid,
			"line 8: malformed XML: element <target> closed by </targt>"},
		{"too large", f.translator, f.doc.ID, string(filled), 100, apperr.TooLarge,
			"the XLIFF file is larger than the import limit of 100 bytes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.app.ImportXLIFF(ctx, c.actor, c.doc, "", strings.NewReader(c.data), c.limit)
			e, ok := apperr.As(err)
			if !ok || e.Code != c.code || e.Message != c.msg {
				t.Fatalf("err = %v (%T), want %s %q", err, err, c.code, c.msg)
			}
		})
	}
	if n := f.countRows(t); n != (dbCounts{}) {
		t.Errorf("refused imports wrote %+v", n)
	}
}

func TestImportXLIFFAfterSourceChange(t *testing.T) {
	ctx := context.Background()
	sentences := make([]string, 17)
	for i := range sentences {
		sentences[i] = fmt.Sprintf("Предложение номер %d прошло проверку.", i+1)
	}
	f := xliffFixtureOf(t, strings.Join(sentences, " "))
	if len(f.doc.Segments) != 17 {
		t.Fatalf("document has %d segments, want 17", len(f.doc.Segments))
	}
	filled := rewrite(t, f.export(t, xliff.V21), func(i int, u *xliff.Unit) { u.Target = fmt.Sprintf("Сөйлем %d.", i+1) })
	press, _, err := f.app.CreateUser(ctx, app.NewUser{Name: "editor", Roles: []workflow.Role{{Kind: workflow.Publisher}}})
	if err != nil {
		t.Fatal(err)
	}
	revised := slices.Clone(sentences)
	revised[5] = "Предложение номер 6 прошло повторную проверку."
	rev, err := f.app.ReviseDocument(ctx, press, f.doc.ID, 1, strings.Join(revised, " "))
	if err != nil {
		t.Fatal(err)
	}
	old, next := f.doc.Segments[5].ID, rev.Segments[5].ID
	if rev.Revision != 2 || next == old {
		t.Fatalf("revision %d, segment 6 is s%d (was s%d)", rev.Revision, next, old)
	}

	res, err := f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "kk", bytes.NewReader(filled), 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary() != "saved 16, unchanged 0, copied_source 0, empty 0, conflicts 1, refused 0" {
		t.Fatalf("import after revision: %+v", res)
	}
	want := app.XLIFFConflict{ID: old, Reason: app.SourceChanged, Yours: "Сөйлем 6.", ExportedVersion: 0,
		Current: app.XLIFFCurrent{State: workflow.Untranslated}, Segment: next, NewSource: revised[5]}
	if res.Conflicts[0] != want {
		t.Errorf("conflict = %+v, want %+v", res.Conflicts[0], want)
	}
	list, err := f.app.Translations(ctx, f.doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range list.Segments {
		wantText, wantState := fmt.Sprintf("Сөйлем %d.", i+1), workflow.Translated
		if i == 5 {
			wantText, wantState = "", workflow.Untranslated
		}
		if s.Target != wantText || s.State != wantState {
			t.Errorf("segment %d after import: %q %s, want %q %s", i+1, s.Target, s.State, wantText, wantState)
		}
	}
	if n := f.countRows(t); n.Translations != 16 {
		t.Errorf("import wrote %+v, want 16 translations", n)
	}

	// A sentence deleted since the export conflicts without a successor; an
	// empty target of a changed sentence loses nothing and is reported empty.
	revised = slices.Delete(slices.Clone(revised), 0, 1)
	if _, err := f.app.ReviseDocument(ctx, press, f.doc.ID, 2, strings.Join(revised, " ")); err != nil {
		t.Fatal(err)
	}
	blank6 := rewrite(t, filled, func(i int, u *xliff.Unit) {
		if i == 5 {
			u.Target = ""
		}
	})
	res, err = f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "kk", bytes.NewReader(blank6), 0)
	if err != nil || res.Summary() != "saved 0, unchanged 15, copied_source 0, empty 1, conflicts 1, refused 0" {
		t.Fatalf("import after deletion: %+v, %v", res, err)
	}
	want = app.XLIFFConflict{ID: f.doc.Segments[0].ID, Reason: app.SourceChanged, Yours: "Сөйлем 1.", ExportedVersion: 0}
	if res.Conflicts[0] != want {
		t.Errorf("deleted sentence's conflict = %+v, want %+v", res.Conflicts[0], want)
	}
}

func TestImportXLIFFForeignUnit(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	press, _, err := f.app.CreateUser(ctx, app.NewUser{Name: "editor", Roles: []workflow.Role{{Kind: workflow.Publisher}}})
	if err != nil {
		t.Fatal(err)
	}
	other, err := f.app.CreateDocument(ctx, press, "Другой", "Совсем другой текст.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.ReviseDocument(ctx, press, f.doc.ID, 1, strings.Replace(xliffText, "27", "28", 1)); err != nil {
		t.Fatal(err)
	}
	foreign := fmt.Sprintf(`id="s%d"`, other.Segments[0].ID)
	data := strings.Replace(string(rewrite(t, f.export(t, xliff.V21), func(i int, u *xliff.Unit) { u.Target = kkTargets[i] })),
		fmt.Sprintf(`id="s%d"`, f.doc.Segments[2].ID), foreign, 1)
	_, err = f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "kk", strings.NewReader(data), 0)
	msg := fmt.Sprintf("unit s%d is not a segment of the current revision (2) of document %d; export the document again", other.Segments[0].ID, f.doc.ID)
	if e, ok := apperr.As(err); !ok || e.Code != apperr.Invalid || e.Message != msg {
		t.Fatalf("err = %v, want %s %q", err, apperr.Invalid, msg)
	}
	if n := f.countRows(t); n != (dbCounts{}) {
		t.Errorf("refused import wrote %+v", n)
	}
}

// TestImportXLIFFObserved: an import answers the findings of the texts it
// saved, as the editor's save would, and the observer hears each change,
// the import and each finding after the commit; a refused import, nothing.
func TestImportXLIFFObserved(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	f.obs.take()                   // the document's import
	wrong := "Оған 28 ел қатысты." // 27 became 28
	filled := rewrite(t, f.export(t, xliff.V21), func(i int, u *xliff.Unit) {
		u.Target = kkTargets[i]
		if i == 1 {
			u.Target = wrong
		}
	})
	if _, err := f.app.ImportXLIFF(ctx, f.english, f.doc.ID, "", bytes.NewReader(filled), 0); apperr.CodeOf(err) != apperr.Forbidden {
		t.Fatalf("import by emma: %v, want forbidden", err)
	}
	if heard := f.obs.take(); len(heard) != 0 {
		t.Errorf("a refused import was heard: %q", heard)
	}
	res, err := f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", bytes.NewReader(filled), 0)
	if err != nil || res.Summary() != "saved 3, unchanged 0, copied_source 0, empty 0, conflicts 0, refused 0" {
		t.Fatalf("import: %+v, %v", res, err)
	}
	seg := f.doc.Segments[1]
	want, err := f.app.Check(ctx, "kk", seg.Source, wrong)
	if err != nil || len(want) == 0 {
		t.Fatalf("Check of %q: %v, %v; want findings", wrong, want, err)
	}
	if len(res.Checks) != 1 || res.Checks[0].ID != seg.ID || !reflect.DeepEqual(res.Checks[0].Checks, want) {
		t.Errorf("checks = %+v, want %+v for s%d only", res.Checks, want, seg.ID)
	}
	heard := []string{"edit kk", "edit kk", "edit kk", "imported xliff"}
	for _, c := range want {
		heard = append(heard, "finding "+c.ID+" "+string(c.Severity))
	}
	if got := f.obs.take(); !slices.Equal(got, heard) {
		t.Errorf("observer heard %q, want %q", got, heard)
	}
}

// TestImportXLIFFGlossaryUnreadable: a glossary that cannot be read fails
// the import before anything is written, instead of saving texts whose
// checks cannot run.
func TestImportXLIFFGlossaryUnreadable(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	filled := rewrite(t, f.export(t, xliff.V21), func(i int, u *xliff.Unit) { u.Target = kkTargets[i] })
	rename := func(from, to string) {
		t.Helper()
		db := f.rawDB(t, "rw")
		defer db.Close()
		if _, err := db.Exec("ALTER TABLE " + from + " RENAME TO " + to); err != nil {
			t.Fatal(err)
		}
	}
	rename("glossary_terms", "glossary_terms_away") // nothing has read the kk matcher yet
	_, err := f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", bytes.NewReader(filled), 0)
	if err == nil || !strings.Contains(err.Error(), "glossary") {
		t.Fatalf("import with an unreadable glossary: %v, want a glossary error", err)
	}
	if n := f.countRows(t); n != (dbCounts{}) {
		t.Errorf("the refused import wrote %+v", n)
	}
	rename("glossary_terms_away", "glossary_terms")
	res, err := f.app.ImportXLIFF(ctx, f.translator, f.doc.ID, "", bytes.NewReader(filled), 0)
	if err != nil || res.Summary() != "saved 3, unchanged 0, copied_source 0, empty 0, conflicts 0, refused 0" {
		t.Fatalf("import with the glossary back: %+v, %v", res, err)
	}
}
