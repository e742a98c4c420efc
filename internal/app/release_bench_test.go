package app_test

import (
	"context"
	"testing"

	"tilmash/internal/app"
)

// BenchmarkPublish publishes a three-sentence document in two languages in
// one transaction (the text checked against the live releases, numbered,
// copied); the releases are withdrawn between iterations, outside the timer.
func BenchmarkPublish(b *testing.B) {
	ctx := context.Background()
	w := newReleaseWorld(b)
	w.approveAll(b, "kk", "Бір")
	w.approveAll(b, "en", "One")
	req := app.PublishRequest{Langs: []string{"kk", "en"}}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		res, err := w.app.PublishLanguages(ctx, w.pub, w.doc.ID, req)
		if err != nil || len(res.Releases) != 2 {
			b.Fatalf("%+v %v", res, err)
		}
		b.StopTimer()
		for _, r := range res.Releases {
			if _, err := w.app.Withdraw(ctx, w.pub, app.WithdrawRequest{ID: r.ID, Reason: "bench"}); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
	}
}
