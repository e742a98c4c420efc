package app

import (
	"context"
	"strings"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/record"
)

// LanguageReader reads the language catalogue.
type LanguageReader interface {
	// Languages lists every language, source first, then the targets in their order.
	Languages(ctx context.Context) ([]record.Language, error)
	// Language finds one language by its canonical tag.
	Language(ctx context.Context, tag string) (record.Language, bool, error)
}

// Languages lists every language, source first, then the targets in their order.
func (a *App) Languages(ctx context.Context) ([]record.Language, error) {
	return a.db.Languages(ctx)
}

// TargetLanguages lists the target languages in their order.
func (a *App) TargetLanguages(ctx context.Context) ([]record.Language, error) {
	ls, err := a.db.Languages(ctx)
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

// TargetLanguage validates a tag as one of the service's target languages.
func (a *App) TargetLanguage(ctx context.Context, tag string) (record.Language, error) {
	canon, err := language.Canonical(tag)
	if err != nil {
		return record.Language{}, err
	}
	// The one row first: every request that names a language asks this.
	if l, ok, err := a.db.Language(ctx, canon); err != nil {
		return record.Language{}, err
	} else if ok && !l.IsSource {
		return l, nil
	}
	ls, err := a.db.Languages(ctx)
	if err != nil {
		return record.Language{}, err
	}
	var known []string
	for _, l := range ls {
		if l.IsSource {
			if l.Tag == canon {
				return record.Language{}, apperr.New(apperr.Invalid, "%s is the source language, not a target", canon)
			}
			continue
		}
		if l.Tag == canon {
			return l, nil
		}
		known = append(known, l.Tag)
	}
	return record.Language{}, apperr.New(apperr.Invalid, "unknown language %q (target languages: %s)", tag, strings.Join(known, ", "))
}
