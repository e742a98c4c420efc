package app

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
)

// MemorySearchLimit is how many units a concordance search shows: the newest
// (its phrase is bounded by limits.MemorySearchRunes).
const MemorySearchLimit = 50

// MemoryMatch is one translation-memory unit found by a concordance search.
type MemoryMatch struct {
	Source  string    `json:"source"`
	Target  string    `json:"target"`
	Origin  string    `json:"origin"`
	Author  string    `json:"author"`
	Created time.Time `json:"created"`
}

// SearchMemory is a concordance search of the ru→lang memory: the units whose
// source or target contains phrase, ignoring case and normalisation (so
// "в астане" finds "В Астане"), newest first, at most MemorySearchLimit.
func (a *App) SearchMemory(ctx context.Context, lang, phrase string) ([]MemoryMatch, error) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return nil, apperr.New(apperr.Invalid, "the search phrase is empty")
	}
	if n := utf8.RuneCountInString(phrase); n > limits.MemorySearchRunes {
		return nil, apperr.New(apperr.Invalid, "the search phrase is %d characters long; the limit is %d", n, limits.MemorySearchRunes).
			With("length", n).With("limit", limits.MemorySearchRunes)
	}
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, err
	}
	found, err := a.db.SearchMemory(ctx, l.Tag, phrase, MemorySearchLimit)
	if err != nil {
		return nil, err
	}
	out := make([]MemoryMatch, len(found))
	for i, e := range found {
		out[i] = MemoryMatch{Source: e.Source, Target: e.Target, Origin: e.Origin, Author: e.Author, Created: e.CreatedAt}
	}
	return out, nil
}
