package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"tilmash/internal/record"
)

// openFollower opens a store on dsn whose follower polls every interval,
// closed when t ends.
func openFollower(t *testing.T, dsn string, interval time.Duration) *Store {
	t.Helper()
	st, err := OpenWith(context.Background(), dsn, Options{FollowInterval: interval})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.follow(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestPostgresChangeLogInCommitOrder: eight writers on two stores add
// glossary terms at once; every store's follower, polling every
// millisecond, applies every change row exactly once and never meets a gap.
// Without the change-log lock a row with a lower id commits after a higher
// one that a follower already passed: the follower then applies fewer rows
// than the log holds, or resyncs for a gap that later fills (it did in
// every run tried).
func TestPostgresChangeLogInCommitOrder(t *testing.T) {
	ctx := context.Background()
	dsn := pgURL(t)
	open := func() *Store { return openFollower(t, dsn, time.Millisecond) }
	a, b, c := open(), open(), open()
	start, err := c.newestChange(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		st := a
		if w%2 == 1 {
			st = b
		}
		wg.Go(func() {
			for i := range each {
				err := st.Write(ctx, func(tx *Tx) error {
					term := record.Term{Source: fmt.Sprintf("термин %d-%d", w, i), Target: fmt.Sprintf("термин %d-%d", w, i)}
					if err := tx.InsertTerms("kk", []record.Term{term}); err != nil {
						return err
					}
					// Work of varying length, so that transactions overlap.
					return tx.db.Exec("SELECT pg_sleep(?)", rand.Float64()/500).Error
				})
				if err != nil {
					errs <- fmt.Errorf("writer %d, term %d: %w", w, i, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	last, err := c.newestChange(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if last-start != writers*each {
		t.Fatalf("the log gained %d rows, want %d", last-start, writers*each)
	}
	for name, st := range map[string]*Store{"a": a, "b": b, "c": c} {
		eventually(t, "store "+name+" follows the whole log", func() (bool, error) {
			st.fol.mu.Lock()
			defer st.fol.mu.Unlock()
			return st.fol.last == last, nil
		})
		if n, r := st.fol.applied.Load(), st.fol.resyncs.Load(); n != writers*each || r != 0 {
			t.Errorf("store %s applied %d change rows with %d resyncs, want %d with none", name, n, r, writers*each)
		}
	}
}
