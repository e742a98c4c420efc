package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"tilmash/internal/language"
	"tilmash/internal/record"
	"tilmash/internal/textfold"
	"tilmash/internal/tm"
)

// LoadMemory builds this process's memory index, once: the lookups to come
// find it ready, and it follows the change log from then on.
func (s *Store) LoadMemory(ctx context.Context) error { return s.ensureMemory(ctx) }

// Lookup finds the best limit matches of source in the memory of ru → lang
// with a score of at least minScore, building the index first when this
// process has not yet.
func (s *Store) Lookup(ctx context.Context, lang, source string, limit, minScore int) (tm.Result, error) {
	index, err := s.memoryPair(ctx, lang)
	if err != nil {
		return tm.Result{}, err
	}
	return index.Search(source, limit, minScore), nil
}

// MemoryIndexLen is how many entries this process's index of ru → lang
// holds (0 before it is built): what the tests of the importers compare
// with the rows.
func (s *Store) MemoryIndexLen(lang string) int { return s.memory.Pair(language.Source, lang).Len() }

// Segment loads one segment; a missing one is an apperr.NotFound.
func (s *Store) Segment(ctx context.Context, id int64) (record.Segment, error) {
	var seg Segment
	if err := s.read(ctx).Take(&seg, id).Error; err != nil {
		return record.Segment{}, notFound(err, "segment %d not found", id)
	}
	return record.Segment{ID: seg.ID, DocumentID: seg.DocumentID, Source: seg.Source, DerivedFromID: seg.DerivedFromID}, nil
}

// SearchMemory is the concordance query of the ru → lang memory: the
// entries whose source or target contains phrase, ignoring case, newest
// first, at most limit. Text and phrase are both folded (NFC, Unicode lower
// case; see fold): the text when it is written (MemoryEntry.Folded), the
// phrase here, so "в астане" finds "В Астане", "әл" finds "ӘЛ" and a
// decomposed "ё" finds the composed one. Rows are read along
// idx_memory_recent, newest first, so a frequent phrase stops after limit
// matches.
func (s *Store) SearchMemory(ctx context.Context, lang, phrase string, limit int) ([]record.MemoryEntry, error) {
	folded := strings.ReplaceAll(textfold.Fold(phrase), pairSeparator, "")
	var rows []MemoryEntry
	err := s.read(ctx).Where("source_lang = ? AND target_lang = ?", language.Source, lang).
		Where(s.dialect.containsSQL("folded"), folded).
		Order("created_at DESC, id DESC").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("search the %s-%s memory: %w", language.Source, lang, err)
	}
	out := make([]record.MemoryEntry, len(rows))
	for i, r := range rows {
		out[i] = memoryRecord(r)
	}
	return out, nil
}

func memoryRecord(r MemoryEntry) record.MemoryEntry {
	e := record.MemoryEntry{SourceLang: r.SourceLang, TargetLang: r.TargetLang, Source: r.Source, Target: r.Target,
		Origin: r.Origin, Author: r.Author, CreatedAt: r.CreatedAt}
	if r.TranslationID != nil {
		e.TranslationID = *r.TranslationID
	}
	return e
}

// EachMemoryEntry streams the memory of ru → lang to fn, oldest entry
// first, row by row from the database: its source, target, author and
// creation time. An error of fn stops it and is returned as it is.
func (s *Store) EachMemoryEntry(ctx context.Context, lang string, fn func(record.MemoryEntry) error) error {
	rows, err := s.read(ctx).Model(&MemoryEntry{}).Select("source, target, author, created_at").
		Where("source_lang = ? AND target_lang = ?", language.Source, lang).Order("id").Rows()
	if err != nil {
		return fmt.Errorf("read the memory of %s: %w", lang, err)
	}
	defer rows.Close()
	e := record.MemoryEntry{SourceLang: language.Source, TargetLang: lang}
	var author sql.NullString
	var created time.Time
	for rows.Next() {
		if err := rows.Scan(&e.Source, &e.Target, &author, &created); err != nil {
			return fmt.Errorf("read the memory of %s: %w", lang, err)
		}
		e.Author, e.CreatedAt = author.String, created
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read the memory of %s: %w", lang, err)
	}
	return nil
}

// MemoryTexts streams the source and target of every entry of the memory
// of ru → lang to fn, inside the transaction.
func (t *Tx) MemoryTexts(lang string, fn func(source, target string)) error {
	rows, err := t.db.Model(&MemoryEntry{}).Select("source, target").
		Where("source_lang = ? AND target_lang = ?", language.Source, lang).Rows()
	if err != nil {
		return fmt.Errorf("load memory of %s: %w", lang, err)
	}
	defer rows.Close()
	var source, target string
	for rows.Next() {
		if err := rows.Scan(&source, &target); err != nil {
			return fmt.Errorf("load memory of %s: %w", lang, err)
		}
		fn(source, target)
	}
	return rows.Err()
}

// InsertMemory adds a batch of entries to the memory and returns their ids,
// as the INSERTs returned them, in the order of the batch's units. The
// change row the transaction writes names exactly these ids: they are
// consecutive on SQLite, which has one writer, but not on every database.
func (t *Tx) InsertMemory(b record.MemoryBatch) ([]int64, error) {
	if len(b.Units) == 0 {
		return nil, nil
	}
	if t.ins == nil {
		t.ins = newMemoryInserter(t.db)
	}
	ids, err := t.ins.insert(b, make([]int64, 0, len(b.Units)))
	if err != nil {
		return nil, err
	}
	if t.mem.inserted == nil {
		t.mem.inserted = map[string]*idRuns{}
	}
	runs := t.mem.inserted[b.TargetLang]
	if runs == nil {
		runs = &idRuns{}
		t.mem.inserted[b.TargetLang] = runs
	}
	for _, id := range ids {
		runs.add(id)
	}
	return ids, nil
}

// TranslationsIn loads the translations in lang of the given segments, by
// segment id, in one query; a segment without one is missing from the map.
func (t *Tx) TranslationsIn(segIDs []int64, lang string) (map[int64]record.Translation, error) {
	out := make(map[int64]record.Translation, len(segIDs))
	if len(segIDs) == 0 {
		return out, nil
	}
	var trs []Translation
	if err := t.db.Where("segment_id IN ? AND lang = ?", segIDs, lang).Find(&trs).Error; err != nil {
		return nil, fmt.Errorf("load translations: %w", err)
	}
	for _, tr := range trs {
		out[tr.SegmentID] = translationRecord(tr)
	}
	return out, nil
}
