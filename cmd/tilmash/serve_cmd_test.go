package main

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeSyncFlag: an unknown --sqlite-sync (or TILMASH_SQLITE_SYNC) is a
// usage error, caught before the database is opened.
func TestServeSyncFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tilmash.db")
	err := run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--db", db, "--sqlite-sync", "off"},
		strings.NewReader(""), io.Discard, io.Discard)
	var u usageError
	if !errors.As(err, &u) || !strings.Contains(err.Error(), `unknown SQLite sync mode "off"`) {
		t.Errorf("serve --sqlite-sync off: %v, want a usage error naming the mode", err)
	}
	t.Setenv("TILMASH_SQLITE_SYNC", "sometimes")
	err = run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--db", db},
		strings.NewReader(""), io.Discard, io.Discard)
	if !errors.As(err, &u) || !strings.Contains(err.Error(), `"sometimes"`) {
		t.Errorf("TILMASH_SQLITE_SYNC=sometimes: %v, want a usage error", err)
	}
}
