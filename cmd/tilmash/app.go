package main

import (
	"log/slog"

	"tilmash/internal/app"
	"tilmash/internal/store"
)

// The store implements every repository the use cases declare.
var _ app.Tx = (*store.Tx)(nil)

// newApp builds the application layer on an open store; obs and log may be nil.
func newApp(st *store.Store, obs app.Observer, log *slog.Logger) *app.App {
	return app.New(app.Config{DB: store.Bind[app.Tx](st), Observer: obs, Log: log})
}
