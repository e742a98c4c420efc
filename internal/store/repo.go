package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// Tx is one transaction's repositories, as internal/app's Tx declares them.
// Its methods take no context: the transaction is bound to the one Write
// was called with.
type Tx struct {
	db  *gorm.DB
	now func() time.Time // the store's clock
	mem *memBatch        // the memory entries the transaction adds and removes
	ins *memoryInserter  // the imports' INSERTs, prepared when first needed
	// touched are the segments the transaction wrote history for: their
	// documents' activity_at moves to now once, before the commit (activity.go).
	touched map[int64]struct{}
}

// Write runs fn in one transaction through the writer goroutine (write.go):
// all of fn's writes land or none do, and Write returns after the commit.
//
// Memory entries added or removed in the transaction are written to the
// change log in it; after the commit this process's index catches up at
// once (other processes follow the log).
func (s *Store) Write(ctx context.Context, fn func(*Tx) error) error {
	var b memBatch
	err := s.write(ctx, func(db *gorm.DB) error {
		b = memBatch{}
		tx := &Tx{db: db, now: s.now, mem: &b}
		err := fn(tx)
		if tx.ins != nil {
			tx.ins.close()
		}
		if err != nil {
			return err
		}
		if err := tx.bumpActivity(); err != nil {
			return err
		}
		return b.log(db, s.now())
	})
	if err != nil {
		return err
	}
	if !b.empty() {
		s.caughtUp(ctx)
	}
	return nil
}

// Bound is the store whose Write hands each transaction over as T: the
// interface of repositories the caller's layer declares (app.Tx), which *Tx
// implements. It lets the store serve as app.Database without either
// package importing the other.
type Bound[T any] struct{ *Store }

// Bind binds st to the transaction interface T. *Tx must implement T; a
// store that does not is a programming error, caught by the first write.
func Bind[T any](st *Store) Bound[T] { return Bound[T]{st} }

// Write runs fn in one transaction, as Store.Write, handing it the transaction as T.
func (b Bound[T]) Write(ctx context.Context, fn func(T) error) error {
	return b.Store.Write(ctx, func(tx *Tx) error { return fn(any(tx).(T)) })
}
