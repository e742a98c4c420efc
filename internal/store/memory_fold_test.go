package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"tilmash/internal/tmx/tmxtest"

	"tilmash/internal/workflow"
)

// TestFoldMemoryMigration: a database at schema version 1 whose memory has
// MemoryEntry.Folded empty (written before the column was filled) is folded
// by migration 2 when it is opened, and searchable at once.
func TestFoldMemoryMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	admin := workflow.Actor{ID: 1, Name: "admin", Roles: []workflow.Role{{Kind: workflow.Admin}}}
	if _, err := testApp(st).ImportTMX(ctx, admin, "kk", strings.NewReader(tmxtest.Doc(tmxtest.TU("Форум в АСТАНЕ.", "АСТАНАДАҒЫ форум.")))); err != nil {
		t.Fatal(err)
	}
	// Back to version 1, as a database of then: later migrations' columns go too.
	for _, q := range []string{"UPDATE memory_entries SET folded = ''", "DELETE FROM goose_db_version WHERE version_id > 1",
		"DROP TABLE changes", "DROP INDEX idx_documents_activity_at", "ALTER TABLE documents DROP COLUMN archived_at",
		"ALTER TABLE documents DROP COLUMN archived_by", "ALTER TABLE documents DROP COLUMN activity_at",
		"ALTER TABLE documents DROP COLUMN search_text"} {
		if err := st.db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := testApp(st).SearchMemory(ctx, "kk", "в астане"); len(got) != 0 {
		t.Fatalf("an unfolded row was found: %+v", got)
	}
	st.Close()

	st, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := testApp(st).SearchMemory(ctx, "kk", "в астане")
	if err != nil || len(got) != 1 || got[0].Target != "АСТАНАДАҒЫ форум." {
		t.Fatalf("after reopening: %+v, %v", got, err)
	}
	// The separator between source and target never makes a match.
	if got, _ := testApp(st).SearchMemory(ctx, "kk", "астане.\x01астана"); len(got) != 0 {
		t.Errorf("a phrase across source and target matched: %+v", got)
	}
}
