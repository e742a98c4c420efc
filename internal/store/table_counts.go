package store

import (
	"context"
	"fmt"
)

// TableCounts counts the rows of every table of the schema, goose's
// version table and SQLite's own left out, in the order of their names: a
// census to compare before and after a change (a deletion must leave no
// row of what it deleted behind, whatever tables later migrations add).
func (s *Store) TableCounts(ctx context.Context) ([]TableCount, error) {
	db := s.read(ctx)
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ? ORDER BY name`
	if s.dialect == dialectPostgres {
		q = `SELECT table_name FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> ? ORDER BY table_name`
	}
	var names []string
	if err := db.Raw(q, versionTable).Scan(&names).Error; err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	out := make([]TableCount, len(names))
	for i, n := range names {
		rows, err := countRows(db, n)
		if err != nil {
			return nil, err
		}
		out[i] = TableCount{Table: n, Rows: rows}
	}
	return out, nil
}
