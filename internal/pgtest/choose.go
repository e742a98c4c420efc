package pgtest

import (
	"os"
	"path/filepath"
	"testing"
)

// EnvDB chooses the database of the suites that take theirs from DSN
// (the store's and the server's): unset or "sqlite" for a SQLite file,
// "postgres" for a PostgreSQL database. One name for every suite, so one
// command runs them all on PostgreSQL; CI runs them once each way.
const EnvDB = "TILMASH_TEST_DB"

// Postgres reports whether EnvDB asks for PostgreSQL. A value other than
// sqlite or postgres fails tb.
func Postgres(tb testing.TB) bool {
	tb.Helper()
	switch v := os.Getenv(EnvDB); v {
	case "", "sqlite":
		return false
	case "postgres":
		return true
	default:
		tb.Fatalf("%s=%q: want sqlite or postgres", EnvDB, v)
		return false
	}
}

// DSN is a new database for tb, of the kind EnvDB chooses: file (a name)
// in tb's temporary directory, or a PostgreSQL database copied from tmpl
// (a fresh empty one when tmpl is nil).
func DSN(tb testing.TB, file string, tmpl *Template) string {
	tb.Helper()
	if !Postgres(tb) {
		return filepath.Join(tb.TempDir(), file)
	}
	if tmpl == nil {
		return URL(tb)
	}
	return tmpl.URL(tb)
}
