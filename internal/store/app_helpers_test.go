package store

import (
	"context"

	"tilmash/internal/app"
	"tilmash/internal/workflow"
)

// appDB is the store as app.Database, for the tests here that need what
// only the application layer makes (documents, releases). It repeats
// internal/wire's three lines because wire imports this package.
type appDB struct{ *Store }

func (d appDB) Write(ctx context.Context, fn func(app.Tx) error) error {
	return d.Store.Write(ctx, func(tx *Tx) error { return fn(tx) })
}

// testApp is the App over st.
func testApp(st *Store) *app.App { return app.New(app.Config{DB: appDB{st}}) }

// testPublish releases a document in one language through the App.
func testPublish(ctx context.Context, st *Store, actor workflow.Actor, docID int64, lang string) (app.ReleaseView, error) {
	res, err := testApp(st).PublishLanguages(ctx, actor, docID, app.PublishRequest{Langs: []string{lang}})
	if err != nil {
		return app.ReleaseView{}, err
	}
	return res.Single()
}
