package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"
	"gorm.io/gorm"
)

// sqliteMigrations are the numbered schema migrations of SQLite
// (migrations/README.md says how to add one).
//
//go:embed migrations/sqlite/*.sql
var sqliteMigrations embed.FS

// postgresMigrations are the same migrations for PostgreSQL, with the same
// numbers: a version means one schema on both.
//
//go:embed migrations/postgres/*.sql
var postgresMigrations embed.FS

// versionTable is where goose records the migrations a database has.
const versionTable = goose.DefaultTablename

// SchemaTooNewError refuses a database whose schema a newer tilmash made:
// this binary would misread it, and its writes could damage it.
type SchemaTooNewError struct {
	Version int64 // the database's
	Known   int64 // the newest this binary embeds
}

func (e *SchemaTooNewError) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this tilmash knows (%d): upgrade tilmash before opening it",
		e.Version, e.Known)
}

// migrator applies the embedded migrations to one database through goose's
// Provider (no goose package state is used) and reads goose's version table.
type migrator struct {
	db       *sql.DB
	dialect  dialect
	provider *goose.Provider
	// versions runs goose's own queries on its version table, for the
	// reads that must not create it (the Provider's methods all do).
	versions database.Store
}

// newMigrator prepares the migrations of dialect d for db. On SQLite db is
// a pool of the store's own driver (migrations may call tilmash_fold); on
// PostgreSQL goose holds an advisory lock while it migrates.
func newMigrator(db *sql.DB, d dialect) (*migrator, error) {
	fsys, err := fs.Sub(sqliteMigrations, "migrations/sqlite")
	gooseDialect := goose.DialectSQLite3
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	if d == dialectPostgres {
		fsys, err = fs.Sub(postgresMigrations, "migrations/postgres")
		gooseDialect = goose.DialectPostgres
		locker, lerr := migrationLock()
		if lerr != nil {
			return nil, lerr
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	if err != nil {
		return nil, err
	}
	p, err := goose.NewProvider(gooseDialect, db, fsys, opts...)
	if err != nil {
		return nil, fmt.Errorf("read the migrations: %w", err)
	}
	versions, err := database.NewStore(gooseDialect, versionTable)
	if err != nil {
		return nil, err
	}
	return &migrator{db: db, dialect: d, provider: p, versions: versions}, nil
}

// known is the newest version this binary has a migration for.
func (m *migrator) known() int64 {
	sources := m.provider.ListSources()
	return sources[len(sources)-1].Version
}

// current is the newest version the database has applied; 0 when it has
// no version table (a new database, or one made before migrations).
// It writes nothing.
func (m *migrator) current(ctx context.Context) (int64, error) {
	tracked, err := m.hasTable(ctx, versionTable)
	if err != nil || !tracked {
		return 0, err
	}
	v, err := m.versions.GetLatestVersion(ctx, m.db)
	if errors.Is(err, database.ErrVersionNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read the schema version: %w", err)
	}
	return v, nil
}

// up applies the pending migrations, each in its own transaction with the
// record of it, and returns the version reached. A database newer than
// this binary is refused before anything is written.
func (m *migrator) up(ctx context.Context) (int64, error) {
	v, err := m.current(ctx)
	if err != nil {
		return 0, err
	}
	if known := m.known(); v > known {
		return 0, &SchemaTooNewError{Version: v, Known: known}
	}
	if v == 0 && m.dialect == dialectSQLite { // PostgreSQL came after migrations
		if err := checkPreMigrations(ctx, m.db); err != nil {
			return 0, err
		}
	}
	applied, err := m.provider.Up(ctx)
	if err != nil {
		return 0, fmt.Errorf("migrate the schema: %w", err)
	}
	if len(applied) > 0 {
		v = applied[len(applied)-1].Source.Version
	}
	return v, nil
}

// hasTable reports whether the migrator's database has a table of that name.
func (m *migrator) hasTable(ctx context.Context, name string) (bool, error) {
	if m.dialect == dialectPostgres {
		return hasTablePostgres(ctx, m.db, name)
	}
	return hasTable(ctx, m.db, name)
}

// hasTable reports whether the SQLite database has a table of that name.
func hasTable(ctx context.Context, db *sql.DB, name string) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", name).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("read the schema: %w", err)
	}
	return n > 0, nil
}

// migrationName is what a migration does, from its file name:
// "00001_baseline.sql" is "baseline".
func migrationName(file string) string {
	name := strings.TrimSuffix(path.Base(file), path.Ext(file))
	if _, after, ok := strings.Cut(name, "_"); ok {
		return after
	}
	return name
}

// migrateGorm applies the pending migrations through a GORM pool's *sql.DB.
func migrateGorm(ctx context.Context, db *gorm.DB, d dialect) (int64, error) {
	sqlDB, err := db.DB()
	if err != nil {
		return 0, err
	}
	m, err := newMigrator(sqlDB, d)
	if err != nil {
		return 0, err
	}
	return m.up(ctx)
}
