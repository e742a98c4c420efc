package store

import (
	"context"
	"slices"
	"testing"

	"tilmash/internal/glossary"
	"tilmash/internal/qa"
	"tilmash/internal/workflow"
)

func findingIDs(fs []qa.Finding) []string {
	ids := []string{}
	for _, f := range fs {
		ids = append(ids, f.ID)
	}
	return ids
}

// TestChecksFollowTheGlossary: the findings a list shows are cached, and a
// change to the language's terms is seen by the next list, in both directions.
func TestChecksFollowTheGlossary(t *testing.T) {
	st := openTestStore(t, Options{})
	ctx := context.Background()
	admin := workflow.Actor{ID: 1, Name: "admin", Roles: []workflow.Role{{Kind: workflow.Admin}}}
	doc, err := testApp(st).CreateDocument(ctx, admin, "Семинар", "Семинар начнётся завтра.")
	if err != nil {
		t.Fatal(err)
	}
	list, err := testApp(st).Translations(ctx, doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	seg := list.Segments[0].ID
	if _, err := testApp(st).SaveTranslation(ctx, admin, seg, "kk", 0, "Жиын ертең басталады."); err != nil {
		t.Fatal(err)
	}
	checks := func() []string {
		t.Helper()
		list, err := testApp(st).Translations(ctx, doc.ID, "kk")
		if err != nil {
			t.Fatal(err)
		}
		return findingIDs(list.Segments[0].Checks)
	}
	before := checks()
	if slices.Contains(before, qa.IDGlossaryMissing) {
		t.Fatalf("findings before the term: %v", before)
	}
	if again := checks(); !slices.Equal(again, before) {
		t.Fatalf("a second list (from the cache) shows %v, the first %v", again, before)
	}
	terms, err := testApp(st).AddTerms(ctx, admin, "kk", []glossary.Term{{Source: "семинар", Target: "семинар"}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := checks(); !slices.Contains(got, qa.IDGlossaryMissing) {
		t.Errorf("findings after adding the term: %v, want %s", got, qa.IDGlossaryMissing)
	}
	if err := testApp(st).DeleteTerm(ctx, admin, "kk", terms[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := checks(); !slices.Equal(got, before) {
		t.Errorf("findings after deleting the term: %v, want %v", got, before)
	}
}
