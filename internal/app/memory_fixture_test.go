package app_test

import (
	"context"
	"crypto/sha256"
	"path/filepath"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

// tmFixture is a store opened as serve opens it (the memory built at Open),
// the App over it, the people of the memory's use cases and a document of
// three segments.
type tmFixture struct {
	st                            *store.Store
	app                           *app.App
	doc                           app.DocumentView
	translator, reviewer, english workflow.Actor
}

const tmFixtureText = "Семинар прошёл в Алматы. В нём участвовали 27 стран.\n\nИтоги подведут в 2030 году."

func newTMFixture(tb testing.TB) *tmFixture {
	tb.Helper()
	ctx := context.Background()
	st, err := store.OpenWith(ctx, filepath.Join(tb.TempDir(), "tm.db"), store.Options{Memory: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	a := app.New(app.Config{DB: store.Bind[app.Tx](st)})
	mk := func(name string, roles ...workflow.Role) workflow.Actor {
		u, _, err := a.CreateUser(ctx, app.NewUser{Name: name, Roles: roles})
		if err != nil {
			tb.Fatal(err)
		}
		return u
	}
	f := &tmFixture{st: st, app: a,
		translator: mk("aigerim", workflow.Role{Kind: workflow.Translator, Lang: "kk"}),
		reviewer:   mk("bolat", workflow.Role{Kind: workflow.Reviewer, Lang: "kk"}),
		english:    mk("emma", workflow.Role{Kind: workflow.Translator, Lang: "en"}),
	}
	press := mk("press", workflow.Role{Kind: workflow.Publisher})
	if f.doc, err = a.CreateDocument(ctx, press, "Семинар", tmFixtureText); err != nil {
		tb.Fatal(err)
	}
	if len(f.doc.Segments) != 3 {
		tb.Fatalf("fixture has %d segments, want 3", len(f.doc.Segments))
	}
	return f
}

// suggestions is SuggestionSet without its exactness.
func (f *tmFixture) suggestions(ctx context.Context, segID int64, lang string) ([]app.SuggestionView, error) {
	set, err := f.app.SuggestionSet(ctx, segID, lang)
	return set.Suggestions, err
}

// memoryDigest sums up the ru → kk translation memory: what a refused
// import must leave as it was.
type memoryDigest struct {
	Rows    int
	Export  [sha256.Size]byte // the memory exported as TMX: every entry's texts, author and date, in order
	Indexed int
}

func digestMemory(tb testing.TB, f *tmFixture) memoryDigest {
	tb.Helper()
	ctx := context.Background()
	counts, err := f.st.MemoryEntries(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	h := sha256.New()
	if err := f.app.ExportTMX(ctx, "kk", h); err != nil {
		tb.Fatal(err)
	}
	d := memoryDigest{Rows: counts["kk"], Indexed: f.st.MemoryIndexLen("kk")}
	h.Sum(d.Export[:0])
	return d
}
