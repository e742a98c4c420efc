package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/pgtest"
	"tilmash/internal/record"
	"tilmash/internal/tm"
	"tilmash/internal/tm/tmsynth"
)

// fillMemory writes n press units of the ru→kk memory straight into the table
// (a TMX import's insert), created one minute apart.
func fillMemory(tb testing.TB, st *Store, n int, seed uint64) {
	tb.Helper()
	ctx := context.Background()
	sources := tmsynth.New(seed).PressCorpus(n)
	b := record.MemoryBatch{SourceLang: "ru", TargetLang: "kk", Origin: "tmx", Author: "importer"}
	for i, s := range sources {
		b.Units = append(b.Units, record.MemoryUnit{Source: s, Target: tmsynth.Translate(s), CreatedAt: time.Date(2025, 1, 1, 0, i, 0, 0, time.UTC)})
	}
	err := st.write(ctx, func(tx *gorm.DB) error { // no change row: the index sees the rows when it is built
		ins := newMemoryInserter(tx)
		defer ins.close()
		_, err := ins.insert(b, nil)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// openAt opens the store at path as serve does: the memory built at Open.
func openAt(tb testing.TB, path string) *Store {
	tb.Helper()
	st, err := OpenWith(context.Background(), path, Options{Memory: true})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// TestMemorySnapshot: the first start builds the memory and writes the
// snapshot beside the database (0600); a restart loads it and catches up with
// the table (rows added and deleted meanwhile), SaveMemorySnapshot writes the
// caught-up memory; a corrupt or foreign snapshot is rebuilt from the table
// and written anew.
func TestMemorySnapshot(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	st := openAt(t, path)
	fillMemory(t, st, 3000, 1)
	st.Close()

	st = openAt(t, path) // builds and saves
	snap := path + ".tm"
	fi, err := os.Stat(snap)
	if err != nil {
		t.Fatalf("no snapshot after the build: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("snapshot mode %v, want 0600", fi.Mode().Perm())
	}
	// Meanwhile another process changes the table: two units deleted, one added.
	var gone []MemoryEntry
	if err := st.db.Order("id").Limit(2).Find(&gone).Error; err != nil {
		t.Fatal(err)
	}
	if err := st.db.Delete(&gone).Error; err != nil {
		t.Fatal(err)
	}
	if err := st.db.Create(&MemoryEntry{SourceLang: "ru", TargetLang: "kk", Source: "Гостей.", Target: "Қонақтар.", CreatedAt: time.Now()}).Error; err != nil {
		t.Fatal(err)
	}
	st.Close()

	check := func(label string, st *Store) {
		t.Helper()
		x := st.memory.Pair("ru", "kk")
		if n := x.Len(); n != 2999 {
			t.Errorf("%s: %d entries, want 2999", label, n)
		}
		for _, e := range gone {
			if _, ok := x.Get(e.ID); ok {
				t.Errorf("%s: deleted entry %d still in the memory", label, e.ID)
			}
		}
		if r := x.Search("Гостеа.", 5, 70); !r.Exact || len(r.Suggestions) == 0 || r.Suggestions[0].Source != "Гостей." {
			t.Errorf("%s: the added unit not suggested: %+v", label, r)
		}
	}
	// A small catch-up leaves the snapshot as it is (writing it would cost as
	// much as reading it); the shutdown save brings it up to date.
	before, _ := os.ReadFile(snap)
	st = openAt(t, path)
	check("caught up", st)
	if after, _ := os.ReadFile(snap); string(after) != string(before) {
		t.Error("snapshot written again after a small catch-up")
	}
	if err := st.SaveMemorySnapshot(ctx); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if after, _ := os.ReadFile(snap); string(after) == string(before) {
		t.Error("SaveMemorySnapshot left the snapshot as it was")
	}
	st = openAt(t, path)
	check("saved at shutdown", st)
	st.Close()

	for label, body := range map[string][]byte{"corrupt": []byte("TILMASH-TM\ngarbage"), "empty": nil} {
		if err := os.WriteFile(snap, body, 0o600); err != nil {
			t.Fatal(err)
		}
		st = openAt(t, path)
		check(label, st)
		st.Close()
		f, err := os.Open(snap)
		if err != nil {
			t.Fatal(err)
		}
		fi, _ := f.Stat()
		_, err = tm.ReadSnapshot(f, fi.Size())
		f.Close()
		if err != nil {
			t.Errorf("%s: the rebuilt snapshot is unreadable: %v", label, err)
		}
	}
}

// BenchmarkMemoryRestart: the start of a store whose database holds a memory
// of TILMASH_TM_RESTART entries (press units; run only when it is set, e.g.
// 1000000): the first start builds the index and saves the snapshot, then each
// iteration opens the store from the snapshot and answers one suggestion.
// restart-max-s is the slowest of them; the figures of the first start are
// reported after the loop, which would reset them.
func BenchmarkMemoryRestart(b *testing.B) {
	var n int
	fmt.Sscan(os.Getenv("TILMASH_TM_RESTART"), &n)
	if n == 0 {
		b.Skip("set TILMASH_TM_RESTART to the memory's size, e.g. 1000000")
	}
	// TILMASH_TEST_DB=postgres: a replica on PostgreSQL with --tm-snapshot.
	path, opts := testDB(b), Options{Memory: true}
	snap := path + ".tm"
	if pgtest.Postgres(b) {
		snap = filepath.Join(b.TempDir(), "replica.tm")
		opts.MemorySnapshot = snap
	}
	open := func() *Store {
		st, err := OpenWith(context.Background(), path, opts)
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	st := open()
	fillMemory(b, st, n, 1)
	st.Close()
	start := time.Now()
	st = open()
	build := time.Since(start)
	st.Close()
	runtime.GC()
	var slowest time.Duration
	for b.Loop() {
		start := time.Now()
		st := open()
		st.memory.Pair("ru", "kk").Lookup("Справочно:", 5, 70)
		slowest = max(slowest, time.Since(start))
		b.StopTimer()
		st.Close()
		runtime.GC() // a restarted process has no garbage of the one before
		b.StartTimer()
	}
	b.ReportMetric(slowest.Seconds(), "restart-max-s")
	b.ReportMetric(build.Seconds(), "build-start-s")
	if fi, err := os.Stat(snap); err == nil {
		b.ReportMetric(float64(fi.Size())/float64(n), "snapshot-bytes/entry")
	}
}

// TestMemoryCatchUpRanges: the catch-up compares the IDs range by range
// (catchUpChunk of them at once); deletions in several ranges are all found,
// and a row below the snapshot's highest ID that the snapshot never held (an
// ID given again) makes the pair be rebuilt from the table.
func TestMemoryCatchUpRanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	st := openAt(t, path)
	fillMemory(t, st, 3*catchUpChunk, 2)
	st.Close()
	st = openAt(t, path) // builds and saves
	gone := []int64{1, catchUpChunk + 7, 2*catchUpChunk + 1, 3 * catchUpChunk}
	if err := st.db.Delete(&MemoryEntry{}, gone).Error; err != nil {
		t.Fatal(err)
	}
	st.Close()

	st = openAt(t, path)
	x := st.memory.Pair("ru", "kk")
	if n := x.Len(); n != 3*catchUpChunk-len(gone) {
		t.Errorf("%d entries after the catch-up, want %d", n, 3*catchUpChunk-len(gone))
	}
	for _, id := range gone {
		if _, ok := x.Get(id); ok {
			t.Errorf("deleted entry %d still in the memory", id)
		}
	}
	if err := st.SaveMemorySnapshot(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Another process puts a row under an ID the snapshot lacks.
	again := MemoryEntry{ID: catchUpChunk + 7, SourceLang: "ru", TargetLang: "kk", Source: "Гостей.", Target: "Қонақтар.", CreatedAt: time.Now()}
	if err := st.db.Create(&again).Error; err != nil {
		t.Fatal(err)
	}
	st.Close()

	st = openAt(t, path)
	defer st.Close()
	x = st.memory.Pair("ru", "kk")
	if e, ok := x.Get(again.ID); !ok || e.Source != again.Source {
		t.Errorf("the row under a reused ID: %+v %v, want %q (the pair rebuilt)", e, ok, again.Source)
	}
	if n := x.Len(); n != 3*catchUpChunk-len(gone)+1 {
		t.Errorf("%d entries after the rebuild, want %d", n, 3*catchUpChunk-len(gone)+1)
	}
}

// TestPostgresMemorySnapshot: a PostgreSQL replica given a snapshot file
// writes it after its first build and loads it on the next start (the file
// is not written again after a catch-up that found nothing); a SQLite
// database refuses a snapshot file of its own.
func TestPostgresMemorySnapshot(t *testing.T) {
	dsn := pgURL(t)
	snap := filepath.Join(t.TempDir(), "replica.tm")
	open := func() *Store {
		t.Helper()
		st, err := OpenWith(context.Background(), dsn, Options{Memory: true, MemorySnapshot: snap})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := open()
	fillMemory(t, st, 2000, 3)
	st.Close()

	st = open() // builds from the table and saves
	first, err := os.Stat(snap)
	if err != nil {
		t.Fatalf("no snapshot after the build: %v", err)
	}
	if first.Mode().Perm() != 0o600 {
		t.Errorf("snapshot mode %v, want 0600", first.Mode().Perm())
	}
	st.Close()

	st = open() // loads it: nothing to catch up, nothing written
	defer st.Close()
	if n := st.memory.Pair("ru", "kk").Len(); n != 2000 {
		t.Errorf("the loaded memory holds %d entries, want 2000", n)
	}
	if again, err := os.Stat(snap); err != nil || !os.SameFile(first, again) {
		t.Errorf("the snapshot was written again at a start that could load it (%v)", err)
	}

	if _, err := OpenWith(context.Background(), filepath.Join(t.TempDir(), "x.db"), Options{MemorySnapshot: snap}); err == nil ||
		!strings.Contains(err.Error(), "keeps its memory snapshot beside its file") {
		t.Errorf("SQLite with a snapshot file of its own: %v", err)
	}
}
