package store

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// dialect is the database a Store runs on. What differs between the two
// lives in dialect_sqlite.go and dialect_postgres.go; the repositories ask
// a session's dialect (sessionDialect) where their SQL must differ.
type dialect string

const (
	// dialectSQLite is a database file, the default: a path on --db.
	dialectSQLite dialect = "sqlite"
	// dialectPostgres is a PostgreSQL server: a postgres:// URL on --db.
	dialectPostgres dialect = "postgres"
)

// dialectOf tells which database --db names: a postgres:// or
// postgresql:// URL is PostgreSQL, anything else a SQLite file path.
func dialectOf(dsn string) dialect {
	lower := strings.ToLower(dsn)
	if strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://") {
		return dialectPostgres
	}
	return dialectSQLite
}

// sessionDialect is the dialect of a GORM session, by its dialector's name.
func sessionDialect(db *gorm.DB) dialect {
	if db.Dialector != nil && db.Dialector.Name() == string(dialectPostgres) {
		return dialectPostgres
	}
	return dialectSQLite
}

// containsSQL is a condition that col contains the one bound value as a
// substring, byte for byte (no LIKE: its wildcards and case rules differ
// between the two).
func (d dialect) containsSQL(col string) string {
	if d == dialectPostgres {
		return "strpos(" + col + ", ?) > 0"
	}
	return "instr(" + col + ", ?) > 0"
}

// placeholder is the n-th (1-based) numbered parameter of a statement
// prepared on a connection directly, outside GORM's own binding.
func (d dialect) placeholder(n int) string {
	if d == dialectPostgres {
		return fmt.Sprintf("$%d", n)
	}
	return fmt.Sprintf("?%d", n)
}

// Keys of the transaction-scoped advisory locks Tilmash takes on
// PostgreSQL (goose's migration lock has a key of its own).
const (
	// lockChangeLog orders the writers of change rows (logChange).
	lockChangeLog int64 = 0x74696c6d_00000001
	// lockSeeding makes the seeding of a new database one process's work.
	lockSeeding int64 = 0x74696c6d_00000002
	// lockSignin makes each transaction over the sign-in counters (a read,
	// then a write of what it read) one after the other (repo_accounts.go).
	lockSignin int64 = 0x74696c6d_00000003
)

// xactLock takes the advisory lock key until tx ends, on PostgreSQL; on
// SQLite, whose one writer runs one transaction at a time, it does nothing.
func xactLock(tx *gorm.DB, key int64) error {
	if sessionDialect(tx) != dialectPostgres {
		return nil
	}
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", key).Error; err != nil {
		return fmt.Errorf("take advisory lock %#x: %w", key, err)
	}
	return nil
}

// skipLocked makes q, a SELECT of rows a write transaction is about to
// claim, lock the rows it returns and pass over those another transaction
// holds (FOR UPDATE SKIP LOCKED) on PostgreSQL, where transactions run side
// by side: two claimers then never take one row, nor wait on each other.
// On SQLite the one writer runs one claim at a time, and q is unchanged.
func skipLocked(q *gorm.DB) *gorm.DB {
	if sessionDialect(q) != dialectPostgres {
		return q
	}
	return q.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate, Options: clause.LockingOptionsSkipLocked})
}
