package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"tilmash/internal/record"
)

// insertRows is how many memory entries one INSERT of an import writes.
// SQLite would take 8190 (4 + 4 a row parameters, at most 32766), but
// compiling a VALUES list costs time quadratic in its rows (5000 rows:
// 0.3 s), while more than a few hundred rows a statement save nothing.
const insertRows = 256

// rowArgs is the number of values each row binds: source, target, creation
// time and the folded pair (MemoryEntry.Folded).
const rowArgs = 4

// memoryInsertSQL is the INSERT of n rows, returning their ids. The
// language pair, origin and author are the same for every row and bound
// once per statement (?1 … ?4); each row adds its source, target, creation
// time and folded pair.
func memoryInsertSQL(d dialect, n int) string {
	var b strings.Builder
	b.Grow(90 + n*22)
	b.WriteString("INSERT INTO memory_entries (source_lang, target_lang, origin, author, source, target, created_at, folded) VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		p := 5 + rowArgs*i
		b.WriteByte('(')
		for k := range 4 {
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteString(d.placeholder(k + 1))
		}
		for k := range rowArgs {
			b.WriteByte(',')
			b.WriteString(d.placeholder(p + k))
		}
		b.WriteByte(')')
	}
	b.WriteString(" RETURNING id")
	return b.String()
}

// memoryInserter writes the memory entries of one transaction's imports
// with multi-row INSERTs on the transaction's connection, each prepared
// once for its number of rows and bound again for every batch: no
// statement parsed per batch, no reflection per row. An importer that
// hands over batches of one size uses at most two statements (the full
// one and its remainder).
type memoryInserter struct {
	ctx     context.Context
	conn    gorm.ConnPool
	dialect dialect
	stmts   map[int]*sql.Stmt // by rows
	args    []any             // ?1 … ?4, then rowArgs a row
}

func newMemoryInserter(tx *gorm.DB) *memoryInserter {
	return &memoryInserter{ctx: tx.Statement.Context, conn: tx.Statement.ConnPool, dialect: sessionDialect(tx), stmts: map[int]*sql.Stmt{},
		args: make([]any, 0, 4+rowArgs*insertRows)}
}

// insert writes a batch, insertRows rows a statement, and appends the ids
// the statements returned to ids, in the order of the batch's units.
func (m *memoryInserter) insert(b record.MemoryBatch, ids []int64) ([]int64, error) {
	for us := b.Units; len(us) > 0; {
		n := min(len(us), insertRows)
		m.args = append(m.args[:0], b.SourceLang, b.TargetLang, b.Origin, b.Author)
		for _, u := range us[:n] {
			m.args = append(m.args, u.Source, u.Target, u.CreatedAt, foldedPair(u.Source, u.Target))
		}
		var err error
		if ids, err = m.exec(n, ids); err != nil {
			return ids, err
		}
		us = us[n:]
	}
	clear(m.args) // let the texts go
	return ids, nil
}

// exec runs the statement of n rows with m.args.
func (m *memoryInserter) exec(n int, ids []int64) ([]int64, error) {
	stmt := m.stmts[n]
	if stmt == nil {
		var err error
		if stmt, err = m.conn.PrepareContext(m.ctx, memoryInsertSQL(m.dialect, n)); err != nil {
			return ids, fmt.Errorf("prepare memory insert: %w", err)
		}
		m.stmts[n] = stmt
	}
	rows, err := stmt.QueryContext(m.ctx, m.args...)
	if err != nil {
		return ids, fmt.Errorf("insert memory entries: %w", err)
	}
	got := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return ids, fmt.Errorf("insert memory entries: %w", err)
		}
		ids = append(ids, id)
		got++
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return ids, fmt.Errorf("insert memory entries: %w", err)
	}
	if got != n {
		return ids, fmt.Errorf("insert memory entries: %d ids returned for %d rows", got, n)
	}
	return ids, nil
}

// close releases the prepared statements.
func (m *memoryInserter) close() {
	for _, s := range m.stmts {
		s.Close()
	}
}
