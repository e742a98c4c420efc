package app

import (
	"context"
	"fmt"
	"io"

	"tilmash/internal/language"
	"tilmash/internal/record"
	"tilmash/internal/tmx"
	"tilmash/internal/xmltext"
)

// ExportTMX streams the memory of ru → lang as TMX 1.4b, oldest entry first,
// row by row from the database. Characters XML cannot carry in stored texts
// (rows older than the rule of package xmltext) become U+FFFD.
func (a *App) ExportTMX(ctx context.Context, lang string, w io.Writer) error {
	_, err := a.ExportTMXCounted(ctx, lang, w)
	return err
}

// ExportTMXCounted is ExportTMX that also says how many characters it
// replaced, for the API's warning.
func (a *App) ExportTMXCounted(ctx context.Context, lang string, w io.Writer) (replaced int, err error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return 0, err
	}
	tw, err := tmx.NewWriter(w, language.Source)
	if err != nil {
		return 0, err
	}
	safe := func(s string) string {
		s, n := xmltext.Replace(s)
		replaced += n
		return s
	}
	u := tmx.Unit{SourceLang: language.Source, TargetLang: l.Tag}
	err = a.db.EachMemoryEntry(ctx, l.Tag, func(e record.MemoryEntry) error {
		u.Source, u.Target, u.Author, u.Created = safe(e.Source), safe(e.Target), safe(e.Author), e.CreatedAt
		return tw.Write(u)
	})
	if err != nil {
		return replaced, fmt.Errorf("export memory of %s: %w", l.Tag, err)
	}
	return replaced, tw.Close()
}
