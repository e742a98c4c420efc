package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
)

// Concordance search bounds: the newest MemorySearchLimit units are shown,
// and a phrase is a few words, not a paragraph.
const (
	MemorySearchLimit    = 50
	MaxMemorySearchRunes = 200
)

// MemoryMatch is one translation-memory unit found by a concordance search.
type MemoryMatch struct {
	Source  string    `json:"source"`
	Target  string    `json:"target"`
	Origin  string    `json:"origin"`
	Author  string    `json:"author"`
	Created time.Time `json:"created"`
}

// SearchMemory is a concordance search of the ru→lang memory: the units whose
// source or target contains phrase, ignoring case, newest first, at most
// MemorySearchLimit. Text and phrase are both folded (NFC, Unicode lower
// case; see fold): the text when it is written (MemoryEntry.Folded), the
// phrase here, so "в астане" finds "В Астане", "әл" finds "ӘЛ" and a
// decomposed "ё" finds the composed one. Rows are read along
// idx_memory_recent, newest first, so a frequent phrase stops after
// MemorySearchLimit matches.
func (s *Store) SearchMemory(ctx context.Context, lang, phrase string) ([]MemoryMatch, error) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return nil, apperr.New(apperr.Invalid, "the search phrase is empty")
	}
	if n := utf8.RuneCountInString(phrase); n > MaxMemorySearchRunes {
		return nil, apperr.New(apperr.Invalid, "the search phrase is %d characters long; the limit is %d", n, MaxMemorySearchRunes).
			With("length", n).With("limit", MaxMemorySearchRunes)
	}
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, err
	}
	folded := strings.ReplaceAll(fold(phrase), pairSeparator, "")
	var rows []MemoryEntry
	err = s.read(ctx).Where("source_lang = ? AND target_lang = ?", language.Source, l.Tag).
		Where("instr(folded, ?) > 0", folded).
		Order("created_at DESC, id DESC").Limit(MemorySearchLimit).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("search the %s-%s memory: %w", language.Source, l.Tag, err)
	}
	out := make([]MemoryMatch, len(rows))
	for i, r := range rows {
		out[i] = MemoryMatch{Source: r.Source, Target: r.Target, Origin: r.Origin, Author: r.Author, Created: r.CreatedAt}
	}
	return out, nil
}
