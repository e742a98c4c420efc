package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/tmx/tmxtest"
	"tilmash/internal/workflow"
)

// TestPostgresMigrate: Migrate on a new PostgreSQL database reaches the
// newest version, a second run applies nothing, and a database that a
// newer binary migrated is refused.
func TestPostgresMigrate(t *testing.T) {
	ctx := context.Background()
	dsn := pgURL(t)
	ms, known := embedded(t)
	for run := 1; run <= 2; run++ {
		v, err := Migrate(ctx, dsn)
		if err != nil || v != known {
			t.Fatalf("run %d: version %d, %v; want %d", run, v, err, known)
		}
	}
	status, err := SchemaStatus(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if len(status) != len(ms) || status[len(status)-1].Pending() {
		t.Fatalf("status after migrating: %+v", status)
	}
	db, err := openPostgresDB(dsn, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB(db)
	if err := db.Exec("INSERT INTO goose_db_version (version_id, is_applied) VALUES (?, true)", known+1).Error; err != nil {
		t.Fatal(err)
	}
	var tooNew *SchemaTooNewError
	if _, err := OpenWith(ctx, dsn, Options{}); !errors.As(err, &tooNew) || tooNew.Version != known+1 {
		t.Fatalf("open of a newer schema: %v, want SchemaTooNewError at %d", err, known+1)
	}
}

// TestPostgresEndToEnd runs the work of a day through the App on
// PostgreSQL: people, a document, a save, an approval and a rejection, a
// stale save refused, a release, a glossary term, a TMX import, and the
// suggestions and concordance that follow.
func TestPostgresEndToEnd(t *testing.T) {
	ctx := context.Background()
	f := exchangeFixtureAt(t, pgURL(t), fixtureText)
	a := testApp(f.st)
	if len(f.doc.Segments) != 3 {
		t.Fatalf("document has %d segments, want 3", len(f.doc.Segments))
	}
	targets := []string{"Семинар Алматыда өтті.", "Оған 27 ел қатысты.", "Қорытынды 2030 жылы шығарылады."}
	version := map[int64]int{} // each segment's, from the App's answers
	for i, seg := range f.doc.Segments {
		v, err := a.SaveTranslation(ctx, f.translator, seg.ID, "kk", 0, targets[i])
		if err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		version[seg.ID] = v.Version
	}
	first := f.doc.Segments[0].ID
	if _, err := a.SaveTranslation(ctx, f.translator, first, "kk", 0, "Ескі нұсқа."); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("stale save: %v, want a conflict", err)
	}
	second := f.doc.Segments[1].ID
	v, err := a.Reject(ctx, f.reviewer, second, "kk", version[second], "елдер емес, мемлекеттер")
	if err != nil || v.State != workflow.Rejected {
		t.Fatalf("reject: %+v, %v", v, err)
	}
	if v, err = a.SaveTranslation(ctx, f.translator, second, "kk", v.Version, targets[1]); err != nil {
		t.Fatalf("save after the rejection: %v", err)
	}
	version[second] = v.Version
	for _, seg := range f.doc.Segments {
		v, err := a.Approve(ctx, f.reviewer, seg.ID, "kk", version[seg.ID])
		if err != nil || v.State != workflow.Approved {
			t.Fatalf("approve %d at %d: %+v, %v", seg.ID, version[seg.ID], v, err)
		}
	}
	rel, err := testPublish(ctx, f.st, f.press, f.doc.ID, "kk")
	if err != nil || rel.Number != 1 {
		t.Fatalf("publish: %+v, %v", rel, err)
	}
	if _, err := a.AddTerms(ctx, f.reviewer, "kk", []glossary.Term{{Source: "семинар", Target: "семинар"}}, false); err != nil {
		t.Fatalf("add a term: %v", err)
	}
	hits, err := a.GlossaryHits(ctx, first, "kk")
	if err != nil || len(hits) == 0 {
		t.Fatalf("glossary hits: %+v, %v", hits, err)
	}
	res, err := a.ImportTMX(ctx, f.reviewer, "kk", strings.NewReader(tmxtest.Doc(
		tmxtest.TU("Итоги подведут в 2031 году.", "Қорытынды 2031 жылы шығарылады."),
		tmxtest.TU("Семинар прошёл в Астане.", "Семинар Астанада өтті."))))
	if err != nil || res.Imported != 2 {
		t.Fatalf("tmx import: %+v, %v", res, err)
	}
	sug, err := f.st.Suggestions(ctx, f.doc.Segments[2].ID, "kk")
	if err != nil || !hasTarget(sug, "Қорытынды 2031 жылы шығарылады.") {
		t.Fatalf("suggestions: %+v, %v; want the imported unit", sug, err)
	}
	found, err := a.SearchMemory(ctx, "kk", "АСТАН")
	if err != nil || len(found) != 1 || found[0].Target != "Семинар Астанада өтті." {
		t.Fatalf("concordance: %+v, %v", found, err)
	}
}

func hasTarget(sug []app.SuggestionView, target string) bool {
	for _, s := range sug {
		if s.Target == target {
			return true
		}
	}
	return false
}

// TestPostgresMigrateAtOnce: stores opened on one new database at the same
// moment, as replicas starting together, all open; goose's advisory lock
// makes them migrate one after the other, so none fails on a table
// another is creating.
func TestPostgresMigrateAtOnce(t *testing.T) {
	ctx := context.Background()
	dsn := pgURL(t)
	const n = 4
	errs := make(chan error, n)
	for range n {
		go func() {
			st, err := OpenWith(ctx, dsn, Options{})
			if err == nil {
				err = st.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	ms, _ := embedded(t)
	status, err := SchemaStatus(ctx, dsn)
	if err != nil || len(status) != len(ms) {
		t.Fatalf("status: %+v, %v", status, err)
	}
}
