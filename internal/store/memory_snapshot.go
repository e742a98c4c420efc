package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"

	"gorm.io/gorm"

	"tilmash/internal/tm"
)

// The translation-memory snapshot is a file beside the database (its path
// and ".tm"), or on PostgreSQL the replica's own Options.MemorySnapshot, so
// that a restarted replica loads the built index instead of folding and
// indexing every entry again. It is a cache: a missing, corrupt, outdated
// or foreign one (catchUpMemory checks it against the table) only costs a
// rebuild.

// memorySnapshotPath is the snapshot's path, or "" for none.
func (s *Store) memorySnapshotPath(ctx context.Context) (string, error) {
	if s.dialect == dialectPostgres {
		return s.snapshotFile, nil
	}
	var rows []struct {
		Seq  int
		Name string
		File string
	}
	if err := s.read(ctx).Raw("PRAGMA database_list").Scan(&rows).Error; err != nil {
		return "", fmt.Errorf("find the database file: %w", err)
	}
	for _, r := range rows {
		if r.Name == "main" && r.File != "" {
			return r.File + ".tm", nil
		}
	}
	return "", nil
}

// readMemorySnapshot returns the memory saved at path, or nil when there is
// none or it is unusable (then the memory is built from the table).
func readMemorySnapshot(path string) *tm.Memory {
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil
	}
	m, err := tm.ReadSnapshot(f, fi.Size())
	if err != nil {
		return nil
	}
	return m
}

// catchUpChunk is how many of the snapshot's IDs one range of the catch-up
// compares with the table at once.
const catchUpChunk = 4096

// catchUpMemory brings the index x of one pair, read from a snapshot, up to
// date with the table: entries deleted since are removed, entries above the
// snapshot's highest ID added. It returns how many entries changed, or -1
// when the index cannot be brought in line (an entry the snapshot should
// hold is missing from it, or the row of its highest ID is another text: the
// ID was used again), and the pair must be rebuilt.
//
// The IDs up to the snapshot's highest are compared range by range, each
// holding catchUpChunk of the snapshot's IDs, by count and sum: only a range
// that differs has its IDs read. Reading every ID of a million-entry pair
// through the driver took half a second.
func (s *Store) catchUpMemory(ctx context.Context, source, target string, x *tm.Index) (int, error) {
	pair := func() *gorm.DB {
		return s.read(ctx).Model(&MemoryEntry{}).Where("source_lang = ? AND target_lang = ?", source, target)
	}
	_, high := x.HighWater()
	have := x.IDsUpTo(high)
	changed := 0
	prev := int64(math.MinInt64)
	for i := 0; i < len(have); i += catchUpChunk {
		part := have[i:min(i+catchUpChunk, len(have))]
		end := part[len(part)-1]
		var sum struct{ N, S int64 }
		if err := pair().Select("COUNT(*) AS n, COALESCE(SUM(id), 0) AS s").Where("id > ? AND id <= ?", prev, end).
			Scan(&sum).Error; err != nil {
			return 0, fmt.Errorf("catch up memory %s-%s: %w", source, target, err)
		}
		var want int64
		for _, id := range part {
			want += id
		}
		if sum.N != int64(len(part)) || sum.S != want {
			var ids []int64
			if err := pair().Where("id > ? AND id <= ?", prev, end).Order("id").Pluck("id", &ids).Error; err != nil {
				return 0, fmt.Errorf("catch up memory %s-%s: %w", source, target, err)
			}
			gone := 0
			for _, id := range part {
				if _, ok := slices.BinarySearch(ids, id); !ok {
					x.Remove(id)
					gone++
				}
			}
			if len(part)-gone != len(ids) {
				return -1, nil // a row the snapshot never saw, below its highest ID
			}
			changed += gone
		}
		prev = end
	}
	if high > 0 {
		var last MemoryEntry
		err := pair().Where("id = ?", high).Take(&last).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return 0, fmt.Errorf("catch up memory %s-%s: %w", source, target, err)
		}
		if e, ok := x.Get(high); err == nil && ok && (e.Source != last.Source || e.Target != last.Target || !e.Created.Equal(last.CreatedAt)) {
			return -1, nil
		}
	}
	var rows []MemoryEntry
	var added []tm.Entry
	err := pair().Where("id > ?", high).FindInBatches(&rows, 5000, func(*gorm.DB, int) error {
		for _, r := range rows {
			added = append(added, r.entry())
		}
		return nil
	}).Error
	if err != nil {
		return 0, fmt.Errorf("catch up memory %s-%s: %w", source, target, err)
	}
	if n, _ := x.HighWater(); len(added) > n/4 {
		x.AddBatch(added) // many: one rebuild
	} else {
		for _, e := range added {
			x.Add(e) // few: into the dynamic segment
		}
	}
	return changed + len(added), nil
}

// SaveMemorySnapshot writes the translation memory beside the database,
// atomically (a temporary file renamed over the old snapshot, mode 0600). A
// database without a file has no snapshot, and a process that never built
// the index (no lookups) leaves the snapshot as it is.
func (s *Store) SaveMemorySnapshot(ctx context.Context) error {
	s.fol.mu.Lock() // no change is applied while the snapshot is written
	defer s.fol.mu.Unlock()
	if !s.fol.loaded.Load() {
		return nil
	}
	path, err := s.memorySnapshotPath(ctx)
	if err != nil || path == "" {
		return err
	}
	return s.writeMemorySnapshot(path)
}

// writeMemorySnapshot is SaveMemorySnapshot to path; the caller holds fol.mu.
func (s *Store) writeMemorySnapshot(path string) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("save memory snapshot: %w", err)
	}
	defer os.Remove(f.Name()) // after the rename, there is nothing left to remove
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("save memory snapshot: %w", err)
	}
	if err := s.memory.WriteSnapshot(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("save memory snapshot: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save memory snapshot: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("save memory snapshot: %w", err)
	}
	return nil
}
