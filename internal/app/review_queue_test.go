package app_test

import (
	"context"
	"fmt"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/workflow"
)

// TestReviewQueue: the queue holds exactly the translated segments, newest
// document first and in text order, read a page at a time; a page past the
// end is the last; "approve all shown" counts what it skipped and why.
func TestReviewQueue(t *testing.T) {
	ctx := context.Background()
	w := newReleaseWorld(t)
	other, err := w.app.CreateDocument(ctx, w.pub, "Другой", "Один. Два.")
	if err != nil {
		t.Fatal(err)
	}
	for i, sg := range w.doc.Segments {
		if _, err := w.app.SaveTranslation(ctx, w.trans, sg.ID, "kk", 0, fmt.Sprintf("Бір %d.", i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.app.SaveTranslation(ctx, w.trans, other.Segments[1].ID, "kk", 0, "Екі."); err != nil {
		t.Fatal(err)
	}
	w.approve(t, w.doc.Segments[0].ID, "kk", "Бір 0 түзетілген.", 1) // approved: out of the queue
	ids := func(q app.ReviewQueue) string {
		var out []string
		for _, it := range q.Items {
			out = append(out, fmt.Sprintf("%d/%d", it.DocumentID, it.ID))
		}
		return fmt.Sprint(out)
	}
	want := fmt.Sprint([]string{fmt.Sprintf("%d/%d", other.ID, other.Segments[1].ID),
		fmt.Sprintf("%d/%d", w.doc.ID, w.doc.Segments[1].ID), fmt.Sprintf("%d/%d", w.doc.ID, w.doc.Segments[2].ID)})
	for _, page := range []int{0, 1, 7} {
		q, err := w.app.ReviewQueue(ctx, "kk", 0, page)
		if err != nil || q.Total != 3 || q.Page != 1 || q.Pages != 1 || ids(q) != want {
			t.Errorf("page %d: %s total %d page %d/%d, %v; want %s", page, ids(q), q.Total, q.Page, q.Pages, err, want)
		}
	}
	q, err := w.app.ReviewQueue(ctx, "kk", other.ID, 1)
	if err != nil || q.Total != 1 || q.Items[0].Target != "Екі." || q.Items[0].Author != "tr" || q.Items[0].Title != "Другой" {
		t.Errorf("one document's queue: %+v, %v", q, err)
	}
	if q, err := w.app.ReviewQueue(ctx, "en", 0, 1); err != nil || q.Total != 0 || len(q.Items) != 0 || q.Pages != 1 {
		t.Errorf("an empty queue: %+v, %v", q, err)
	}
	if _, err := w.app.ReviewQueue(ctx, "kk", 999, 1); err == nil {
		t.Error("the queue of a missing document: no error")
	}
	// A reviewer who also translates: their own text is skipped, a stale
	// version is a change, a fresh one is approved.
	both, _, err := w.app.CreateUser(ctx, app.NewUser{Name: "both", Roles: []workflow.Role{
		{Kind: workflow.Translator, Lang: "kk"}, {Kind: workflow.Reviewer, Lang: "kk"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.app.SaveTranslation(ctx, both, other.Segments[0].ID, "kk", 0, "Бір."); err != nil {
		t.Fatal(err)
	}
	res, err := w.app.ApproveShown(ctx, both, "kk", []app.Shown{{SegmentID: other.Segments[0].ID, Version: 1},
		{SegmentID: w.doc.Segments[1].ID, Version: 1}, {SegmentID: w.doc.Segments[2].ID, Version: 7}})
	if err != nil || res != (app.BulkApproval{Approved: 1, Own: 1, Changed: 1}) {
		t.Errorf("approve shown: %+v, %v; want 1 approved, 1 own, 1 changed", res, err)
	}
	if q, err := w.app.ReviewQueue(ctx, "kk", 0, 1); err != nil || q.Total != 3 {
		t.Errorf("after approving one: total %d, %v; want 3", q.Total, err)
	}
}
