package store

import (
	"context"
	"sync"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/glossary"
	"tilmash/internal/language"
)

// TestPostgresSeedAtOnce: four processes opening a new database at the same
// moment (a store and an App each, as serve does) all start, and the
// languages and starter glossaries are there once, not once per process.
// The database is migrated first (tilmash migrate before the replicas
// start), so that the four seed at the same moment rather than one after
// the other behind the migration lock; and the Apps seed together once
// every store is open.
func TestPostgresSeedAtOnce(t *testing.T) {
	ctx := context.Background()
	dsn := pgURL(t)
	if _, err := Migrate(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	const n = 4
	var wg, opened sync.WaitGroup
	opened.Add(n)
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			st, err := OpenWith(ctx, dsn, Options{})
			opened.Done()
			if err != nil {
				errs <- err
				return
			}
			defer st.Close()
			opened.Wait()
			if err := app.New(app.Config{DB: Bind[app.Tx](st)}).SeedGlossaries(ctx); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	db, err := openPostgresDB(dsn, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB(db)
	var langs, terms int64
	if err := db.Model(&Language{}).Count(&langs).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Model(&GlossaryTerm{}).Count(&terms).Error; err != nil {
		t.Fatal(err)
	}
	if want := int64(len(language.Seed())); langs != want {
		t.Errorf("%d languages, want %d", langs, want)
	}
	if want := int64(len(glossary.Seed("kk")) + len(glossary.Seed("en"))); terms != want {
		t.Errorf("%d glossary terms, want %d", terms, want)
	}
}
