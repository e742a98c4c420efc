package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tilmash/internal/pgtest"
	"tilmash/internal/tmx/tmxtest"
)

// TestMain stops the PostgreSQL cluster the tests here may have started.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestCommandsOnPostgres: every command that takes --db takes a
// postgres:// URL as it takes a SQLite file (issue 13), and backup, which
// copies a SQLite file, refuses one with what to use instead.
func TestCommandsOnPostgres(t *testing.T) {
	db := pgtest.URL(t)
	if got := runCLI(t, "", "migrate", "--db", db); got != "schema version 6\n" {
		t.Errorf("migrate: %q", got)
	}
	if got := runCLI(t, "", "user", "add", "--db", db, "--name", "aigerim", "--role", "translator:kk"); !strings.HasPrefix(got, "created user aigerim (id 1)") {
		t.Errorf("user add: %q", got)
	}
	id := strings.TrimSpace(runCLI(t, "", "import", "--db", db, "--title", "Семинар", filepath.Join("demo", "announcement.ru.txt")))
	if id != "1" {
		t.Errorf("import printed %q, want the document id 1", id)
	}
	tmx := tmxtest.Doc(tmxtest.TU("Семинар откроется в Астане.", "Семинар Астанада ашылады."))
	if got := runCLI(t, tmx, "tm", "import", "--db", db, "--lang", "kk", "-"); !strings.HasSuffix(got, "imported 1\n") {
		t.Errorf("tm import: %q", got)
	}
	if got := runCLI(t, "", "tm", "export", "--db", db, "--lang", "kk"); !strings.Contains(got, "Семинар Астанада ашылады.") {
		t.Errorf("tm export lacks the imported unit:\n%s", got)
	}
	if got := runCLI(t, "", "xliff", "export", "--db", db, "--document", id, "--lang", "kk"); !strings.Contains(got, "<xliff") {
		t.Errorf("xliff export:\n%s", got)
	}
	if got := runCLI(t, "", "migrate", "--db", db, "--status"); !strings.HasSuffix(got, "schema version 6, 0 pending\n") {
		t.Errorf("migrate --status:\n%s", got)
	}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"backup", "--db", db, filepath.Join(t.TempDir(), "b.db")}, strings.NewReader(""), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("backup of a PostgreSQL database: %v, want a refusal naming pg_dump", err)
	}
}

// TestCopyCommand: tilmash copy moves a SQLite installation into an empty
// PostgreSQL database, which then serves its memory and users, and refuses
// to copy into it again.
func TestCopyCommand(t *testing.T) {
	src := filepath.Join(t.TempDir(), "tilmash.db")
	runCLI(t, "", "import", "--db", src, "--title", "Семинар", filepath.Join("demo", "announcement.ru.txt"))
	runCLI(t, "", "user", "add", "--db", src, "--name", "aigerim", "--role", "translator:kk")
	runCLI(t, tmxtest.Doc(tmxtest.TU("Семинар откроется в Астане.", "Семинар Астанада ашылады.")), "tm", "import", "--db", src, "--lang", "kk", "-")
	dst := pgtest.URL(t)
	out := runCLI(t, "", "copy", "--from", src, "--to", dst)
	for _, want := range []string{"users                1\n", "documents            1\n", "memory_entries       1\n", "the counts agree on both sides\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("copy output lacks %q:\n%s", want, out)
		}
	}
	if got := runCLI(t, "", "tm", "export", "--db", dst, "--lang", "kk"); !strings.Contains(got, "Семинар Астанада ашылады.") {
		t.Errorf("the copied memory lacks the unit:\n%s", got)
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"copy", "--from", src, "--to", dst}, strings.NewReader(""), &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "copy only into a new database") {
		t.Errorf("a second copy: %v, want a refusal", err)
	}
}
