package store

import (
	"context"
	"sync"

	"tilmash/internal/app"
	"tilmash/internal/workflow"
)

// apps are the Apps of the stores tests opened: one per store, as a
// process has one, so that its caches (the glossary matchers) live as long
// as the store and follow it as they would in a process.
var apps sync.Map // *Store → *app.App

// testApp is the App over st, for the tests here that need what only the
// application layer makes (documents, releases, decisions, glossaries):
// built at the first call with the starter glossaries seeded, as every
// command does.
func testApp(st *Store) *app.App {
	if a, ok := apps.Load(st); ok {
		return a.(*app.App)
	}
	a := app.New(app.Config{DB: Bind[app.Tx](st)})
	if err := a.SeedGlossaries(context.Background()); err != nil {
		panic(err)
	}
	actual, _ := apps.LoadOrStore(st, a)
	return actual.(*app.App)
}

// testPublish releases a document in one language through the App.
func testPublish(ctx context.Context, st *Store, actor workflow.Actor, docID int64, lang string) (app.ReleaseView, error) {
	res, err := testApp(st).PublishLanguages(ctx, actor, docID, app.PublishRequest{Langs: []string{lang}})
	if err != nil {
		return app.ReleaseView{}, err
	}
	return res.Single()
}
