package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// tmxInsertRows is how many memory entries one INSERT of a TMX import
// writes. SQLite would take 10920 (4 + 3 a row parameters, at most 32766),
// but compiling a VALUES list costs time quadratic in its rows (5000 rows:
// 0.3 s), while more than a few hundred rows a statement save nothing.
const tmxInsertRows = 256

// memoryInserter writes the entries of a TMX import with one prepared
// multi-row INSERT on the transaction's connection, bound again for every
// batch: no statement parsed per batch, no reflection per row. The language
// pair, origin and author are the same for every row and bound once per
// statement (?1 … ?4); each row adds its source, target, creation time and
// folded pair.
type memoryInserter struct {
	ctx   context.Context
	tx    gorm.ConnPool
	full  *sql.Stmt // for tmxInsertRows rows, prepared when first needed
	args  []any     // ?1 … ?4, then rowArgs a row
	rows  int
	total int
	// ids are the ids of the entries written, as the INSERT returned them:
	// consecutive on SQLite, which has one writer, but not on every
	// database, and the change log names exactly these.
	ids idRuns
	got []int64 // one statement's returned ids, reused
}

// rowArgs is the number of values each row binds: source, target, creation
// time and the folded pair (MemoryEntry.Folded).
const rowArgs = 4

// memoryInsertSQL is the INSERT of n rows, returning their ids.
func memoryInsertSQL(n int) string {
	var b strings.Builder
	b.Grow(90 + n*22)
	b.WriteString("INSERT INTO memory_entries (source_lang, target_lang, origin, author, source, target, created_at, folded) VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		p := 5 + rowArgs*i
		b.WriteString("(?1,?2,?3,?4")
		for k := range rowArgs {
			b.WriteString(",?")
			b.WriteString(strconv.Itoa(p + k))
		}
		b.WriteByte(')')
	}
	b.WriteString(" RETURNING id")
	return b.String()
}

// newMemoryInserter writes inside tx to the memory of source → target,
// entries with the given origin and author.
func newMemoryInserter(tx *gorm.DB, source, target, origin, author string) *memoryInserter {
	args := make([]any, 4, 4+rowArgs*tmxInsertRows)
	args[0], args[1], args[2], args[3] = source, target, origin, author
	return &memoryInserter{ctx: tx.Statement.Context, tx: tx.Statement.ConnPool, args: args}
}

// add queues one entry, writing the queue when it is full.
func (m *memoryInserter) add(source, target string, created time.Time) error {
	m.args = append(m.args, source, target, created, foldedPair(source, target))
	m.rows++
	if m.rows == tmxInsertRows {
		return m.flush()
	}
	return nil
}

// flush writes the queued entries.
func (m *memoryInserter) flush() error {
	if m.rows == 0 {
		return nil
	}
	var rows *sql.Rows
	var err error
	if m.rows == tmxInsertRows {
		if m.full == nil {
			if m.full, err = m.tx.PrepareContext(m.ctx, memoryInsertSQL(tmxInsertRows)); err != nil {
				return fmt.Errorf("prepare memory insert: %w", err)
			}
		}
		rows, err = m.full.QueryContext(m.ctx, m.args...)
	} else {
		rows, err = m.tx.QueryContext(m.ctx, memoryInsertSQL(m.rows), m.args...)
	}
	if err != nil {
		return fmt.Errorf("insert memory entries: %w", err)
	}
	m.got = m.got[:0]
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("insert memory entries: %w", err)
		}
		m.got = append(m.got, id)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("insert memory entries: %w", err)
	}
	if len(m.got) != m.rows {
		return fmt.Errorf("insert memory entries: %d ids returned for %d rows", len(m.got), m.rows)
	}
	m.ids.addAll(m.got)
	m.total += m.rows
	m.rows = 0
	clear(m.args[4:]) // let the texts go
	m.args = m.args[:4]
	return nil
}

// close releases the prepared statement.
func (m *memoryInserter) close() {
	if m.full != nil {
		m.full.Close()
	}
}
