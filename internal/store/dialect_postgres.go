package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/pressly/goose/v3/lock"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// On PostgreSQL a Store keeps no file and takes no file lock (many
// processes on many machines share the server), writes each function in a
// plain transaction of its own (the server runs them side by side; the
// version check in each UPDATE decides between concurrent saves), and
// applies migrations under an advisory lock, so that replicas started at
// once do not race.

// pgConns bounds each pool of a PostgreSQL Store: the server, not this
// process, is the limit, and max_connections is shared by every replica.
const pgConns = 16

// openPostgresDB opens a pool on the PostgreSQL database at dsn.
func openPostgresDB(dsn string, conns int) (*gorm.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", redactURL(dsn), err)
	}
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(timesInUTC))}), gormConfig())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", redactURL(dsn), err)
	}
	if err := pool(db, conns); err != nil {
		closeDB(db)
		return nil, fmt.Errorf("open database %s: %w", redactURL(dsn), err)
	}
	return db, nil
}

// timesInUTC makes conn read timestamptz values in UTC, as the SQLite
// driver does, instead of the process's local zone: the same instant would
// otherwise be shown differently (a release's JSON and HTML say
// "…T05:00:30+05:00" for "…T00:00:30Z") by a replica in another zone or
// after a copy from SQLite.
func timesInUTC(_ context.Context, conn *pgx.Conn) error {
	conn.TypeMap().RegisterType(&pgtype.Type{Name: "timestamptz", OID: pgtype.TimestamptzOID,
		Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC}})
	return nil
}

// openPostgres is OpenWith on PostgreSQL, before the Store starts: the
// pools are open and the schema migrated.
func openPostgres(ctx context.Context, dsn string, opts Options) (*Store, error) {
	db, err := openPostgresDB(dsn, pgConns)
	if err != nil {
		return nil, err
	}
	rdb, err := openPostgresDB(dsn, pgConns)
	if err != nil {
		closeDB(db)
		return nil, err
	}
	if _, err := migrateGorm(ctx, db, dialectPostgres); err != nil {
		closeDB(db)
		closeDB(rdb)
		return nil, fmt.Errorf("open database %s: %w", redactURL(dsn), err)
	}
	st := newStore(db, rdb, nil, nil, opts)
	st.dialect = dialectPostgres
	close(st.stopped) // there is no writer goroutine to wait for
	return st, nil
}

// writeTx is write on PostgreSQL: fn in a transaction of its own.
func (s *Store) writeTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	select {
	case <-s.stop:
		return errClosed
	default:
	}
	return s.db.WithContext(ctx).Transaction(fn)
}

// migrationLock is the session-level advisory lock that migrations take on
// PostgreSQL: a second process waits for the first to finish, then finds
// nothing pending.
func migrationLock() (lock.SessionLocker, error) {
	return lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 600)) // retried each second, up to 10 minutes
}

// hasTablePostgres is hasTable on PostgreSQL: a table of the search path's
// first schema.
func hasTablePostgres(ctx context.Context, db *sql.DB, name string) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name = $1`, name).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("read the schema: %w", err)
	}
	return n > 0, nil
}

// errBackupPostgres refuses backup and restore on PostgreSQL, which have
// their own tools.
var errBackupPostgres = errors.New("tilmash backup and restore work on SQLite files only: back up a PostgreSQL database with pg_dump (and restore it with pg_restore)")

// redactURL is a PostgreSQL URL without its password, for messages.
func redactURL(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "the PostgreSQL database"
	}
	return u.Redacted()
}
