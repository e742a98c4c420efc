package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"tilmash/internal/language"
	"tilmash/internal/record"
)

// termRecord is a stored term as the application reads it.
func termRecord(g GlossaryTerm) record.Term {
	t := record.Term{ID: g.ID, TargetLang: g.TargetLang, Source: g.Source, Target: g.Target, Note: g.Note}
	if g.Forbidden != "" {
		t.Forbidden = strings.Split(g.Forbidden, "|")
	}
	return t
}

// GlossaryTerms lists the glossary of a target language, in source order.
// Following the change log starts before the first read, so no change
// after it is missed by the watchers.
func (s *Store) GlossaryTerms(ctx context.Context, lang string) ([]record.Term, error) {
	if err := s.follow(ctx); err != nil {
		return nil, fmt.Errorf("load the %s glossary: %w", lang, err)
	}
	var rows []GlossaryTerm
	if err := s.read(ctx).Where("source_lang = ? AND target_lang = ?", language.Source, lang).Order("source, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list glossary %s: %w", lang, err)
	}
	out := make([]record.Term, len(rows))
	for i, r := range rows {
		out[i] = termRecord(r)
	}
	return out, nil
}

// WatchGlossaries calls fn with each language whose terms change ("" for
// all), as the change log shows it: fn drops a cache, never waits on the store.
func (s *Store) WatchGlossaries(fn func(lang string)) {
	s.watchMu.Lock()
	s.glossaryWatchers = append(s.glossaryWatchers, fn)
	s.watchMu.Unlock()
}

// glossaryChanged tells the watchers that the terms of lang changed.
func (s *Store) glossaryChanged(lang string) {
	s.watchMu.Lock()
	ws := s.glossaryWatchers
	s.watchMu.Unlock()
	for _, fn := range ws {
		fn(lang)
	}
}

// SegmentSource is the source text of a segment.
func (s *Store) SegmentSource(ctx context.Context, segID int64) (string, error) {
	var seg Segment
	if err := s.read(ctx).Select("id, source").Take(&seg, segID).Error; err != nil {
		return "", notFound(err, "segment %d not found", segID)
	}
	return seg.Source, nil
}

// logGlossary notes that the transaction changed lang's terms: its
// change row is written at the end of the transaction (memBatch.log), so
// that on PostgreSQL the change-log lock is held only from there to the
// commit, and this process's caches catch up after the commit.
func (t *Tx) logGlossary(lang string) error {
	if !slices.Contains(t.mem.glossary, lang) {
		t.mem.glossary = append(t.mem.glossary, lang)
	}
	return nil
}

// LockSeeding holds the seeding lock to the end of the transaction on
// PostgreSQL, where processes opening a new database together would each
// seed; on SQLite the one writer already runs one seeding at a time.
func (t *Tx) LockSeeding() error {
	return xactLock(t.db, lockSeeding)
}

// CountTerms counts the terms of every language.
func (t *Tx) CountTerms() (int64, error) {
	var n int64
	err := t.db.Model(&GlossaryTerm{}).Count(&n).Error
	return n, err
}

// InsertTerms adds terms to a language's glossary, setting their ids.
func (t *Tx) InsertTerms(lang string, terms []record.Term) error {
	rows := make([]GlossaryTerm, len(terms))
	for i, r := range terms {
		rows[i] = GlossaryTerm{SourceLang: language.Source, TargetLang: lang, Source: r.Source, Target: r.Target,
			Note: r.Note, Forbidden: strings.Join(r.Forbidden, "|"), CreatedAt: t.now()}
	}
	if len(rows) > 0 {
		if err := t.db.CreateInBatches(rows, 500).Error; err != nil {
			return err
		}
	}
	for i := range rows {
		terms[i].ID = rows[i].ID
	}
	return t.logGlossary(lang)
}

// DeleteTerms empties a language's glossary.
func (t *Tx) DeleteTerms(lang string) error {
	if err := t.db.Where("source_lang = ? AND target_lang = ?", language.Source, lang).Delete(&GlossaryTerm{}).Error; err != nil {
		return err
	}
	return t.logGlossary(lang)
}

// DeleteTerm removes one term; false when the language has no such term.
func (t *Tx) DeleteTerm(lang string, id int64) (bool, error) {
	res := t.db.Where("id = ? AND target_lang = ?", id, lang).Delete(&GlossaryTerm{})
	if res.Error != nil || res.RowsAffected == 0 {
		return false, res.Error
	}
	return true, t.logGlossary(lang)
}

// Terms lists a language's glossary inside the transaction, in source
// order, for an import to merge into.
func (t *Tx) Terms(lang string) ([]record.Term, error) {
	var rows []GlossaryTerm
	if err := t.db.Where("source_lang = ? AND target_lang = ?", language.Source, lang).Order("source, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list glossary %s: %w", lang, err)
	}
	out := make([]record.Term, len(rows))
	for i, r := range rows {
		out[i] = termRecord(r)
	}
	return out, nil
}

// UpdateTerm writes a term's target, note and forbidden variants over the
// stored term with its id; false when lang has no such term.
func (t *Tx) UpdateTerm(lang string, term record.Term) (bool, error) {
	res := t.db.Model(&GlossaryTerm{}).Where("id = ? AND target_lang = ?", term.ID, lang).
		Updates(map[string]any{"target": term.Target, "note": term.Note, "forbidden": strings.Join(term.Forbidden, "|")})
	if res.Error != nil || res.RowsAffected == 0 {
		return false, res.Error
	}
	return true, t.logGlossary(lang)
}
