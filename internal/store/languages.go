package store

import (
	"context"
	"fmt"
	"slices"

	"tilmash/internal/record"
)

// loadLanguages reads the languages once, after seeding (Store.languages).
func (s *Store) loadLanguages(ctx context.Context) error {
	var ls []Language
	if err := s.read(ctx).Order("ordinal, tag").Find(&ls).Error; err != nil {
		return fmt.Errorf("list languages: %w", err)
	}
	s.languages = ls
	return nil
}

// Languages lists every language, source first, then targets in their order.
func (s *Store) Languages(context.Context) ([]Language, error) {
	return slices.Clone(s.languages), nil
}

// Language finds one language by its canonical tag.
func (s *Store) Language(_ context.Context, tag string) (record.Language, bool, error) {
	for _, l := range s.languages {
		if l.Tag == tag {
			return l, true, nil
		}
	}
	return record.Language{}, false, nil
}
