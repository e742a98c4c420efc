package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// writeReq is one write function waiting for the writer goroutine.
type writeReq struct {
	ctx      context.Context
	fn       func(tx *gorm.DB) error
	err      error
	panicked any // a panic of fn, raised again in the caller's goroutine
	done     chan struct{}
}

// maxBatch bounds the writes one transaction gathers, so one commit never
// makes the first of them wait for very many others.
const maxBatch = 64

// errClosed answers writes that arrive after Close.
var errClosed = errors.New("the database is closed")

// write runs fn in a transaction: all of fn's changes land or none do, and
// write returns only after the commit that holds them, so an answered write
// is as durable as the sync mode makes commits.
//
// Writes go through one goroutine (writer), which runs the functions
// waiting at that moment in one SQLite transaction, each in a SAVEPOINT of
// its own: a function that fails is rolled back alone, the others commit
// together, and the commit's fsync is paid once for all of them. A SQLite
// writer is serial anyway; the batch only shares its cost.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.w == nil { // PostgreSQL: no writer goroutine (dialect_postgres.go)
		return s.writeTx(ctx, fn)
	}
	req := &writeReq{ctx: ctx, fn: fn, done: make(chan struct{})}
	select {
	case s.writes <- req:
	case <-s.stop:
		return errClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	// Once taken, the write may commit: its answer must wait for the outcome.
	<-req.done
	if req.panicked != nil {
		panic(req.panicked)
	}
	return req.err
}

// writerConn is the connection the writer goroutine owns, with a GORM
// session over it that keeps its statements prepared. A transaction of
// database/sql would prepare every statement again on each use; BEGIN and
// COMMIT on a connection of one's own do not.
type writerConn struct {
	conn *sql.Conn
	db   *gorm.DB
}

// openWriter takes a connection of the write pool for the writer.
func openWriter(pool *gorm.DB, cfg *gorm.Config) (*writerConn, error) {
	cfg.DisableAutomaticPing = true // the ping asks for a pool, which a connection is not
	sqlDB, err := pool.DB()
	if err != nil {
		return nil, err
	}
	conn, err := sqlDB.Conn(context.Background())
	if err != nil {
		return nil, fmt.Errorf("take the write connection: %w", err)
	}
	db, err := gorm.Open(sqlite.New(sqlite.Config{Conn: conn}), cfg)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("open the write connection: %w", err)
	}
	return &writerConn{conn: conn, db: db}, nil
}

func (w *writerConn) close() error {
	if p, ok := w.db.ConnPool.(*gorm.PreparedStmtDB); ok {
		p.Close()
	}
	return w.conn.Close()
}

// writer is the goroutine that owns the write connection until Close.
func (s *Store) writer(w *writerConn) {
	defer close(s.stopped)
	for {
		var first *writeReq
		select {
		case <-s.stop:
			return
		case first = <-s.writes:
		}
		batch := []*writeReq{first}
	gather:
		for len(batch) < maxBatch {
			select {
			case r := <-s.writes:
				batch = append(batch, r)
			default:
				break gather
			}
		}
		w.commit(batch)
		for _, r := range batch {
			close(r.done)
		}
	}
}

// commit runs a batch in one IMMEDIATE transaction.
func (w *writerConn) commit(batch []*writeReq) {
	ctx := context.Background() // the batch's own statements outlive any one caller
	if err := w.db.WithContext(ctx).Exec("BEGIN IMMEDIATE").Error; err != nil {
		for _, r := range batch {
			r.err = fmt.Errorf("begin a write: %w", err)
		}
		return
	}
	tx := w.db.WithContext(ctx)
	if len(batch) == 1 { // a lone write needs no savepoint: its failure rolls back the transaction
		r := batch[0]
		if err := r.ctx.Err(); err != nil {
			r.err = err
		} else {
			call(tx, r)
		}
		if r.err != nil || r.panicked != nil {
			rollback(tx)
			return
		}
		if err := tx.Exec("COMMIT").Error; err != nil {
			rollback(tx)
			r.err = fmt.Errorf("commit: %w", err)
		}
		return
	}
	done := 0
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil { // the caller left before its turn
			r.err = err
			continue
		}
		if err := inSavepoint(tx, r); err != nil {
			// The transaction itself is broken (SQLite rolled it back, or a
			// savepoint could not be undone): nothing of it may be answered
			// as written.
			rollback(tx)
			for _, o := range batch[:i] {
				if o.err == nil && o.panicked == nil {
					o.err = fmt.Errorf("write rolled back with its batch: %w", err)
				}
			}
			for _, o := range batch[i:] {
				if o.err == nil && o.panicked == nil {
					o.err = fmt.Errorf("write not done, its batch failed: %w", err)
				}
			}
			return
		}
		if r.err == nil && r.panicked == nil {
			done++
		}
	}
	if done == 0 {
		rollback(tx)
		return
	}
	if err := tx.Exec("COMMIT").Error; err != nil {
		rollback(tx)
		for _, r := range batch {
			if r.err == nil && r.panicked == nil {
				r.err = fmt.Errorf("commit: %w", err)
			}
		}
	}
}

// rollback ends a transaction that must not commit. A failed COMMIT leaves
// SQLite's transaction open, so this follows one too; its own error (no
// transaction left to roll back) changes nothing.
func rollback(tx *gorm.DB) { _ = tx.Exec("ROLLBACK").Error }

// inSavepoint calls one write function of a batch in a savepoint of its
// own, undone when the function fails. The error returned is not the
// function's (that is r.err or r.panicked) but the transaction's: after it
// the transaction cannot be trusted.
func inSavepoint(tx *gorm.DB, r *writeReq) error {
	if err := tx.Exec("SAVEPOINT write").Error; err != nil {
		return err
	}
	call(tx, r)
	if r.err != nil || r.panicked != nil {
		if err := tx.Exec("ROLLBACK TO write").Error; err != nil {
			return err
		}
	}
	return tx.Exec("RELEASE write").Error
}

// call runs r's function in tx, keeping its error or panic in r. A caller
// that gives up must not interrupt the shared transaction (SQLite rolls
// back a whole transaction on an interrupted write), so the function runs
// with the caller's values but without its cancellation.
func call(tx *gorm.DB, r *writeReq) {
	defer func() {
		if p := recover(); p != nil {
			r.panicked = p
		}
	}()
	r.err = r.fn(tx.WithContext(context.WithoutCancel(r.ctx)))
}
