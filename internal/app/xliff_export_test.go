package app_test

import (
	"context"
	"strings"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/xliff"
)

func TestXLIFFExportStates(t *testing.T) {
	ctx := context.Background()
	f := newXLIFFFixture(t)
	ids := []int64{f.doc.Segments[0].ID, f.doc.Segments[1].ID, f.doc.Segments[2].ID}
	for i, id := range ids {
		if _, err := f.app.SaveTranslation(ctx, f.translator, id, "kk", 0, kkTargets[i]); err != nil {
			t.Fatal(err)
		}
		if _, err := f.app.Approve(ctx, f.reviewer, id, "kk", 1); err != nil {
			t.Fatal(err)
		}
	}
	press, err := f.app.ActorByName(ctx, "press")
	if err != nil {
		t.Fatal(err)
	}
	rel, err := publish(ctx, f.app, press, f.doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	// After the release: segment 2 is corrected, segment 3 corrected and rejected.
	if _, err := f.app.SaveTranslation(ctx, f.translator, ids[1], "kk", 2, "Оған 27 мемлекет қатысты."); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.SaveTranslation(ctx, f.translator, ids[2], "kk", 2, "Қорытынды 2030 жылы."); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.Reject(ctx, f.reviewer, ids[2], "kk", 3, "Етістік жоқ"); err != nil {
		t.Fatal(err)
	}
	exp, err := f.app.XLIFFUnits(ctx, f.doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	want := []xliff.Unit{
		{SegmentID: ids[0], Paragraph: 1, Source: "Семинар прошёл в Алматы.", Target: kkTargets[0], State: "published", Version: 2},
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
	if _, err := f.app.Withdraw(ctx, press, app.WithdrawRequest{ID: rel.ID, Reason: "wrong date"}); err != nil {
		t.Fatal(err)
	}
	if exp, err = f.app.XLIFFUnits(ctx, f.doc.ID, "kk"); err != nil || exp.Units[0].State != "approved" {
		t.Errorf("after withdrawal: %+v, %v", exp.Units[0], err)
	}
}

func TestXLIFFExportErrors(t *testing.T) {
	f := newXLIFFFixture(t)
	ctx := context.Background()
	if _, err := f.app.XLIFFUnits(ctx, 999, "kk"); err == nil || err.Error() != "document 999 not found" {
		t.Errorf("missing document: %v", err)
	}
	if _, err := f.app.XLIFFUnits(ctx, f.doc.ID, "xx"); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("unknown language: %v", err)
	}
}
