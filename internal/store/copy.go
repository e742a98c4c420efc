package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// copyTables are the tables a copy moves, parents before children. The
// change log is left behind: the target's caches are built from its tables.
var copyTables = []string{"languages", "users", "user_roles", "tokens", "sessions", "signin_counters",
	"documents", "revisions", "segments", "revision_segments", "translations", "events", "comments", "memory_entries",
	"glossary_terms", "releases", "release_segments", "webhook_outboxes", "webhook_deliveries"}

// ownedTables are the tables whose rows make a database someone's: a copy
// refuses a target that has any.
var ownedTables = []string{"users", "documents", "memory_entries", "releases"}

// TableCount is how many rows a table holds.
type TableCount struct {
	Table string
	Rows  int64
}

// CopyTo moves every row of s into dst, a migrated database of either
// dialect that holds no users, documents, memory or releases, in one
// transaction on dst: ids, versions, hashes, history and the released text
// arrive as they were, so public release URLs answer the same bytes. It
// returns the rows per table, after checking both sides hold as many.
func (s *Store) CopyTo(ctx context.Context, dst *Store) ([]TableCount, error) {
	for _, t := range ownedTables {
		n, err := countRows(dst.read(ctx), t)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			return nil, fmt.Errorf("copy: the target already holds %d rows of %s: copy only into a new database", n, t)
		}
	}
	var counts []TableCount
	err := dst.write(ctx, func(tx *gorm.DB) error {
		counts = counts[:0]
		// The target seeded its languages on open; the source's replace them.
		if err := tx.Exec("DELETE FROM languages").Error; err != nil {
			return err
		}
		for _, t := range copyTables {
			n, err := s.copyTable(ctx, tx, dst.dialect, t)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t, err)
			}
			counts = append(counts, TableCount{Table: t, Rows: n})
		}
		if dst.dialect == dialectPostgres {
			return restartIdentities(tx)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, c := range counts {
		n, err := countRows(dst.read(ctx), c.Table)
		if err != nil {
			return nil, err
		}
		if n != c.Rows {
			return nil, fmt.Errorf("copy: %s has %d rows in the source and %d in the target", c.Table, c.Rows, n)
		}
	}
	return counts, nil
}

func countRows(db *gorm.DB, table string) (int64, error) {
	var n int64
	if err := db.Raw("SELECT COUNT(*) FROM " + table).Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("count %s: %w", table, err)
	}
	return n, nil
}

// copyTable reads table from s in key order and inserts its rows into tx,
// 200 at a time, with the columns both sides have; values are converted
// where the dialects store them differently (SQLite's 0/1 for booleans).
func (s *Store) copyTable(ctx context.Context, tx *gorm.DB, to dialect, table string) (int64, error) {
	targetCols, err := columnTypes(tx, table)
	if err != nil {
		return 0, err
	}
	rows, err := s.read(ctx).Raw("SELECT * FROM " + table + " ORDER BY 1").Rows()
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	var keep []int // source columns the target has
	var names []string
	for i, c := range cols {
		if _, ok := targetCols[c]; ok {
			keep, names = append(keep, i), append(names, c)
		}
	}
	var n int64
	var batch [][]any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + ")"
		q := "INSERT INTO " + table + " (" + strings.Join(names, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(row+", ", len(batch)), ", ")
		var args []any
		for _, r := range batch {
			args = append(args, r...)
		}
		batch = batch[:0]
		return tx.Exec(q, args...).Error
	}
	for rows.Next() {
		vals, err := scanAny(rows, len(cols))
		if err != nil {
			return n, err
		}
		out := make([]any, len(keep))
		for j, i := range keep {
			out[j] = convert(vals[i], targetCols[cols[i]], to)
		}
		batch = append(batch, out)
		n++
		if len(batch) == 200 {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	return n, flush()
}

// scanAny scans the current row of n columns as the driver gives them.
func scanAny(rows *sql.Rows, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	return vals, rows.Scan(ptrs...)
}

// columnTypes maps the columns of a table to their database types.
func columnTypes(db *gorm.DB, table string) (map[string]string, error) {
	rows, err := db.Raw("SELECT * FROM " + table + " WHERE 1 = 0").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(types))
	for _, t := range types {
		out[t.Name()] = strings.ToUpper(t.DatabaseTypeName())
	}
	return out, rows.Err()
}

// convert adapts one value to the target's column type: SQLite keeps
// booleans as integers, and its driver may give text as bytes.
func convert(v any, colType string, to dialect) any {
	if to != dialectPostgres {
		return v
	}
	switch colType {
	case "BOOL", "BOOLEAN":
		switch x := v.(type) {
		case int64:
			return x != 0
		case []byte:
			return string(x) == "1" || strings.EqualFold(string(x), "true")
		case string:
			return x == "1" || strings.EqualFold(x, "true")
		}
	case "TEXT", "VARCHAR":
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return v
}

// restartIdentities moves each identity column's sequence past the ids the
// copy wrote, so the next insert does not collide with a copied row.
func restartIdentities(tx *gorm.DB) error {
	for _, t := range copyTables {
		var col sql.NullString
		err := tx.Raw("SELECT column_name FROM information_schema.columns WHERE table_name = ? AND is_identity = 'YES'", t).
			Scan(&col).Error
		if err != nil {
			return err
		}
		if !col.Valid {
			continue
		}
		err = tx.Exec(fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', '%s'), COALESCE((SELECT MAX(%s) FROM %s), 0) + 1, false)",
			t, col.String, col.String, t)).Error
		if err != nil {
			return fmt.Errorf("restart the ids of %s: %w", t, err)
		}
	}
	return nil
}
