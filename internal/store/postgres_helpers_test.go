package store

import (
	"testing"

	"tilmash/internal/pgtest"
)

// testDB is a new database for tb, of the kind pgtest.EnvDB chooses: a
// SQLite file, or an empty PostgreSQL database from pgtest. CI runs the
// package once each way.
func testDB(tb testing.TB) string {
	tb.Helper()
	return pgtest.DSN(tb, "x.db", nil)
}

// pgURL is a new PostgreSQL database for tb (pgtest: skipped without one,
// unless required).
func pgURL(tb testing.TB) string {
	tb.Helper()
	return pgtest.URL(tb)
}
