package app_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

// releaseWorld is a store with a publisher, a translator and a reviewer of
// kk and en, and a three-sentence document.
type releaseWorld struct {
	st                   *store.Store
	app                  *app.App
	pub, trans, reviewer workflow.Actor
	doc                  app.DocumentView
}

const releaseText = "Первое предложение. Второе предложение.\nТретье предложение."

func newReleaseWorld(tb testing.TB) *releaseWorld {
	tb.Helper()
	ctx := context.Background()
	st, a := openApp(tb)
	w := &releaseWorld{st: st, app: a}
	mk := func(name string, roles ...workflow.Role) workflow.Actor {
		a, _, err := a.CreateUser(ctx, app.NewUser{Name: name, Roles: roles})
		if err != nil {
			tb.Fatal(err)
		}
		return a
	}
	w.pub = mk("press", workflow.Role{Kind: workflow.Publisher})
	w.trans = mk("tr", workflow.Role{Kind: workflow.Translator, Lang: "kk"}, workflow.Role{Kind: workflow.Translator, Lang: "en"})
	w.reviewer = mk("rv", workflow.Role{Kind: workflow.Reviewer, Lang: "kk"}, workflow.Role{Kind: workflow.Reviewer, Lang: "en"})
	var err error
	if w.doc, err = a.CreateDocument(ctx, w.pub, "Док", releaseText); err != nil {
		tb.Fatal(err)
	}
	return w
}

// approve saves text for segment id in lang from version base and approves it.
func (w *releaseWorld) approve(tb testing.TB, id int64, lang, text string, base int) {
	tb.Helper()
	ctx := context.Background()
	if _, err := w.app.SaveTranslation(ctx, w.trans, id, lang, base, text); err != nil {
		tb.Fatal(err)
	}
	if _, err := w.app.ApproveWithOverride(ctx, w.reviewer, id, lang, base+1, "test text"); err != nil {
		tb.Fatal(err)
	}
}

func (w *releaseWorld) approveAll(tb testing.TB, lang, prefix string) {
	tb.Helper()
	for i, sg := range w.doc.Segments {
		w.approve(tb, sg.ID, lang, fmt.Sprintf("%s %d.", prefix, i), 0)
	}
}

func texts(rc app.ReleaseContent) string {
	var out []string
	for _, s := range rc.Segments {
		out = append(out, s.Lang+":"+s.Text)
	}
	return strings.Join(out, "|")
}

// TestReleaseImmutable: a release keeps the exact texts it took through an
// edit and a source revision; the next release takes the new ones.
func TestReleaseImmutable(t *testing.T) {
	ctx := context.Background()
	w := newReleaseWorld(t)
	w.approveAll(t, "kk", "Бір")
	r1, err := publish(ctx, w.app, w.pub, w.doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	w.approve(t, w.doc.Segments[0].ID, "kk", "Өзгерген.", 2)
	if _, err := w.app.ReviseDocument(ctx, w.pub, w.doc.ID, 1, strings.Replace(releaseText, "Третье", "Четвёртое", 1)); err != nil {
		t.Fatal(err)
	}
	got, err := w.app.ReleaseByNumber(ctx, w.doc.ID, "kk", r1.Number)
	if err != nil {
		t.Fatal(err)
	}
	if want := "kk:Бір 0.|kk:Бір 1.|kk:Бір 2."; texts(got) != want || got.Revision != 1 || got.Segments[2].Source != "Третье предложение." {
		t.Errorf("release 1 after edits = %s (revision %d), want %s", texts(got), got.Revision, want)
	}
	// The revised sentence is outdated: not ready until approved again.
	res, err := w.app.PublishLanguages(ctx, w.pub, w.doc.ID, app.PublishRequest{Langs: []string{"kk"}})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := w.app.Document(ctx, w.doc.ID)
	if len(res.Releases) != 0 || fmt.Sprint(res.NotReady["kk"]) != fmt.Sprintf("[%d]", doc.Segments[2].ID) {
		t.Fatalf("publish after the revision: %+v", res)
	}
	res, err = w.app.PublishLanguages(ctx, w.pub, w.doc.ID, app.PublishRequest{Langs: []string{"kk"}, AllowPartial: true, Reason: "срочно"})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := w.app.ReleaseByNumber(ctx, w.doc.ID, "kk", res.Releases[0].Number)
	if err != nil {
		t.Fatal(err)
	}
	if want := "kk:Өзгерген.|kk:Бір 1.|ru:Четвёртое предложение."; texts(r2) != want || r2.Number != 2 || !r2.Partial || r2.Missing != 1 || r2.Reason != "срочно" {
		t.Errorf("release 2 = %s %+v, want %s", texts(r2), r2.ReleaseView, want)
	}
}

// TestWithdrawFallsBack: latest is the newest live release; with every
// release withdrawn it is the newest withdrawn one, and no language is published.
func TestWithdrawFallsBack(t *testing.T) {
	ctx := context.Background()
	w := newReleaseWorld(t)
	w.approveAll(t, "kk", "Бір")
	r1, _ := publish(ctx, w.app, w.pub, w.doc.ID, "kk")
	w.approve(t, w.doc.Segments[1].ID, "kk", "Екі.", 2)
	r2, _ := publish(ctx, w.app, w.pub, w.doc.ID, "kk")
	if _, err := w.app.Withdraw(ctx, w.trans, app.WithdrawRequest{ID: r2.ID, Reason: "x"}); err == nil || err.Error() != "tr may not withdraw releases" {
		t.Errorf("translator withdraws: %v", err)
	}
	if _, err := w.app.Withdraw(ctx, w.pub, app.WithdrawRequest{ID: r2.ID, Reason: " Ошибка "}); err != nil {
		t.Fatal(err)
	}
	latest, _ := w.app.ReleaseByNumber(ctx, w.doc.ID, "kk", 0)
	if latest.Number != 1 || latest.Withdrawn != nil || latest.LatestLive != 1 {
		t.Errorf("latest after withdrawing 2 = %d (withdrawn %v, live %d)", latest.Number, latest.Withdrawn, latest.LatestLive)
	}
	gone, _ := w.app.ReleaseByNumber(ctx, w.doc.ID, "kk", 2)
	if gone.Withdrawn == nil || gone.Withdrawn.Reason != "Ошибка" || gone.Withdrawn.By != "press" || gone.LatestLive != 1 {
		t.Errorf("release 2 = %+v", gone.ReleaseView)
	}
	if _, err := w.app.Withdraw(ctx, w.pub, app.WithdrawRequest{ID: r1.ID, Reason: "всё"}); err != nil {
		t.Fatal(err)
	}
	latest, _ = w.app.ReleaseByNumber(ctx, w.doc.ID, "kk", 0)
	if latest.Number != 2 || latest.Withdrawn == nil || latest.LatestLive != 0 {
		t.Errorf("latest with all withdrawn = %d (live %d)", latest.Number, latest.LatestLive)
	}
	if langs, _ := w.app.PublishedLanguages(ctx, w.doc.ID); len(langs) != 0 {
		t.Errorf("published languages %v", langs)
	}
	// Publishing again numbers after the withdrawn ones.
	r3, err := publish(ctx, w.app, w.pub, w.doc.ID, "kk")
	if err != nil || r3.Number != 3 {
		t.Errorf("publish after withdrawals = %d, %v", r3.Number, err)
	}
}

// TestConcurrentPublish: publishers racing on the same text make one
// release; the others learn it is unchanged.
func TestConcurrentPublish(t *testing.T) {
	ctx := context.Background()
	w := newReleaseWorld(t)
	w.approveAll(t, "kk", "Бір")
	w.approveAll(t, "en", "One")
	const n = 8
	var wg sync.WaitGroup
	results := make([]app.PublishResult, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			results[i], errs[i] = w.app.PublishLanguages(ctx, w.pub, w.doc.ID, app.PublishRequest{Langs: []string{"kk", "en"}})
		})
	}
	wg.Wait()
	made, same := 0, 0
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		made += len(results[i].Releases)
		same += len(results[i].Unchanged)
	}
	if made != 2 || same != 2*(n-1) {
		t.Errorf("%d releases made and %d unchanged, want 2 and %d", made, same, 2*(n-1))
	}
}
