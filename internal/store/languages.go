package store

import (
	"context"
	"fmt"
	"strings"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
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

// TargetLanguage validates a tag as one of the service's target languages.
func (s *Store) TargetLanguage(ctx context.Context, tag string) (Language, error) {
	canon, err := language.Canonical(tag)
	if err != nil {
		return Language{}, err
	}
	// The one row first: every request that names a language asks this.
	var one []Language
	if err := s.read(ctx).Where("tag = ?", canon).Limit(1).Find(&one).Error; err != nil {
		return Language{}, fmt.Errorf("look up language %s: %w", canon, err)
	}
	if len(one) == 1 && !one[0].IsSource {
		return one[0], nil
	}
	ls, err := s.Languages(ctx)
	if err != nil {
		return Language{}, err
	}
	var known []string
	for _, l := range ls {
		if l.IsSource {
			if l.Tag == canon {
				return Language{}, apperr.New(apperr.Invalid, "%s is the source language, not a target", canon)
			}
			continue
		}
		if l.Tag == canon {
			return l, nil
		}
		known = append(known, l.Tag)
	}
	return Language{}, apperr.New(apperr.Invalid, "unknown language %q (target languages: %s)", tag, strings.Join(known, ", "))
}

// TargetLanguages lists the target languages in their order.
func (s *Store) TargetLanguages(ctx context.Context) ([]Language, error) {
	ls, err := s.Languages(ctx)
	if err != nil {
		return nil, err
	}
	out := ls[:0]
	for _, l := range ls {
		if !l.IsSource {
			out = append(out, l)
		}
	}
	return out, nil
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
