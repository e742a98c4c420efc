package app_test

import (
	"context"
	"path/filepath"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

// openApp opens a store on a fresh SQLite file and the App over it.
func openApp(tb testing.TB) (*store.Store, *app.App) {
	tb.Helper()
	st, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "app.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	a := app.New(app.Config{DB: store.Bind[app.Tx](st)})
	if err := a.SeedGlossaries(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return st, a
}

// publish releases a document in one language, as the API's {"lang"}
// request does: the tests' shorthand for PublishLanguages and Single.
func publish(ctx context.Context, a *app.App, actor workflow.Actor, docID int64, lang string) (app.ReleaseView, error) {
	res, err := a.PublishLanguages(ctx, actor, docID, app.PublishRequest{Langs: []string{lang}})
	if err != nil {
		return app.ReleaseView{}, err
	}
	return res.Single()
}
