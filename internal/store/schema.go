package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/pressly/goose/v3/database"
	"gorm.io/gorm"
)

// Migrate applies the pending schema migrations to the database at path
// (creating it if needed) and returns the schema version it is then at.
// It is what Open does first, without seeding or loading anything.
func Migrate(ctx context.Context, path string) (int64, error) {
	if dialectOf(path) == dialectPostgres {
		db, err := openPostgresDB(path, 2)
		if err != nil {
			return 0, err
		}
		defer closeDB(db)
		v, err := migrateGorm(ctx, db, dialectPostgres)
		if err != nil {
			return 0, fmt.Errorf("migrate database %s: %w", redactURL(path), err)
		}
		return v, nil
	}
	if err := secureDBFile(path); err != nil {
		return 0, err
	}
	inUse, err := useLock(path)
	if err != nil {
		return 0, err
	}
	defer inUse.Close()
	db, err := openDB(path, Options{})
	if err != nil {
		return 0, err
	}
	defer closeDB(db)
	v, err := migrateGorm(ctx, db, dialectSQLite)
	if err != nil {
		return 0, fmt.Errorf("migrate database %s: %w", path, err)
	}
	return v, nil
}

// MigrationStatus is one schema migration and whether a database has it.
type MigrationStatus struct {
	Version int64
	// Name is what the migration does ("baseline" for 00001_baseline.sql);
	// empty for a version the database has but this binary does not know.
	Name string
	// AppliedAt is when the database recorded it (UTC); zero while pending.
	AppliedAt time.Time
}

// Pending reports whether the database has yet to apply the migration.
func (m MigrationStatus) Pending() bool { return m.AppliedAt.IsZero() }

// SchemaStatus lists every migration this binary embeds, in order, with
// when the database at path applied it, followed by any newer version the
// database has. It changes nothing, not even by creating goose's table.
func SchemaStatus(ctx context.Context, path string) ([]MigrationStatus, error) {
	if dialectOf(path) == dialectPostgres {
		gdb, err := openPostgresDB(path, 2)
		if err != nil {
			return nil, err
		}
		defer closeDB(gdb)
		return statusOn(ctx, gdb, dialectPostgres, redactURL(path))
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("schema status: there is no database at %s", path)
	} else if err != nil {
		return nil, fmt.Errorf("schema status of %s: %w", path, err)
	}
	inUse, err := useLock(path)
	if err != nil {
		return nil, err
	}
	defer inUse.Close()
	gdb, err := openDB(path, Options{})
	if err != nil {
		return nil, err
	}
	defer closeDB(gdb)
	return statusOn(ctx, gdb, dialectSQLite, path)
}

// statusOn is SchemaStatus on an open pool; name is the database's for messages.
func statusOn(ctx context.Context, gdb *gorm.DB, d dialect, name string) ([]MigrationStatus, error) {
	sqlDB, err := gdb.DB()
	if err != nil {
		return nil, err
	}
	m, err := newMigrator(sqlDB, d)
	if err != nil {
		return nil, err
	}
	out, err := m.status(ctx)
	if err != nil {
		return nil, fmt.Errorf("schema status of %s: %w", name, err)
	}
	return out, nil
}

// status is SchemaStatus on the migrator's database.
func (m *migrator) status(ctx context.Context) ([]MigrationStatus, error) {
	tracked, err := m.hasTable(ctx, versionTable)
	if err != nil {
		return nil, err
	}
	applied := func(v int64) (time.Time, error) {
		if !tracked {
			return time.Time{}, nil
		}
		r, err := m.versions.GetMigration(ctx, m.db, v)
		if errors.Is(err, database.ErrVersionNotFound) {
			return time.Time{}, nil
		}
		if err != nil {
			return time.Time{}, fmt.Errorf("read migration %d: %w", v, err)
		}
		return r.Timestamp.UTC(), nil
	}
	var out []MigrationStatus
	for _, src := range m.provider.ListSources() {
		at, err := applied(src.Version)
		if err != nil {
			return nil, err
		}
		out = append(out, MigrationStatus{Version: src.Version, Name: migrationName(src.Path), AppliedAt: at})
	}
	if !tracked {
		return out, nil
	}
	all, err := m.versions.ListMigrations(ctx, m.db) // newest first
	if err != nil {
		return nil, fmt.Errorf("read the applied migrations: %w", err)
	}
	known, seen := m.known(), map[int64]bool{}
	for i := len(all) - 1; i >= 0; i-- {
		if v := all[i].Version; v > known && !seen[v] {
			seen[v] = true
			at, err := applied(v)
			if err != nil {
				return nil, err
			}
			out = append(out, MigrationStatus{Version: v, AppliedAt: at})
		}
	}
	return out, nil
}
