package main

import (
	"tilmash/internal/app"
	"tilmash/internal/store"
)

// The store implements every repository the use cases declare.
var _ app.Tx = (*store.Tx)(nil)

// newApp builds the application layer with cfg on an open store.
func newApp(st *store.Store, cfg app.Config) *app.App {
	cfg.DB = store.Bind[app.Tx](st)
	return app.New(cfg)
}
