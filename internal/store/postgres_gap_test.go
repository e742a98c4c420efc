package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/record"
)

// TestPostgresRolledBackChangeIsSteppedOver: a transaction that took a
// change id and rolled back leaves a gap in the log; a follower steps over
// it and applies the next row, without rebuilding its caches (a resync of a
// million-entry memory would cost seconds on every replica).
func TestPostgresRolledBackChangeIsSteppedOver(t *testing.T) {
	ctx := context.Background()
	dsn := pgURL(t)
	open := func() *Store { return openFollower(t, dsn, time.Hour) }
	a, b := open(), open()
	addTerm := func(source string) {
		t.Helper()
		err := a.Write(ctx, func(tx *Tx) error {
			return tx.InsertTerms("kk", []record.Term{{Source: source, Target: source}})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	addTerm("первый термин")
	if err := b.catchUp(ctx); err != nil {
		t.Fatal(err)
	}
	applied := b.fol.applied.Load()

	errRollback := errors.New("rolled back on purpose")
	err := a.write(ctx, func(tx *gorm.DB) error {
		if err := logChange(tx, Change{Topic: topicGlossary, Lang: "kk", CreatedAt: time.Now()}); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatalf("the rolled-back write: %v", err)
	}
	addTerm("второй термин")
	if err := b.catchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got, r, s := b.fol.applied.Load()-applied, b.fol.resyncs.Load(), b.fol.skipped.Load(); got != 1 || r != 0 || s != 1 {
		t.Errorf("after the gap: applied %d rows, %d resyncs, %d ids skipped; want 1, 0, 1", got, r, s)
	}
}
