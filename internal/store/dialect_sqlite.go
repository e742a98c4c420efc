package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// openSQLite is OpenWith on a SQLite file, before the Store starts: the
// file is locked for use, the pools open, the schema migrated and the
// writer goroutine running.
func openSQLite(ctx context.Context, path string, opts Options) (_ *Store, err error) {
	if err := secureDBFile(path); err != nil {
		return nil, err
	}
	inUse, err := useLock(path)
	if err != nil {
		return nil, err
	}
	var dbs []*gorm.DB
	defer func() { // on failure before the Store exists, close what was opened
		if err != nil {
			for _, db := range dbs {
				closeDB(db)
			}
			inUse.Close()
		}
	}()
	// The write pool has the writer's connection and one more for what
	// runs outside the writer: the migration below, a test's direct query.
	for _, conns := range []int{2, opts.readConns()} {
		db, err := openDB(path, opts)
		if err != nil {
			return nil, err
		}
		dbs = append(dbs, db)
		if err := pool(db, conns); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	}
	db, rdb := dbs[0], dbs[1]
	if _, err := migrateGorm(ctx, db, dialectSQLite); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	w, err := openWriter(db, gormConfig())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	st := newStore(db, rdb, w, inUse, opts)
	dbs = nil // from here on, Close closes them
	go st.writer(w)
	return st, nil
}
