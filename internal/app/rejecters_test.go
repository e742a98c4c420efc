package app_test

import (
	"context"
	"maps"
	"testing"

	"tilmash/internal/app"
)

// TestRejecters: the editor credits the reviewer who rejected a segment,
// even after a partial release recorded its waiver on the rejected segment.
func TestRejecters(t *testing.T) {
	ctx := context.Background()
	w := newReleaseWorld(t)
	segs := w.doc.Segments
	w.approve(t, segs[0].ID, "kk", "Бір.", 0)
	if _, err := w.app.SaveTranslation(ctx, w.trans, segs[1].ID, "kk", 0, "Екі."); err != nil {
		t.Fatal(err)
	}
	if _, err := w.app.Reject(ctx, w.reviewer, segs[1].ID, "kk", 1, "Аударма толық емес."); err != nil {
		t.Fatal(err)
	}
	res, err := w.app.PublishLanguages(ctx, w.pub, w.doc.ID, app.PublishRequest{Langs: []string{"kk"}, AllowPartial: true, Reason: "срочно"})
	if err != nil || len(res.Releases) != 1 {
		t.Fatalf("partial release: %+v, %v", res, err)
	}
	hist, err := w.app.History(ctx, segs[1].ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	if last := hist[len(hist)-1]; last.Action != "publish_partial" || last.To != "rejected" || last.Actor != "press" {
		t.Fatalf("last event of the rejected segment: %+v", last)
	}
	got, err := w.app.Rejecters(ctx, "kk", []int64{segs[0].ID, segs[1].ID, segs[2].ID})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[int64]string{segs[1].ID: "rv"}; !maps.Equal(got, want) {
		t.Errorf("Rejecters = %v, want %v", got, want)
	}
	if got, err := w.app.Rejecters(ctx, "en", []int64{segs[1].ID}); err != nil || len(got) != 0 {
		t.Errorf("Rejecters in en = %v, %v; want none", got, err)
	}
}
