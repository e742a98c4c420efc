package app

import (
	"context"

	"tilmash/internal/glossary"
)

// TermsIn lists the glossary terms of lang found in a source text, in text
// order: what the editor marks in the source it shows.
func (a *App) TermsIn(ctx context.Context, lang, source string) ([]glossary.Hit, error) {
	gl, err := a.glossary(ctx, lang)
	if err != nil {
		return nil, err
	}
	return gl.Match(source), nil
}
