package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"tilmash/internal/record"
)

// TestPostgresClaimWebhooksOnce: two stores, as two replicas, claim from
// 50 due notifications at once, a few at a time; every notification is
// claimed by exactly one of them.
func TestPostgresClaimWebhooksOnce(t *testing.T) {
	ctx := context.Background()
	dsn := pgURL(t)
	open := func() *Store {
		st, err := OpenWith(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	a, b := open(), open()
	const due = 50
	msgs := make([]record.OutboxMessage, due)
	for i := range msgs {
		msgs[i] = record.OutboxMessage{Delivery: fmt.Sprintf("d-%02d", i), URL: "http://example.test/hook",
			Event: "release.published", ReleaseID: 1, Body: []byte("{}")}
	}
	if err := a.Write(ctx, func(tx *Tx) error { return tx.Enqueue(msgs) }); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	claims := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for _, st := range []*Store{a, b, a, b} {
		wg.Go(func() {
			for {
				got, err := st.ClaimWebhooks(ctx, 3, time.Hour)
				if err != nil {
					errs <- err
					return
				}
				if len(got) == 0 {
					return
				}
				mu.Lock()
				for _, m := range got {
					claims[m.Delivery]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(claims) != due {
		t.Errorf("%d notifications claimed, want %d", len(claims), due)
	}
	for d, n := range claims {
		if n != 1 {
			t.Errorf("%s claimed %d times", d, n)
		}
	}
}
