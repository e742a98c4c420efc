package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"tilmash/internal/workflow"
)

// TestBackup copies a database that is open and in use; the copy opens as a
// store with the same documents, and an existing file is never overwritten.
func TestBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "tilmash.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	press := workflow.Actor{ID: 1, Name: "press", Roles: []workflow.Role{{Kind: workflow.Publisher}}}
	if _, err := testApp(st).CreateDocument(ctx, press, "Семинар", "Первое предложение. Второе.\nТретье."); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "backup.db")
	if err := Backup(ctx, path, dst); err != nil {
		t.Fatal(err)
	}
	copyStore, err := Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer copyStore.Close()
	docs, err := copyStore.Documents(ctx)
	if err != nil || len(docs) != 1 || docs[0].Title != "Семинар" {
		t.Fatalf("the backup holds %+v, %v", docs, err)
	}
	if err := Backup(ctx, path, dst); err == nil || !strings.Contains(err.Error(), "exists; choose a new file name") {
		t.Errorf("a second backup onto the same file: %v", err)
	}
	if err := Backup(ctx, filepath.Join(dir, "missing.db"), filepath.Join(dir, "b2.db")); err == nil {
		t.Error("a backup of a missing database succeeded")
	}
}
