package app

import (
	"context"
	"fmt"
	"io"

	"tilmash/internal/language"
	"tilmash/internal/record"
	"tilmash/internal/tmx"
)

// ExportTMX streams the memory of ru → lang as TMX 1.4b, oldest entry first,
// row by row from the database.
func (a *App) ExportTMX(ctx context.Context, lang string, w io.Writer) error {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return err
	}
	tw, err := tmx.NewWriter(w, language.Source)
	if err != nil {
		return err
	}
	u := tmx.Unit{SourceLang: language.Source, TargetLang: l.Tag}
	err = a.db.EachMemoryEntry(ctx, l.Tag, func(e record.MemoryEntry) error {
		u.Source, u.Target, u.Author, u.Created = e.Source, e.Target, e.Author, e.CreatedAt
		return tw.Write(u)
	})
	if err != nil {
		return fmt.Errorf("export memory of %s: %w", l.Tag, err)
	}
	return tw.Close()
}
