// Package wire binds the store's repositories to the application layer: the
// one package that knows both, so that app never imports store and store
// never imports app. cmd/tilmash and tests build their App here.
package wire

import (
	"context"

	"tilmash/internal/app"
	"tilmash/internal/store"
)

// database is the store as app.Database: the store's transaction is handed
// to the use case as the app.Tx it implements.
type database struct{ *store.Store }

func (d database) Write(ctx context.Context, fn func(app.Tx) error) error {
	return d.Store.Write(ctx, func(tx *store.Tx) error { return fn(tx) })
}

// App builds the application on an open store; observer may be nil.
func App(st *store.Store, observer app.Observer) *app.App {
	return app.New(app.Config{DB: database{st}, Observer: observer})
}
