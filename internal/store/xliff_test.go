package store

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"tilmash/internal/app"

	"tilmash/internal/apperr"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

// exchangeFixture is a fresh store with one three-sentence document and the
// people who work on its Kazakh translation.
type exchangeFixture struct {
	st                            *Store
	doc                           app.DocumentView
	translator, reviewer, english workflow.Actor
}

const fixtureText = "Семинар прошёл в Алматы. В нём участвовали 27 стран.\n\nИтоги подведут в 2030 году."

func newExchangeFixture(tb testing.TB) *exchangeFixture {
	tb.Helper()
	f := exchangeFixtureOf(tb, fixtureText)
	if len(f.doc.Segments) != 3 {
		tb.Fatalf("fixture has %d segments, want 3", len(f.doc.Segments))
	}
	return f
}

// exchangeFixtureOf is a fresh store with the people and a document of text,
// opened as serve opens it (the memory built at Open).
func exchangeFixtureOf(tb testing.TB, text string) *exchangeFixture {
	tb.Helper()
	ctx := context.Background()
	st, err := OpenWith(ctx, filepath.Join(tb.TempDir(), "x.db"), Options{Memory: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	mk := func(name string, roles ...workflow.Role) workflow.Actor {
		a, _, err := testApp(st).CreateUser(ctx, app.NewUser{Name: name, Roles: roles})
		if err != nil {
			tb.Fatal(err)
		}
		return a
	}
	f := &exchangeFixture{st: st,
		translator: mk("aigerim", workflow.Role{Kind: workflow.Translator, Lang: "kk"}),
		reviewer:   mk("bolat", workflow.Role{Kind: workflow.Reviewer, Lang: "kk"}),
		english:    mk("emma", workflow.Role{Kind: workflow.Translator, Lang: "en"}),
	}
	press := mk("press", workflow.Role{Kind: workflow.Publisher})
	if f.doc, err = testApp(st).CreateDocument(ctx, press, "Семинар", text); err != nil {
		tb.Fatal(err)
	}
	return f
}

var kkFixture = []string{"Семинар Алматыда өтті.", "Оған 27 ел қатысты.", "Қорытынды 2030 жылы шығарылады."}

func (f *exchangeFixture) export(tb testing.TB, format xliff.Format) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := testApp(f.st).ExportXLIFF(context.Background(), f.doc.ID, "kk", format, &buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLIFFExportStates(t *testing.T) {
	ctx := context.Background()
	f := newExchangeFixture(t)
	ids := []int64{f.doc.Segments[0].ID, f.doc.Segments[1].ID, f.doc.Segments[2].ID}
	for i, id := range ids {
		if _, err := testApp(f.st).SaveTranslation(ctx, f.translator, id, "kk", 0, kkFixture[i]); err != nil {
			t.Fatal(err)
		}
		if _, err := testApp(f.st).Approve(ctx, f.reviewer, id, "kk", 1); err != nil {
			t.Fatal(err)
		}
	}
	press, err := testApp(f.st).ActorByName(ctx, "press")
	if err != nil {
		t.Fatal(err)
	}
	rel, err := testPublish(ctx, f.st, press, f.doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	// After the release: segment 2 is corrected, segment 3 corrected and rejected.
	if _, err := testApp(f.st).SaveTranslation(ctx, f.translator, ids[1], "kk", 2, "Оған 27 мемлекет қатысты."); err != nil {
		t.Fatal(err)
	}
	if _, err := testApp(f.st).SaveTranslation(ctx, f.translator, ids[2], "kk", 2, "Қорытынды 2030 жылы."); err != nil {
		t.Fatal(err)
	}
	if _, err := testApp(f.st).Reject(ctx, f.reviewer, ids[2], "kk", 3, "Етістік жоқ"); err != nil {
		t.Fatal(err)
	}
	exp, err := testApp(f.st).XLIFFUnits(ctx, f.doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	want := []xliff.Unit{
		{SegmentID: ids[0], Paragraph: 1, Source: "Семинар прошёл в Алматы.", Target: kkFixture[0], State: "published", Version: 2},
		{SegmentID: ids[1], Paragraph: 1, Source: "В нём участвовали 27 стран.", Target: "Оған 27 мемлекет қатысты.", State: "translated", Version: 3},
		{SegmentID: ids[2], Paragraph: 2, Source: "Итоги подведут в 2030 году.", Target: "Қорытынды 2030 жылы.", State: "rejected", Version: 4, Comment: "Етістік жоқ"},
	}
	if len(exp.Units) != len(want) {
		t.Fatalf("%d units, want %d", len(exp.Units), len(want))
	}
	for i := range want {
		if exp.Units[i] != want[i] {
			t.Errorf("unit %d:\n got %+v\nwant %+v", i, exp.Units[i], want[i])
		}
	}
	h := exp.Header
	if h.DocumentID != f.doc.ID || h.Revision != 1 || h.Title != "Семинар" || h.SourceLang != "ru" || h.TargetLang != "kk" {
		t.Errorf("header %+v", h)
	}
	v2 := string(f.export(t, xliff.V21))
	for _, s := range []string{`state="final"`, `subState="tilmash:rejected"`, `<note category="tilmash:rejection" appliesTo="target">Етістік жоқ</note>`, `<group id="p2">`} {
		if !strings.Contains(v2, s) {
			t.Errorf("XLIFF 2.1 export lacks %s:\n%s", s, v2)
		}
	}
	v12 := string(f.export(t, xliff.V12))
	for _, s := range []string{`state="final"`, `approved="yes"`, `state="needs-translation"`, `state="translated"`} {
		if !strings.Contains(v12, s) {
			t.Errorf("XLIFF 1.2 export lacks %s:\n%s", s, v12)
		}
	}
	// A withdrawn release publishes nothing: the text is merely approved again.
	if _, err := testApp(f.st).Withdraw(ctx, press, app.WithdrawRequest{ID: rel.ID, Reason: "wrong date"}); err != nil {
		t.Fatal(err)
	}
	if exp, err = testApp(f.st).XLIFFUnits(ctx, f.doc.ID, "kk"); err != nil || exp.Units[0].State != "approved" {
		t.Errorf("after withdrawal: %+v, %v", exp.Units[0], err)
	}
}

func TestXLIFFExportErrors(t *testing.T) {
	f := newExchangeFixture(t)
	ctx := context.Background()
	if _, err := testApp(f.st).XLIFFUnits(ctx, 999, "kk"); err == nil || err.Error() != "document 999 not found" {
		t.Errorf("missing document: %v", err)
	}
	if _, err := testApp(f.st).XLIFFUnits(ctx, f.doc.ID, "xx"); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("unknown language: %v", err)
	}
}
