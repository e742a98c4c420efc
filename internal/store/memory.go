package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/language"
	"tilmash/internal/textfold"
	"tilmash/internal/tm"
)

// MemoryEntry is one unit of translation memory: an approved translation
// (TranslationID set, removed when that translation is replaced or rejected)
// or a unit imported from TMX.
type MemoryEntry struct {
	ID            int64  `gorm:"primaryKey"`
	SourceLang    string `gorm:"index:idx_memory_pair;index:idx_memory_recent,priority:1;not null"`
	TargetLang    string `gorm:"index:idx_memory_pair;index:idx_memory_recent,priority:2;not null"`
	Source        string
	Target        string
	Origin        string
	Author        string
	TranslationID *int64 `gorm:"uniqueIndex"`
	// The concordance search lists the newest matches first: walking this
	// index it stops at the 50th match instead of reading the whole pair.
	CreatedAt time.Time `gorm:"index:idx_memory_recent,priority:3,sort:desc"`
	// Folded is source and target folded (see foldedPair), kept so that a
	// concordance search compares stored text instead of folding every row.
	Folded string
}

// foldedPair is what MemoryEntry.Folded holds: source and target folded,
// apart by a control character no search phrase holds, so a phrase never
// matches across the two.
func foldedPair(source, target string) string {
	return textfold.Fold(source) + pairSeparator + textfold.Fold(target)
}

// pairSeparator sits between source and target in MemoryEntry.Folded.
const pairSeparator = "\x01"

// BeforeSave keeps Folded in step with the texts on every write through GORM.
func (e *MemoryEntry) BeforeSave(*gorm.DB) error {
	e.Folded = foldedPair(e.Source, e.Target)
	return nil
}

func (e MemoryEntry) entry() tm.Entry {
	return tm.Entry{ID: e.ID, Source: e.Source, Target: e.Target, Origin: e.Origin, Author: e.Author, Created: e.CreatedAt}
}

// memBatch collects the cache-relevant changes of one transaction (memory
// entries, glossary languages): they are logged in it (log) and reach this
// process's caches through the change log right after the commit.
type memBatch struct {
	added   []MemoryEntry
	removed []MemoryEntry
	// inserted are the ids of the entries imports added (Tx.InsertMemory),
	// by target language: a million of them are a few runs, not a million rows.
	inserted map[string]*idRuns
	// glossary: the languages whose terms the transaction changed, in the
	// order of their first change.
	glossary []string
}

// empty reports whether the batch changed nothing a cache holds.
func (b *memBatch) empty() bool {
	return len(b.added)+len(b.removed)+len(b.inserted)+len(b.glossary) == 0
}

// log writes the batch's change rows at the end of its transaction: one a
// language whose glossary changed, then one a target language whose memory
// changed, naming the ids of the entries added and removed.
func (b *memBatch) log(tx *gorm.DB, now time.Time) error {
	for _, lang := range b.glossary {
		if err := logChange(tx, Change{Topic: topicGlossary, Lang: lang, CreatedAt: now}); err != nil {
			return err
		}
	}
	type ids struct{ added, removed []int64 }
	byLang := map[string]*ids{}
	of := func(lang string) *ids {
		if byLang[lang] == nil {
			byLang[lang] = &ids{}
		}
		return byLang[lang]
	}
	for _, e := range b.added {
		of(e.TargetLang).added = append(of(e.TargetLang).added, e.ID)
	}
	for _, e := range b.removed {
		of(e.TargetLang).removed = append(of(e.TargetLang).removed, e.ID)
	}
	for lang := range b.inserted {
		of(lang)
	}
	langs := slices.Sorted(maps.Keys(byLang))
	for _, lang := range langs {
		var added, removed idRuns
		added.addAll(byLang[lang].added)
		if runs := b.inserted[lang]; runs != nil {
			added = append(added, *runs...).merged()
		}
		removed.addAll(byLang[lang].removed)
		if err := logChange(tx, Change{Topic: topicMemory, Lang: lang, Added: added.String(), Removed: removed.String(), CreatedAt: now}); err != nil {
			return err
		}
	}
	return nil
}

// memoryPair returns the index of ru → lang, building the memory first when
// this process has not yet.
func (s *Store) memoryPair(ctx context.Context, lang string) (*tm.Index, error) {
	if err := s.ensureMemory(ctx); err != nil {
		return nil, err
	}
	return s.memory.Pair(language.Source, lang), nil
}

// ensureMemory builds the in-process index once, and follows the change log
// from before the build, so that what commits while it is built is applied
// after. Only processes that look things up pay for it: serve at start
// (Options.Memory), others at their first lookup.
func (s *Store) ensureMemory(ctx context.Context) error {
	if s.fol.loaded.Load() {
		return nil
	}
	s.fol.mu.Lock()
	defer s.fol.mu.Unlock()
	if s.fol.loaded.Load() {
		return nil
	}
	if s.fol.closed {
		return errClosed
	}
	if err := s.followLocked(ctx); err != nil {
		return err
	}
	if err := s.loadMemory(ctx); err != nil {
		return err
	}
	s.fol.loaded.Store(true)
	return nil
}

// loadMemory fills the in-process index: from the snapshot beside the
// database brought up to date with the table when there is a usable one,
// else built from the table (and the snapshot written for the next start).
// The caller holds fol.mu.
func (s *Store) loadMemory(ctx context.Context) error {
	var pairs []struct{ SourceLang, TargetLang string }
	if err := s.read(ctx).Model(&MemoryEntry{}).Distinct("source_lang", "target_lang").Scan(&pairs).Error; err != nil {
		return fmt.Errorf("load memory: %w", err)
	}
	path, err := s.memorySnapshotPath(ctx)
	if err != nil {
		return err
	}
	snap := readMemorySnapshot(path)
	// The snapshot is written again when a pair had to be built or most of
	// it caught up, not after a small catch-up: writing a million entries
	// costs as much as reading them, and the shutdown save keeps it current.
	save := snap == nil
	for _, p := range pairs {
		var x *tm.Index
		if snap != nil {
			x = snap.Take(p.SourceLang, p.TargetLang)
		}
		if x != nil {
			before := x.Len()
			n, err := s.catchUpMemory(ctx, p.SourceLang, p.TargetLang, x)
			if err != nil {
				return err
			}
			if n < 0 {
				x = nil // inconsistent with the table
			}
			save = save || n > before/4
		}
		if x == nil {
			if x, err = s.buildMemory(ctx, p.SourceLang, p.TargetLang); err != nil {
				return err
			}
			save = true
		}
		s.memory.Put(p.SourceLang, p.TargetLang, x)
	}
	if path != "" && save {
		return s.writeMemorySnapshot(path)
	}
	return nil
}

// resyncMemory brings the built index in line with the table without the
// change log (see resyncLocked): every pair of the table and of the target
// languages is caught up as a snapshot would be. The caller holds fol.mu.
func (s *Store) resyncMemory(ctx context.Context) error {
	var pairs []struct{ SourceLang, TargetLang string }
	if err := s.read(ctx).Model(&MemoryEntry{}).Distinct("source_lang", "target_lang").Scan(&pairs).Error; err != nil {
		return fmt.Errorf("resync memory: %w", err)
	}
	var langs []string
	if err := s.read(ctx).Model(&Language{}).Where("is_source = ?", false).Pluck("tag", &langs).Error; err != nil {
		return fmt.Errorf("resync memory: %w", err)
	}
	seen := map[memPair]bool{}
	for _, p := range pairs {
		seen[memPair{p.SourceLang, p.TargetLang}] = true
	}
	for _, l := range langs {
		seen[memPair{language.Source, l}] = true
	}
	for p := range seen {
		x := s.memory.Pair(p.source, p.target)
		n, err := s.catchUpMemory(ctx, p.source, p.target, x)
		if err != nil {
			return err
		}
		if n < 0 {
			if x, err = s.buildMemory(ctx, p.source, p.target); err != nil {
				return err
			}
			s.memory.Put(p.source, p.target, x)
		}
	}
	return nil
}

// buildMemory builds the index of one pair from the table.
func (s *Store) buildMemory(ctx context.Context, source, target string) (*tm.Index, error) {
	// One query streamed row by row, only the columns the index keeps: a
	// batched read (id > last ORDER BY id LIMIT n) let PostgreSQL sort the
	// whole pair again for every batch, over a minute at a million entries.
	rows, err := s.read(ctx).Raw(`SELECT id, source, target, origin, author, created_at FROM memory_entries
		WHERE source_lang = ? AND target_lang = ? ORDER BY id`, source, target).Rows()
	if err != nil {
		return nil, fmt.Errorf("load memory %s-%s: %w", source, target, err)
	}
	defer rows.Close()
	var batch []tm.Entry
	for rows.Next() {
		var e tm.Entry
		var origin, author sql.NullString
		if err := rows.Scan(&e.ID, &e.Source, &e.Target, &origin, &author, &e.Created); err != nil {
			return nil, fmt.Errorf("load memory %s-%s: %w", source, target, err)
		}
		e.Origin, e.Author = origin.String, author.String
		batch = append(batch, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load memory %s-%s: %w", source, target, err)
	}
	x := tm.NewIndex()
	x.AddBatch(batch)
	return x, nil
}
