package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestXLIFFImportSourceCopies: a 1.2 export sent back as it is (every target
// a copy of the source, as a CAT tool leaves what it did not translate)
// saves nothing; the CLI lists each copy and counts them on its last line.
// --target empty writes empty targets instead.
func TestXLIFFImportSourceCopies(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	runCLI(t, "", "user", "add", "--db", db, "--name", "aigerim", "--role", "translator:kk")
	id := strings.TrimSpace(runCLI(t, "", "import", "--db", db, "--title", "Семинар", filepath.Join("demo", "announcement.ru.txt")))
	exported := runCLI(t, "", "xliff", "export", "--db", db, "--document", id, "--lang", "kk", "--format", "1.2")
	if n := strings.Count(exported, `<target state="needs-translation">`); n != 17 {
		t.Fatalf("%d source copies in the 1.2 export, want 17", n)
	}
	path := filepath.Join(dir, "kk.xlf")
	if err := os.WriteFile(path, []byte(exported), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runCLI(t, "", "xliff", "import", "--db", db, "--user", "aigerim", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 18 || lines[0] != "not saved s1: the target is a copy of the source" ||
		lines[17] != "saved 0, unchanged 0, copied_source 17, empty 0, conflicts 0, refused 0" {
		t.Errorf("import of the copies:\n%s", out)
	}
	empty := runCLI(t, "", "xliff", "export", "--db", db, "--document", id, "--lang", "kk", "--format", "1.2", "--target", "empty")
	if n := strings.Count(empty, `<target state="needs-translation"></target>`); n != 17 {
		t.Errorf("%d empty targets with --target empty, want 17", n)
	}
}
