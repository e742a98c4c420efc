package store

import (
	"context"
	"fmt"

	"tilmash/internal/record"
)

// Languages lists every language, source first, then targets in their order.
func (s *Store) Languages(ctx context.Context) ([]Language, error) {
	var ls []Language
	if err := s.read(ctx).Order("ordinal, tag").Find(&ls).Error; err != nil {
		return nil, fmt.Errorf("list languages: %w", err)
	}
	return ls, nil
}

// Language finds one language by its canonical tag.
func (s *Store) Language(ctx context.Context, tag string) (record.Language, bool, error) {
	var one []Language
	if err := s.read(ctx).Where("tag = ?", tag).Limit(1).Find(&one).Error; err != nil {
		return record.Language{}, false, fmt.Errorf("look up language %s: %w", tag, err)
	}
	if len(one) == 0 {
		return record.Language{}, false, nil
	}
	return one[0], true, nil
}
