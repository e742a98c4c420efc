package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// runCLI runs one tilmash command and returns its output.
func runCLI(tb testing.TB, stdin string, args ...string) string {
	tb.Helper()
	var out, errOut bytes.Buffer
	if err := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut); err != nil {
		tb.Fatalf("tilmash %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String()
}

func TestXLIFFCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	runCLI(t, "", "user", "add", "--db", db, "--name", "aigerim", "--role", "translator:kk")
	id := strings.TrimSpace(runCLI(t, "", "import", "--db", db, "--title", "Семинар", filepath.Join("demo", "announcement.ru.txt")))

	for _, format := range []string{"2.1", "1.2"} {
		exported := runCLI(t, "", "xliff", "export", "--db", db, "--document", id, "--lang", "kk", "--format", format)
		if !strings.Contains(exported, `version="`+format+`"`) || !strings.Contains(exported, `tl:document="`+id+`"`) {
			t.Fatalf("export %s:\n%s", format, exported)
		}
		// The translator's script: a target after every source (2.1, all
		// untranslated), or instead of every target (1.2, after the import).
		n := 0
		pattern := map[string]string{"2.1": `</source>`, "1.2": `</source>\s*<target state="translated">[^<]*</target>`}[format]
		filled := regexp.MustCompile(pattern).ReplaceAllStringFunc(exported, func(string) string {
			n++
			return fmt.Sprintf("</source><target>Аударма %s-%d.</target>", format, n)
		})
		if n != 17 {
			t.Fatalf("%d sources in the %s export, want 17", n, format)
		}
		if format == "1.2" {
			// Stale: made from an export where the targets were empty.
			filled = strings.ReplaceAll(filled, `tl:version="1"`, `tl:version="0"`)
		}
		path := filepath.Join(dir, "kk-"+format+".xlf")
		if err := os.WriteFile(path, []byte(filled), 0o644); err != nil {
			t.Fatal(err)
		}
		out := runCLI(t, "", "xliff", "import", "--db", db, "--user", "aigerim", path)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		want := map[string]string{"2.1": "saved 17, unchanged 0, copied_source 0, empty 0, conflicts 0, refused 0", "1.2": "saved 0, unchanged 0, copied_source 0, empty 0, conflicts 17, refused 0"}[format]
		if last := lines[len(lines)-1]; last != want {
			t.Errorf("import %s: last line %q, want %q; output:\n%s", format, last, want, out)
		}
		if format == "1.2" && !strings.HasPrefix(lines[0], "conflict s1: changed in Tilmash since the export (now version 1, translated by aigerim: \"Аударма 2.1-1.\"); yours, not saved: \"Аударма 1.2-1.\"") {
			t.Errorf("conflict line: %s", lines[0])
		}
	}
	// Reading the file from stdin works too, and an unknown user is refused.
	if err := run(context.Background(), []string{"xliff", "import", "--db", db, "--user", "nobody", "-"}, strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}); err == nil || err.Error() != `no user named "nobody"` {
		t.Errorf("unknown user: %v", err)
	}
}

func TestTMCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	runCLI(t, "", "user", "add", "--db", db, "--name", "bolat", "--role", "reviewer:kk")
	file := filepath.Join(dir, "kk.tmx")
	tmxText := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ru"/><body>
<tu><tuv xml:lang="ru"><seg>Семинар прошёл в Алматы.</seg></tuv><tuv xml:lang="kk"><seg>Семинар Алматыда өтті.</seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Итоги подведут.</seg></tuv><tuv xml:lang="kk"><seg>Қорытынды шығарылады.</seg></tuv></tu>
</body></tmx>
`
	if err := os.WriteFile(file, []byte(tmxText), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := runCLI(t, "", "tm", "import", "--db", db, "--lang", "kk", "--user", "bolat", file); out != "imported 2\n" {
		t.Errorf("tm import: %q", out)
	}
	if out := runCLI(t, tmxText, "tm", "import", "--db", db, "--lang", "kk", "-"); out != "duplicates 2, skipped 0 (empty 0, other languages 0)\nimported 0\n" {
		t.Errorf("tm import again: %q", out)
	}
	out := runCLI(t, "", "tm", "export", "--db", db, "--lang", "kk")
	if !strings.Contains(out, `creationid="bolat"`) || strings.Count(out, "<tu ") != 2 {
		t.Errorf("tm export:\n%s", out)
	}
}
