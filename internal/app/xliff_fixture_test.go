package app_test

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // the raw counts of countRows

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/store"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

// xliffFixture is a fresh store with one three-sentence document and the
// people who work on its Kazakh translation, and the App over it.
type xliffFixture struct {
	st                            *store.Store
	app                           *app.App
	path                          string  // the SQLite file
	ro                            *sql.DB // the file read beside the store, for countRows
	obs                           *observed
	doc                           app.DocumentView
	translator, reviewer, english workflow.Actor
}

const xliffText = "Семинар прошёл в Алматы. В нём участвовали 27 стран.\n\nИтоги подведут в 2030 году."

// kkTargets are Kazakh translations of xliffText's three sentences.
var kkTargets = []string{"Семинар Алматыда өтті.", "Оған 27 ел қатысты.", "Қорытынды 2030 жылы шығарылады."}

func newXLIFFFixture(tb testing.TB) *xliffFixture {
	tb.Helper()
	f := xliffFixtureOf(tb, xliffText)
	if len(f.doc.Segments) != 3 {
		tb.Fatalf("fixture has %d segments, want 3", len(f.doc.Segments))
	}
	return f
}

// xliffFixtureOf is a fresh store with the people and a document of text,
// opened as serve opens it (the memory built at Open).
func xliffFixtureOf(tb testing.TB, text string) *xliffFixture {
	tb.Helper()
	ctx := context.Background()
	f := &xliffFixture{path: filepath.Join(tb.TempDir(), "x.db"), obs: &observed{}}
	f.open(tb)
	f.ro = f.rawDB(tb, "ro")
	tb.Cleanup(func() { f.ro.Close() })
	mk := func(name string, roles ...workflow.Role) workflow.Actor {
		a, _, err := f.app.CreateUser(ctx, app.NewUser{Name: name, Roles: roles})
		if err != nil {
			tb.Fatal(err)
		}
		return a
	}
	f.translator = mk("aigerim", workflow.Role{Kind: workflow.Translator, Lang: "kk"})
	f.reviewer = mk("bolat", workflow.Role{Kind: workflow.Reviewer, Lang: "kk"})
	f.english = mk("emma", workflow.Role{Kind: workflow.Translator, Lang: "en"})
	press := mk("press", workflow.Role{Kind: workflow.Publisher})
	var err error
	if f.doc, err = f.app.CreateDocument(ctx, press, "Семинар", text); err != nil {
		tb.Fatal(err)
	}
	return f
}

// open opens the fixture's file (again) and the App over it.
func (f *xliffFixture) open(tb testing.TB) {
	tb.Helper()
	st, err := store.OpenWith(context.Background(), f.path, store.Options{Memory: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	f.st, f.app = st, app.New(app.Config{DB: store.Bind[app.Tx](st), Observer: f.obs})
}

// export writes the document in Kazakh as an XLIFF file of format.
func (f *xliffFixture) export(tb testing.TB, format xliff.Format) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := f.app.ExportXLIFF(context.Background(), f.doc.ID, "kk", format, &buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// rewrite reads an XLIFF file, lets edit change its units, and writes it
// again in the same format.
func rewrite(tb testing.TB, data []byte, edit func(i int, u *xliff.Unit)) []byte {
	tb.Helper()
	f, err := xliff.Read(bytes.NewReader(data), 0)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := xliff.NewWriter(&buf, f.Format, f.Header)
	if err != nil {
		tb.Fatal(err)
	}
	for i, u := range f.Units {
		edit(i, &u)
		if err := w.WriteUnit(u); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// dbCounts is what an import may change: translations and their history.
type dbCounts struct{ Translations, Events, Versions int64 }

// countRows counts the rows of the whole database an import may write,
// read from the file beside the store: no repository answers this.
func (f *xliffFixture) countRows(tb testing.TB) dbCounts {
	tb.Helper()
	var c dbCounts
	err := f.ro.QueryRow(`SELECT (SELECT COUNT(*) FROM translations), (SELECT COUNT(*) FROM events),
		(SELECT COALESCE(SUM(version), 0) FROM translations)`).Scan(&c.Translations, &c.Events, &c.Versions)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// rawDB opens the fixture's file with database/sql in mode ("ro" or "rw").
func (f *xliffFixture) rawDB(tb testing.TB, mode string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+f.path+"?mode="+mode+"&_busy_timeout=5000")
	if err != nil {
		tb.Fatal(err)
	}
	return db
}

// refused checks a failed import: it wrote nothing (the digests before and
// after are equal) and its error is the caller's fault, never internal. It
// reports whether the import failed, so a fuzz target can stop there.
func refused[D comparable](t *testing.T, err error, before, after D) bool {
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

// observed records what the App's observer heard, one line an event.
type observed struct {
	mu     sync.Mutex
	events []string
}

func (o *observed) add(s string) {
	o.mu.Lock()
	o.events = append(o.events, s)
	o.mu.Unlock()
}

// take returns what was heard since the last take.
func (o *observed) take() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := o.events
	o.events = nil
	return out
}

func (o *observed) Released(lang string)                   { o.add("released " + lang) }
func (o *observed) Imported(format string)                 { o.add("imported " + format) }
func (o *observed) SigninFailed()                          { o.add("signin failed") }
func (o *observed) SigninThrottled()                       { o.add("signin throttled") }
func (o *observed) TranslationChanged(action, lang string) { o.add(action + " " + lang) }
func (o *observed) Conflict(lang string)                   { o.add("conflict " + lang) }
func (o *observed) Finding(check, severity string)         { o.add("finding " + check + " " + severity) }
func (o *observed) TMLookup(time.Duration, bool)           {}
