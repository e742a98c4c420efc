package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/tm"
	"tilmash/internal/workflow"
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
	return fold(source) + pairSeparator + fold(target)
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

// memBatch collects the memory changes of one transaction; they reach the
// in-process index only after the transaction commits. It also carries the
// translation changes the observer hears of after the commit.
type memBatch struct {
	added   []MemoryEntry
	removed []MemoryEntry
	changed []changed
}

// changed is one committed translation change, for the observer.
type changed struct {
	action workflow.Action
	lang   string
}

func (s *Store) applyMemory(b *memBatch) {
	for _, ch := range b.changed {
		s.observer.TranslationChanged(string(ch.action), ch.lang)
	}
	for _, e := range b.removed {
		s.memory.Pair(e.SourceLang, e.TargetLang).Remove(e.ID)
	}
	for _, e := range b.added {
		s.memory.Pair(e.SourceLang, e.TargetLang).Add(e.entry())
	}
}

// loadMemory fills the in-process index at start: from the snapshot beside
// the database brought up to date with the table when there is a usable one,
// else built from the table (and the snapshot written for the next start).
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
		return s.SaveMemorySnapshot(ctx)
	}
	return nil
}

// buildMemory builds the index of one pair from the table.
func (s *Store) buildMemory(ctx context.Context, source, target string) (*tm.Index, error) {
	var batch []tm.Entry
	var rows []MemoryEntry
	err := s.read(ctx).Where("source_lang = ? AND target_lang = ?", source, target).
		FindInBatches(&rows, 5000, func(*gorm.DB, int) error {
			for _, r := range rows {
				batch = append(batch, r.entry())
			}
			return nil
		}).Error
	if err != nil {
		return nil, fmt.Errorf("load memory %s-%s: %w", source, target, err)
	}
	x := tm.NewIndex()
	x.AddBatch(batch)
	return x, nil
}

// remember keeps the memory in step with one translation change: an
// approval enters it, anything that leaves the approved state takes it out.
func remember(tx *gorm.DB, b *memBatch, t *Translation, ch workflow.Change, source, origin, author string) error {
	if !ch.Changed {
		return nil
	}
	if ch.From == workflow.Approved && ch.To != workflow.Approved {
		var old MemoryEntry
		err := tx.Where("translation_id = ?", t.ID).Take(&old).Error
		if err == nil {
			if err := tx.Delete(&old).Error; err != nil {
				return err
			}
			b.removed = append(b.removed, old)
		} else if err != gorm.ErrRecordNotFound {
			return err
		}
	}
	if ch.To == workflow.Approved {
		id := t.ID
		e := MemoryEntry{SourceLang: language.Source, TargetLang: t.Lang, Source: source, Target: t.Text,
			Origin: origin, Author: author, TranslationID: &id, CreatedAt: t.UpdatedAt}
		if err := tx.Create(&e).Error; err != nil {
			return err
		}
		b.added = append(b.added, e)
	}
	return nil
}

// SuggestionView is a memory match as the API shows it.
type SuggestionView struct {
	Source  string    `json:"source"`
	Target  string    `json:"target"`
	Score   int       `json:"score"`
	Origin  string    `json:"origin"`
	Author  string    `json:"author,omitempty"`
	Count   int       `json:"count"`
	Diff    []tm.Span `json:"diff"`
	Created time.Time `json:"created"`
	// Exact: the lookup that found this suggestion was certified exact (the
	// same for every suggestion of one answer; see SuggestionSet).
	Exact bool `json:"exact"`
}

// Suggestion thresholds: CAT tools hide matches under 70 %.
const (
	SuggestionLimit    = 5
	SuggestionMinScore = 70
)

// SuggestionSet is the answer of a memory lookup: the suggestions, and whether
// they are certified the true best matches (false when the lookup reached its
// work budget first; see tm.Result).
type SuggestionSet struct {
	Suggestions []SuggestionView
	Exact       bool
}

// SuggestionSet is Suggestions with the lookup's exactness.
func (s *Store) SuggestionSet(ctx context.Context, segID int64, lang string) (SuggestionSet, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return SuggestionSet{}, err
	}
	var seg Segment
	if err := s.read(ctx).Take(&seg, segID).Error; err != nil {
		return SuggestionSet{}, notFound(err, "segment %d not found", segID)
	}
	start := time.Now()
	res := s.memory.Pair(language.Source, l.Tag).Search(seg.Source, SuggestionLimit, SuggestionMinScore)
	s.observer.TMLookup(time.Since(start), res.Exact)
	out := make([]SuggestionView, len(res.Suggestions))
	for i, f := range res.Suggestions {
		diff := f.Diff
		if diff == nil {
			diff = []tm.Span{}
		}
		out[i] = SuggestionView{Source: f.Source, Target: f.Target, Score: f.Score, Origin: f.Origin, Author: f.Author,
			Count: f.Count, Diff: diff, Created: f.Created, Exact: res.Exact}
	}
	return SuggestionSet{Suggestions: out, Exact: res.Exact}, nil
}

// Pretranslate fills the untranslated segments of a document's current
// revision from exact (100 %) memory matches. The texts are saved as the
// actor's translations, marked with origin "tm", and still need review.
func (s *Store) Pretranslate(ctx context.Context, actor workflow.Actor, docID int64, lang string) (int, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return 0, err
	}
	if !actor.CanTranslate(l.Tag) {
		return 0, apperr.New(apperr.Forbidden, "%s may not translate into %s", actor.Name, l.Tag)
	}
	index := s.memory.Pair(language.Source, l.Tag)
	filled := 0
	var b memBatch
	err = s.write(ctx, func(tx *gorm.DB) error {
		var doc Document
		if err := tx.Take(&doc, docID).Error; err != nil {
			return notFound(err, "document %d not found", docID)
		}
		segs, err := currentSegments(tx, docID)
		if err != nil {
			return err
		}
		// One query for the translations of the whole revision, not three a segment.
		byLang, err := translationsOf(tx, segs, []string{l.Tag})
		if err != nil {
			return err
		}
		for _, sg := range segs {
			t, ok := byLang[l.Tag][sg.ID]
			if !ok {
				t = Translation{SegmentID: sg.ID, Lang: l.Tag, State: string(workflow.Untranslated)}
			}
			if workflow.State(t.State) != workflow.Untranslated {
				continue
			}
			best := index.Lookup(sg.Source, 1, 100)
			if len(best) == 0 {
				continue
			}
			text := cleanTarget(best[0].Target)
			ch, err := workflow.Edit(actor, l.Tag, t.current(), t.Version, text)
			if err != nil {
				return err
			}
			if err := s.apply(tx, &b, actor, &t, ch, text, "", "tm", sg.Source, doc.Title); err != nil {
				return err
			}
			filled++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("pretranslate document %d into %s: %w", docID, l.Tag, err)
	}
	s.applyMemory(&b)
	return filled, nil
}
