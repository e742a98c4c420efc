package app

import (
	"context"
	"fmt"
	"sync"

	"tilmash/internal/glossary"
	"tilmash/internal/qa"
)

// glossaryCache keeps the matcher of each target language's terms. It
// follows the database: the repository tells it (WatchGlossaries) of every
// change to a language's terms, by any process, and the matcher is dropped.
// A matcher that cannot be read is an error, never an empty glossary: the
// checks would pass a forbidden term unseen.
type glossaryCache struct {
	// mu is held while a matcher is loaded, so a drop that arrives meanwhile
	// happens after the load is kept, never before.
	mu     sync.Mutex
	byLang map[string]*glossary.Glossary
}

// drop forgets the matcher of lang ("" forgets every one).
func (c *glossaryCache) drop(lang string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if lang == "" {
		clear(c.byLang)
		return
	}
	delete(c.byLang, lang)
}

// glossary returns the matcher of a target language's terms, loading it on a miss.
func (a *App) glossary(ctx context.Context, lang string) (*glossary.Glossary, error) {
	c := &a.glossaries
	c.mu.Lock()
	defer c.mu.Unlock()
	if g, ok := c.byLang[lang]; ok {
		return g, nil
	}
	rows, err := a.db.GlossaryTerms(ctx, lang)
	if err != nil {
		return nil, fmt.Errorf("load the %s glossary for the checks: %w", lang, err)
	}
	terms := make([]glossary.Term, len(rows))
	for i, r := range rows {
		terms[i] = termOf(r)
	}
	g := glossary.New(terms)
	if c.byLang == nil {
		c.byLang = map[string]*glossary.Glossary{}
	}
	c.byLang[lang] = g
	return g, nil
}

// loadGlossary makes sure the glossary of lang can be read before a write
// that will be checked against it: one that cannot be read refuses the
// action before anything is written.
func (a *App) loadGlossary(ctx context.Context, lang string) error {
	_, err := a.glossary(ctx, lang)
	return err
}

// check runs the quality checks of a translation with its language's glossary.
func (a *App) check(ctx context.Context, source, target, lang string) ([]qa.Finding, error) {
	gl, err := a.glossary(ctx, lang)
	if err != nil {
		return nil, err
	}
	return a.checkWith(gl, source, target, lang), nil
}
