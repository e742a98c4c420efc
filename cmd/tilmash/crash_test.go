package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// ack is a save the server acknowledged (200): it must survive anything.
type ack struct {
	segment int64
	version int
	text    string
}

// crashFixture is a database with the announcement and a Kazakh translator.
type crashFixture struct {
	db       string
	token    string
	segments []int64
}

func newCrashFixture(t *testing.T) crashFixture {
	t.Helper()
	db := filepath.Join(t.TempDir(), "tilmash.db")
	runCLI(t, "", "import", "--db", db, "--title", "Семинар", filepath.Join("demo", "announcement.ru.txt"))
	out := strings.Split(strings.TrimSpace(runCLI(t, "", "user", "add", "--db", db, "--name", "aigerim", "--role", "translator:kk")), "\n")
	f := crashFixture{db: db, token: strings.TrimSpace(out[len(out)-1])}
	for id := int64(1); id <= 17; id++ {
		f.segments = append(f.segments, id)
	}
	return f
}

// saveLoad runs writers that each own some segments and save them over and
// over, naming the version they read, until stop is closed or each writer
// has made max saves; it returns every acknowledged save.
func saveLoad(p *serveProcess, f crashFixture, writers, max int, acked *atomic.Int64, stop <-chan struct{}) []ack {
	var mu sync.Mutex
	var acks []ack
	var wg sync.WaitGroup
	for w := range writers {
		var own []int64 // each writer owns its segments: no conflicts between writers
		for _, s := range f.segments {
			if int(s)%writers == w {
				own = append(own, s)
			}
		}
		wg.Go(func() {
			versions := map[int64]int{}
			for n := 0; n < max; n++ {
				select {
				case <-stop:
					return
				default:
				}
				seg := own[n%len(own)]
				text := fmt.Sprintf("Аударма %d-%d жазушы %d.", seg, n, w)
				var got struct{ Version int }
				st, err := p.call("PUT", fmt.Sprintf("/api/v1/segments/%d/translations/kk", seg), f.token,
					fmt.Sprintf(`{"target": %q, "version": %d}`, text, versions[seg]), &got)
				if err != nil || st != 200 {
					return // the server died, or refused: only acknowledged saves count
				}
				versions[seg] = got.Version
				mu.Lock()
				acks = append(acks, ack{segment: seg, version: got.Version, text: text})
				mu.Unlock()
				acked.Add(1)
			}
		})
	}
	wg.Wait()
	return acks
}

// checkAcks asserts that every acknowledged save is in its segment's history
// with its text and version.
func checkAcks(t *testing.T, p *serveProcess, token string, acks []ack) {
	t.Helper()
	history := map[int64]map[int]string{}
	for _, a := range acks {
		if history[a.segment] != nil {
			continue
		}
		var h struct {
			Events []struct {
				Action  string
				Version int
				Text    string
			}
		}
		if st, err := p.call("GET", fmt.Sprintf("/api/v1/segments/%d/translations/kk/history", a.segment), token, "", &h); err != nil || st != 200 {
			t.Fatalf("history of %d: %d %v", a.segment, st, err)
		}
		history[a.segment] = map[int]string{}
		for _, e := range h.Events {
			if e.Action == "edit" {
				history[a.segment][e.Version] = e.Text
			}
		}
	}
	for _, a := range acks {
		if got, ok := history[a.segment][a.version]; !ok || got != a.text {
			t.Errorf("acknowledged save of segment %d version %d (%q) is missing after the crash: %q", a.segment, a.version, a.text, got)
		}
	}
}

// TestCrashKeepsAcknowledgedWrites: writers save against a real serve
// process, which is killed with SIGKILL mid-load; after a restart every
// acknowledged save is in the history with its text and version.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	f := newCrashFixture(t)
	p := startServe(t, f.db)
	var acked atomic.Int64
	stop := make(chan struct{})
	done := make(chan []ack)
	go func() { done <- saveLoad(p, f, 8, 200, &acked, stop) }()
	waitFor(t, &acked, 150)
	p.kill() // mid-load: writers have requests in flight
	close(stop)
	acks := <-done
	if len(acks) < 150 {
		t.Fatalf("only %d saves acknowledged before the kill", len(acks))
	}
	again := startServe(t, f.db)
	checkAcks(t, again, f.token, acks)
	for _, name := range []string{f.db, f.db + "-wal", f.db + "-shm"} {
		if st, err := os.Stat(name); err == nil && st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", name, st.Mode().Perm())
		}
	}
}

// TestRestoreBackupTakenUnderLoad: a backup taken while writers save is
// private, restore refuses while serve runs and without --force, and the
// restored database serves every save acknowledged before the backup began.
func TestRestoreBackupTakenUnderLoad(t *testing.T) {
	f := newCrashFixture(t)
	p := startServe(t, f.db)
	var acked atomic.Int64
	stop := make(chan struct{})
	done := make(chan []ack)
	go func() { done <- saveLoad(p, f, 4, 400, &acked, stop) }()
	waitFor(t, &acked, 100)
	backup := filepath.Join(t.TempDir(), "backup.db")
	before := acked.Load()
	runCLI(t, "", "backup", "--db", f.db, backup)
	close(stop)
	acks := <-done
	if st, err := os.Stat(backup); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup: %v, mode %v", err, st.Mode().Perm())
	}
	if err := run(context.Background(), []string{"restore", "--db", f.db, "--force", backup}, strings.NewReader(""), os.Stderr, os.Stderr); err == nil ||
		!strings.Contains(err.Error(), "in use by a running tilmash") {
		t.Fatalf("restore while serve runs: %v", err)
	}
	p.kill()
	if err := run(context.Background(), []string{"restore", "--db", f.db, backup}, strings.NewReader(""), os.Stderr, os.Stderr); err == nil ||
		!strings.Contains(err.Error(), "add --force") {
		t.Fatalf("restore over a database without --force: %v", err)
	}
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	os.WriteFile(damaged, []byte("SQLite format 3\x00 but not really"), 0o600)
	if err := run(context.Background(), []string{"restore", "--db", f.db, "--force", damaged}, strings.NewReader(""), os.Stderr, os.Stderr); err == nil {
		t.Fatal("a damaged backup was restored")
	}
	if got := runCLI(t, "", "restore", "--db", f.db, "--force", backup); got != "restored "+f.db+" from "+backup+"\n" {
		t.Fatalf("restore said %q", got)
	}
	if st, err := os.Stat(f.db); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("restored database: %v, mode %v", err, st.Mode().Perm())
	}
	again := startServe(t, f.db)
	// Saves acknowledged before the backup began are all in the restored copy.
	checkAcks(t, again, f.token, acks[:before])
}
