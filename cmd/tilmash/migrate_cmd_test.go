package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3" // "sqlite3", to set the database up as a test needs it
)

// sqlExec runs statements on the database at path outside tilmash.
func sqlExec(t *testing.T, path string, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range statements {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// TestMigrateCommand: the status of a new and of a December 2026 database,
// both migrated, with exact output (the applied times set by the test).
func TestMigrateCommand(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "fresh.db")
	if got := runCLI(t, "", "migrate", "--db", fresh); got != "schema version 6\n" {
		t.Errorf("migrate a new database: %q", got)
	}
	sqlExec(t, fresh, "UPDATE goose_db_version SET tstamp = '2026-12-10 09:00:0' || version_id")
	want := "" +
		"VERSION  NAME                APPLIED\n" +
		"1        baseline            2026-12-10 09:00:01 UTC\n" +
		"2        fold_memory         2026-12-10 09:00:02 UTC\n" +
		"3        change_log          2026-12-10 09:00:03 UTC\n" +
		"4        comments            2026-12-10 09:00:04 UTC\n" +
		"5        document_lifecycle  2026-12-10 09:00:05 UTC\n" +
		"6        memory_pair_id      2026-12-10 09:00:06 UTC\n" +
		"schema version 6, 0 pending\n"
	if got := runCLI(t, "", "migrate", "--db", fresh, "--status"); got != want {
		t.Errorf("status of a new database:\n%s\nwant:\n%s", got, want)
	}
	if got := runCLI(t, "", "migrate", "--db", fresh); got != "schema version 6\n" {
		t.Errorf("migrate again: %q", got)
	}

	old := filepath.Join(dir, "release.db")
	data, err := os.ReadFile(filepath.Join("..", "..", "internal", "store", "testdata", "release-2026-12.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, data, 0o600); err != nil {
		t.Fatal(err)
	}
	want = "" +
		"VERSION  NAME                APPLIED\n" +
		"1        baseline            pending\n" +
		"2        fold_memory         pending\n" +
		"3        change_log          pending\n" +
		"4        comments            pending\n" +
		"5        document_lifecycle  pending\n" +
		"6        memory_pair_id      pending\n" +
		"schema version 0, 6 pending\n"
	if got := runCLI(t, "", "migrate", "--db", old, "--status"); got != want {
		t.Errorf("status of a December 2026 database:\n%s\nwant:\n%s", got, want)
	}
	if got := runCLI(t, "", "migrate", "--db", old); got != "schema version 6\n" {
		t.Errorf("migrate the December 2026 database: %q", got)
	}
	// Its memory, imported by that release, is there to export.
	if got := runCLI(t, "", "tm", "export", "--db", old, "--lang", "kk"); !strings.Contains(got, "Форумға қош келдіңіздер.") {
		t.Errorf("the upgraded memory lacks a unit the release imported:\n%s", got)
	}
	if !strings.Contains(runCLI(t, "", "migrate", "--db", old, "--status"), "schema version 6, 0 pending\n") {
		t.Error("the upgraded database still has pending migrations")
	}
}

// TestNewerSchemaRefused: every command that opens the database, serve
// included, refuses one a newer tilmash migrated, and writes nothing.
func TestNewerSchemaRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newer.db")
	runCLI(t, "", "migrate", "--db", db)
	sqlExec(t, db, "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (7, 1, '2027-03-01 10:00:00')")
	image, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join("demo", "announcement.ru.txt")
	const refusal = "database schema version 7 is newer than this tilmash knows (6): upgrade tilmash before opening it"
	for _, args := range [][]string{
		{"migrate", "--db", db},
		{"serve", "--db", db, "--addr", "127.0.0.1:0"},
		{"import", "--db", db, "--title", "Семинар", doc},
		{"user", "add", "--db", db, "--name", "aigerim", "--role", "translator:kk"},
		{"tm", "export", "--db", db, "--lang", "kk"},
	} {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
		if err == nil || !strings.HasSuffix(err.Error(), db+": "+refusal) {
			t.Errorf("tilmash %s: %v", strings.Join(args, " "), err)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, image) {
		t.Error("a refused command wrote to the database")
	}
	sqlExec(t, db, "UPDATE goose_db_version SET tstamp = '2026-12-10 09:00:0' || version_id WHERE version_id < 7")
	want := "" +
		"VERSION  NAME                       APPLIED\n" +
		"1        baseline                   2026-12-10 09:00:01 UTC\n" +
		"2        fold_memory                2026-12-10 09:00:02 UTC\n" +
		"3        change_log                 2026-12-10 09:00:03 UTC\n" +
		"4        comments                   2026-12-10 09:00:04 UTC\n" +
		"5        document_lifecycle         2026-12-10 09:00:05 UTC\n" +
		"6        memory_pair_id             2026-12-10 09:00:06 UTC\n" +
		"7        (unknown to this tilmash)  2027-03-01 10:00:00 UTC\n" +
		"schema version 7, 0 pending\n"
	if got := runCLI(t, "", "migrate", "--db", db, "--status"); got != want {
		t.Errorf("status of a newer database:\n%s\nwant:\n%s", got, want)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"migrate", "--db", db, "extra"}, strings.NewReader(""), &out, &errOut); err == nil ||
		!strings.Contains(err.Error(), "migrate takes no FILE") {
		t.Errorf("migrate with an argument: %v", err)
	}
}
