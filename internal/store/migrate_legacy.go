package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// checkPreMigrations looks at a database that has no version table before
// the baseline is applied to it. Until December 2026 every open ran GORM's
// AutoMigrate, which added the columns a newer model had; the baseline only
// creates what is missing whole, so a table lacking a column would fail
// later, on some query. Such a database is refused with what it lacks.
// A new (empty) database passes at once; the comparison, which builds the
// baseline in memory, runs only for a database made before migrations.
func checkPreMigrations(ctx context.Context, db *sql.DB) error {
	old, err := hasTable(ctx, db, "documents")
	if err != nil || !old {
		return err
	}
	have, err := tableColumns(ctx, db)
	if err != nil {
		return err
	}
	want, err := baselineColumns(ctx)
	if err != nil {
		return err
	}
	var missing []string
	for table, cols := range want {
		if have[table] == nil {
			continue // the baseline creates the whole table
		}
		for col := range cols {
			if !have[table][col] {
				missing = append(missing, table+"."+col)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	return fmt.Errorf("the database predates the schema baseline (it lacks %s): open it once with the December 2026 "+
		"release of tilmash, which adds what is missing, then with this one", strings.Join(missing, ", "))
}

// baselineColumns are the columns of each table of migration 1, read from
// an in-memory database it is applied to.
func baselineColumns(ctx context.Context) (map[string]map[string]bool, error) {
	baseline, err := sqliteMigrations.ReadFile("migrations/sqlite/00001_baseline.sql")
	if err != nil {
		return nil, err
	}
	mem, err := sql.Open(foldDriver(), "file::memory:")
	if err != nil {
		return nil, err
	}
	defer mem.Close()
	mem.SetMaxOpenConns(1) // each connection to :memory: is a database of its own
	// goose's annotations are SQL comments, so the file runs as it is.
	if _, err := mem.ExecContext(ctx, string(baseline)); err != nil {
		return nil, fmt.Errorf("apply the baseline in memory: %w", err)
	}
	return tableColumns(ctx, mem)
}

// tableColumns maps each table of db to the set of its column names.
func tableColumns(ctx context.Context, db *sql.DB) (map[string]map[string]bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p
		WHERE m.type = 'table'`)
	if err != nil {
		return nil, fmt.Errorf("read the schema: %w", err)
	}
	defer rows.Close()
	out := map[string]map[string]bool{}
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			return nil, fmt.Errorf("read the schema: %w", err)
		}
		if out[table] == nil {
			out[table] = map[string]bool{}
		}
		out[table][col] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the schema: %w", err)
	}
	return out, nil
}
