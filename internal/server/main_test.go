package server

import (
	"context"
	"os"
	"testing"

	"tilmash/internal/pgtest"
	"tilmash/internal/store"
)

// TestMain stops the PostgreSQL cluster and the Chromium the tests started, if any.
func TestMain(m *testing.M) {
	code := pgtest.Main(m)
	sharedChromium.close()
	os.Exit(code)
}

// migrated is a PostgreSQL database as store.Open leaves a new one
// (migrated, the languages seeded), copied for each test: migrating a
// database per test would take most of the suite's time.
var migrated = pgtest.NewTemplate(func(url string) error {
	st, err := store.Open(context.Background(), url)
	if err != nil {
		return err
	}
	return st.Close()
})

// testDB is a new database for tb, of the kind pgtest.EnvDB chooses: a
// SQLite file, or a PostgreSQL database. CI runs the suite both ways.
func testDB(tb testing.TB) string {
	tb.Helper()
	return pgtest.DSN(tb, "tilmash.db", migrated)
}
