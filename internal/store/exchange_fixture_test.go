package store

import (
	"context"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/workflow"
)

// exchangeFixture is a fresh store with one three-sentence document and the
// people who work on its Kazakh translation.
type exchangeFixture struct {
	st                            *Store
	dsn                           string // st's database, for a test that opens it again
	doc                           app.DocumentView
	translator, reviewer, english workflow.Actor
	press                         workflow.Actor // the publisher
}

const fixtureText = "Семинар прошёл в Алматы. В нём участвовали 27 стран.\n\nИтоги подведут в 2030 году."

func newExchangeFixture(tb testing.TB) *exchangeFixture {
	tb.Helper()
	f := exchangeFixtureOf(tb, fixtureText)
	if len(f.doc.Segments) != 3 {
		tb.Fatalf("fixture has %d segments, want 3", len(f.doc.Segments))
	}
	return f
}

// exchangeFixtureOf is a fresh store with the people and a document of text,
// opened as serve opens it (the memory built at Open), on the database of
// testDB: a SQLite file, or a PostgreSQL database.
func exchangeFixtureOf(tb testing.TB, text string) *exchangeFixture {
	tb.Helper()
	return exchangeFixtureAt(tb, testDB(tb), text)
}

// exchangeFixtureAt is exchangeFixtureOf on the database at dsn: a SQLite
// path or a PostgreSQL URL.
func exchangeFixtureAt(tb testing.TB, dsn, text string) *exchangeFixture {
	tb.Helper()
	ctx := context.Background()
	st, err := OpenWith(ctx, dsn, Options{Memory: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	mk := func(name string, roles ...workflow.Role) workflow.Actor {
		a, _, err := testApp(st).CreateUser(ctx, app.NewUser{Name: name, Roles: roles})
		if err != nil {
			tb.Fatal(err)
		}
		return a
	}
	f := &exchangeFixture{st: st, dsn: dsn,
		translator: mk("aigerim", workflow.Role{Kind: workflow.Translator, Lang: "kk"}),
		reviewer:   mk("bolat", workflow.Role{Kind: workflow.Reviewer, Lang: "kk"}),
		english:    mk("emma", workflow.Role{Kind: workflow.Translator, Lang: "en"}),
	}
	f.press = mk("press", workflow.Role{Kind: workflow.Publisher})
	if f.doc, err = testApp(st).CreateDocument(ctx, f.press, "Семинар", text); err != nil {
		tb.Fatal(err)
	}
	return f
}
