package store

import (
	"os"
	"path/filepath"
	"testing"

	"tilmash/internal/pgtest"
)

// envTestDB chooses the database of the tests that open theirs through
// testDB (the exchange fixture's): unset or "sqlite" for a SQLite file,
// "postgres" for a PostgreSQL database from pgtest. CI runs the package
// once each way.
const envTestDB = "TILMASH_STORE_TEST_DB"

// testDB is a new database for tb, of the kind envTestDB chooses.
func testDB(tb testing.TB) string {
	tb.Helper()
	switch v := os.Getenv(envTestDB); v {
	case "", "sqlite":
		return filepath.Join(tb.TempDir(), "x.db")
	case "postgres":
		return pgURL(tb)
	default:
		tb.Fatalf("%s=%q: want sqlite or postgres", envTestDB, v)
		return ""
	}
}

// pgURL is a new PostgreSQL database for tb (pgtest: skipped without one,
// unless required).
func pgURL(tb testing.TB) string {
	tb.Helper()
	return pgtest.URL(tb)
}
