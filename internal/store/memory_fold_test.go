package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"tilmash/internal/workflow"
)

// TestFoldMemoryOnOpen: a database written before MemoryEntry.Folded existed
// (the column empty) is folded when it is opened, and searchable at once.
func TestFoldMemoryOnOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	admin := workflow.Actor{ID: 1, Name: "admin", Roles: []workflow.Role{{Kind: workflow.Admin}}}
	if _, err := st.ImportTMX(ctx, admin, "kk", strings.NewReader(tmxDoc(tu("Форум в АСТАНЕ.", "АСТАНАДАҒЫ форум.")))); err != nil {
		t.Fatal(err)
	}
	if err := st.db.Exec("UPDATE memory_entries SET folded = ''").Error; err != nil {
		t.Fatal(err)
	}
	if got, _ := st.SearchMemory(ctx, "kk", "в астане"); len(got) != 0 {
		t.Fatalf("an unfolded row was found: %+v", got)
	}
	st.Close()

	st, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.SearchMemory(ctx, "kk", "в астане")
	if err != nil || len(got) != 1 || got[0].Target != "АСТАНАДАҒЫ форум." {
		t.Fatalf("after reopening: %+v, %v", got, err)
	}
	// The separator between source and target never makes a match.
	if got, _ := st.SearchMemory(ctx, "kk", "астане.\x01астана"); len(got) != 0 {
		t.Errorf("a phrase across source and target matched: %+v", got)
	}
}
