package app_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
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

// tmxDoc wraps <tu> elements in a TMX 1.4b document; the first <tu> is on line 5.
func tmxDoc(tus ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/>
  <body>
` + strings.Join(tus, "\n") + `
  </body>
</tmx>
`
}

func tu(ru, kk string) string {
	return `<tu creationid="oldtool" creationdate="20240102T030405Z"><tuv xml:lang="ru"><seg>` + ru + `</seg></tuv><tuv xml:lang="kk-KZ"><seg>` + kk + `</seg></tuv></tu>`
}

// manyUnits makes n distinct units.
func manyUnits(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = tu(fmt.Sprintf("Предложение номер %d.", i), fmt.Sprintf("%d-сөйлем.", i))
	}
	return out
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

// refusedTMX reports whether an import was refused, failing the test when
// the refusal changed the memory or was an internal error (a 500) rather
// than a fault of the file.
func refusedTMX(t *testing.T, err error, before, after memoryDigest) bool {
	t.Helper()
	if err == nil {
		return false
	}
	if after != before {
		t.Fatalf("refused import (%v) wrote: %+v → %+v", err, before, after)
	}
	if apperr.CodeOf(err) == apperr.Internal {
		t.Fatalf("bad input gave an internal error: %v", err)
	}
	return true
}
