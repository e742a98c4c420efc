package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	id := strings.TrimSpace(runCLI(t, "", "import", "--db", db, "--title", "Семинар", filepath.Join("demo", "announcement.ru.txt")))
	dst := filepath.Join(dir, "copy.db")
	if got := runCLI(t, "", "backup", "--db", db, dst); got != "backed up "+db+" to "+dst+"\n" {
		t.Errorf("backup said %q", got)
	}
	// The copy is a working database: a new revision can be imported into it.
	if got := strings.TrimSpace(runCLI(t, "", "import", "--db", dst, "--document", id, filepath.Join("demo", "announcement.ru.txt"))); got != id {
		t.Errorf("import into the copy printed %q, want %s", got, id)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"backup", "--db", db, dst}, strings.NewReader(""), &out, &errOut); err == nil ||
		!strings.Contains(err.Error(), "exists; choose a new file name") {
		t.Errorf("a backup over an existing file: %v", err)
	}
	if err := run(context.Background(), []string{"backup", "--db", db}, strings.NewReader(""), &out, &errOut); err == nil ||
		!strings.Contains(err.Error(), "backup needs one FILE") {
		t.Errorf("a backup without FILE: %v", err)
	}
}
