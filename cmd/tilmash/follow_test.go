package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// tmxFile writes a TMX file of ru → kk units (source, target pairs).
func tmxFile(t *testing.T, units ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/><body>
`)
	for i := 0; i+1 < len(units); i += 2 {
		fmt.Fprintf(&b, `<tu><tuv xml:lang="ru"><seg>%s</seg></tuv><tuv xml:lang="kk"><seg>%s</seg></tuv></tu>`+"\n", units[i], units[i+1])
	}
	b.WriteString("</body></tmx>\n")
	path := filepath.Join(t.TempDir(), "units.tmx")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// runBinary runs the tilmash binary as a process of its own.
func runBinary(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command(tilmashBinary(t), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("tilmash %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestTMImportWhileServing: a TMX imported by `tilmash tm import` into the
// database a running `serve` uses is suggested by that server within two
// seconds (issue 12), and was not before.
func TestTMImportWhileServing(t *testing.T) {
	f := newCrashFixture(t) // the announcement and a Kazakh translator
	p := startServe(t, f.db)
	var list struct {
		Segments []struct {
			ID     int64
			Source string
		}
	}
	if st, err := p.call("GET", "/api/v1/documents/1/translations/kk", f.token, "", &list); err != nil || st != 200 || len(list.Segments) == 0 {
		t.Fatalf("list: %d, %v", st, err)
	}
	seg := list.Segments[0]
	const target = "Алматыда мемлекеттік басқару институттарын дамыту мәселелері талқыланды"
	suggested := func() bool {
		t.Helper()
		var got struct{ Suggestions []struct{ Target string } }
		st, err := p.call("GET", fmt.Sprintf("/api/v1/segments/%d/suggestions?lang=kk", seg.ID), f.token, "", &got)
		if err != nil || st != 200 {
			t.Fatalf("suggestions: %d, %v", st, err)
		}
		return slices.ContainsFunc(got.Suggestions, func(s struct{ Target string }) bool { return s.Target == target })
	}
	if suggested() {
		t.Fatal("suggested before the import")
	}
	out := runBinary(t, "tm", "import", "--db", f.db, "--lang", "kk", tmxFile(t, seg.Source+".", target))
	if !strings.Contains(out, "imported 1") {
		t.Fatalf("tm import: %s", out)
	}
	deadline := time.Now().Add(2 * time.Second)
	for !suggested() {
		if time.Now().After(deadline) {
			t.Fatal("the imported unit was not suggested within 2 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestUserAddBuildsNoIndex: commands that look nothing up do not build the
// memory index, whose build leaves the snapshot DB.tm behind: after a large
// `tm import` and a `user add` there is none; serve, which looks things
// up, builds the index at start and writes it.
func TestUserAddBuildsNoIndex(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tilmash.db")
	units := make([]string, 0, 2*5000)
	for i := range 5000 {
		units = append(units, fmt.Sprintf("Предложение номер %d о семинаре.", i), fmt.Sprintf("Семинар туралы %d-сөйлем.", i))
	}
	runBinary(t, "tm", "import", "--db", db, "--lang", "kk", tmxFile(t, units...))
	runBinary(t, "user", "add", "--db", db, "--name", "aigerim", "--role", "translator:kk")
	if _, err := os.Stat(db + ".tm"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the memory was built by tm import or user add (snapshot: %v)", err)
	}
	p := startServe(t, db)
	if _, err := os.Stat(db + ".tm"); err != nil {
		t.Fatalf("serve did not build the memory at start: %v", err)
	}
	p.kill()
}
