package server

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"

	_ "github.com/mattn/go-sqlite3" // to move the schema version behind the server's back (pgx: pgtest)
)

// TestReady: /readyz is 200 while the database answers at the schema this
// binary migrates to, and 503 with the reason when the schema is behind or
// ahead of it, or the database is gone; /healthz only asks the database.
func TestReady(t *testing.T) {
	dsn := testDB(t)
	ts := startServerWith(t, dsn, Config{})
	if r := ts.call(t, "GET", "/readyz", "", nil).must(t, http.StatusOK); r.Body["status"] != "ready" {
		t.Fatalf("readyz = %s", r.Raw)
	}
	db := rawServerDB(t, dsn)
	var newest int64
	if err := db.QueryRow("SELECT MAX(version_id) FROM goose_db_version").Scan(&newest); err != nil {
		t.Fatal(err)
	}
	// The versions are written into the statements: the two databases
	// number their placeholders differently.
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(fmt.Sprintf(q, args...)); err != nil {
			t.Fatal(err)
		}
	}
	var previous int64 // the version before the newest; numbers may have gaps between branches
	if err := db.QueryRow(fmt.Sprintf("SELECT MAX(version_id) FROM goose_db_version WHERE version_id < %d", newest)).Scan(&previous); err != nil {
		t.Fatal(err)
	}
	exec("DELETE FROM goose_db_version WHERE version_id = %d", newest)
	r := ts.call(t, "GET", "/readyz", "", nil).must(t, http.StatusServiceUnavailable)
	if want := "the database schema is at version " + strconv.FormatInt(previous, 10) + ", this tilmash needs " + strconv.FormatInt(newest, 10) + ": run tilmash migrate"; r.Body["error"] != want {
		t.Errorf("behind: %s, want %q", r.Raw, want)
	}
	ts.call(t, "GET", "/healthz", "", nil).must(t, http.StatusOK)
	exec("INSERT INTO goose_db_version (version_id, is_applied) VALUES (%d, TRUE), (%d, TRUE)", newest, newest+1)
	r = ts.call(t, "GET", "/readyz", "", nil).must(t, http.StatusServiceUnavailable)
	if want := "the database schema is at version " + strconv.FormatInt(newest+1, 10) + ", newer than this tilmash knows (" + strconv.FormatInt(newest, 10) + "): upgrade tilmash"; r.Body["error"] != want {
		t.Errorf("ahead: %s, want %q", r.Raw, want)
	}
	ts.Store.Close()
	if r := ts.call(t, "GET", "/readyz", "", nil).must(t, http.StatusServiceUnavailable); r.Body["error"] != "the database does not answer" {
		t.Errorf("database closed: %s", r.Raw)
	}
}
