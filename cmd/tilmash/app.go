package main

import (
	"context"

	"tilmash/internal/app"
	"tilmash/internal/store"
)

// The store implements every repository the use cases declare.
var _ app.Tx = (*store.Tx)(nil)

// openApp builds the application layer with cfg on an open store and
// seeds the starter glossaries of a database that has no terms yet.
func openApp(ctx context.Context, st *store.Store, cfg app.Config) (*app.App, error) {
	cfg.DB = store.Bind[app.Tx](st)
	a := app.New(cfg)
	if err := a.SeedGlossaries(ctx); err != nil {
		return nil, err
	}
	return a, nil
}
