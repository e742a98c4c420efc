package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

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
// MemorySearchLimit. The phrase is matched as typed, in NFC and in NFD, so a
// decomposed "ё" finds the composed one and the other way round.
//
// SQLite's LIKE folds the case of ASCII letters only, so each form is also
// tried lower-cased, upper-cased and capitalised: "алматы" finds "Алматы" and
// "АЛМАТЫ". A phrase in mixed case inside a word ("аЛМаты") is not folded.
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
	var where []string
	var args []any
	for _, v := range searchVariants(phrase) {
		where = append(where, `source LIKE ? ESCAPE '\'`, `target LIKE ? ESCAPE '\'`)
		p := "%" + escapeLike(v) + "%"
		args = append(args, p, p)
	}
	var rows []MemoryEntry
	err = s.read(ctx).Where("source_lang = ? AND target_lang = ?", language.Source, l.Tag).
		Where(strings.Join(where, " OR "), args...).
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

// searchVariants lists the distinct forms a phrase is looked for in: as
// typed, NFC and NFD, each as typed, lower-cased, upper-cased and capitalised.
func searchVariants(phrase string) []string {
	var out []string
	seen := map[string]bool{}
	for _, form := range []string{phrase, norm.NFC.String(phrase), norm.NFD.String(phrase)} {
		lower := strings.ToLower(form)
		for _, v := range []string{form, lower, strings.ToUpper(form), capitalise(lower)} {
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// escapeLike makes s a literal inside a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
