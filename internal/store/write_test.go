package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
)

func openTestStore(t *testing.T, opts Options) *Store {
	t.Helper()
	st, err := OpenWith(context.Background(), filepath.Join(t.TempDir(), "tilmash.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func documentTitles(t *testing.T, st *Store) []string {
	t.Helper()
	var titles []string
	if err := st.read(context.Background()).Model(&Document{}).Order("title").Pluck("title", &titles).Error; err != nil {
		t.Fatal(err)
	}
	return titles
}

// TestWriteBatchKeepsNeighbours queues writes behind a busy writer so they
// share a transaction; the ones that fail or panic are undone alone and
// their callers told so, while every other write commits.
func TestWriteBatchKeepsNeighbours(t *testing.T) {
	st := openTestStore(t, Options{})
	ctx := context.Background()
	errOwn := errors.New("own failure")
	hold, held := make(chan struct{}), make(chan struct{})
	go st.write(ctx, func(*gorm.DB) error { close(held); <-hold; return nil })
	<-held

	const n = 30
	results := make([]error, n)
	panics := make([]any, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			defer func() { panics[i] = recover() }()
			results[i] = st.write(ctx, func(tx *gorm.DB) error {
				if err := tx.Create(&Document{Title: fmt.Sprintf("doc %02d", i)}).Error; err != nil {
					return err
				}
				switch {
				case i == 7:
					panic("write 7 panics")
				case i%5 == 0:
					return fmt.Errorf("write %d: %w", i, errOwn)
				}
				return nil
			})
		})
	}
	time.Sleep(50 * time.Millisecond) // let the writes queue up behind the held one
	close(hold)
	wg.Wait()

	var want []string
	for i := range n {
		switch {
		case i == 7:
			if panics[i] != "write 7 panics" {
				t.Errorf("write 7: panic %v, want it raised again in its caller", panics[i])
			}
		case i%5 == 0:
			if !errors.Is(results[i], errOwn) {
				t.Errorf("write %d: %v, want its own error", i, results[i])
			}
		default:
			if results[i] != nil || panics[i] != nil {
				t.Errorf("write %d: %v / %v, want success", i, results[i], panics[i])
			}
			want = append(want, fmt.Sprintf("doc %02d", i))
		}
	}
	if got := documentTitles(t, st); !slices.Equal(got, want) {
		t.Errorf("committed %q\nwant      %q", got, want)
	}
}

// TestWriteLoneFailureRollsBack: a write alone in its transaction that
// fails leaves nothing behind, and the next write works.
func TestWriteLoneFailureRollsBack(t *testing.T) {
	st := openTestStore(t, Options{})
	ctx := context.Background()
	errOwn := errors.New("own failure")
	err := st.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&Document{Title: "gone"}).Error; err != nil {
			return err
		}
		return errOwn
	})
	if !errors.Is(err, errOwn) {
		t.Fatalf("write: %v, want its own error", err)
	}
	if err := st.write(ctx, func(tx *gorm.DB) error { return tx.Create(&Document{Title: "kept"}).Error }); err != nil {
		t.Fatal(err)
	}
	if got := documentTitles(t, st); !slices.Equal(got, []string{"kept"}) {
		t.Errorf("titles %q, want only kept", got)
	}
}

// TestWriteCallerGone: a caller that left before its turn gets its
// context's error and its function never runs.
func TestWriteCallerGone(t *testing.T) {
	st := openTestStore(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ran := false
	if err := st.write(ctx, func(*gorm.DB) error { ran = true; return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("write: %v, want context.Canceled", err)
	}
	if ran {
		t.Error("the function of a caller that left ran")
	}
}

// TestWriteAfterClose: writes after Close fail instead of hanging.
func TestWriteAfterClose(t *testing.T) {
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "tilmash.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if err := st.write(context.Background(), func(*gorm.DB) error { return nil }); !errors.Is(err, errClosed) {
		t.Errorf("write after Close: %v, want errClosed", err)
	}
	if err := st.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}

// TestSyncMode: FULL unless told otherwise, on the writer's connection and
// the readers' alike (SQLite's PRAGMA synchronous: 2 FULL, 1 NORMAL).
func TestSyncMode(t *testing.T) {
	for _, tc := range []struct {
		opts Options
		want int
	}{
		{Options{}, 2},
		{Options{Sync: SyncFull}, 2},
		{Options{Sync: SyncNormal}, 1},
	} {
		st := openTestStore(t, tc.opts)
		ctx := context.Background()
		var read, written int
		if err := st.read(ctx).Raw("PRAGMA synchronous").Scan(&read).Error; err != nil {
			t.Fatal(err)
		}
		if err := st.write(ctx, func(tx *gorm.DB) error { return tx.Raw("PRAGMA synchronous").Scan(&written).Error }); err != nil {
			t.Fatal(err)
		}
		if read != tc.want || written != tc.want {
			t.Errorf("%+v: synchronous %d (read) / %d (write), want %d", tc.opts, read, written, tc.want)
		}
	}
}

func TestParseSync(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Sync
		ok   bool
	}{
		{"full", SyncFull, true},
		{"FULL", SyncFull, true},
		{" normal ", SyncNormal, true},
		{"off", "", false},
		{"", "", false},
	} {
		got, err := ParseSync(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseSync(%q) = %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	if _, err := OpenWith(context.Background(), filepath.Join(t.TempDir(), "x.db"), Options{Sync: "off"}); err == nil {
		t.Error("OpenWith took an unknown sync mode")
	}
}
