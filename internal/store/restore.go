package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// RestoreOptions says how Restore may treat the database it replaces.
type RestoreOptions struct {
	// Force replaces an existing database; without it Restore refuses.
	Force bool
}

// Restore puts the backup at src in place of the database at path. It
// checks the backup first (PRAGMA integrity_check, and that it holds a
// Tilmash schema), refuses while any tilmash process has the database open,
// never overwrites an existing database without opts.Force, and replaces it
// in one rename, so a crash leaves either the old or the restored database.
// The old WAL and shared-memory files and the memory snapshot go with the
// old database.
func Restore(ctx context.Context, path, src string, opts RestoreOptions) error {
	if dialectOf(path) == dialectPostgres {
		return errBackupPostgres
	}
	if err := checkBackup(ctx, src); err != nil {
		return err
	}
	existing, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("restore to %s: %w", path, err)
	case existing.Size() > 0 && !opts.Force:
		return fmt.Errorf("restore to %s: the database exists; add --force to replace it with %s", path, src)
	}
	if existing != nil {
		lock, err := exclusiveLock(path)
		if err != nil {
			return fmt.Errorf("restore to %s: %w", path, err)
		}
		defer lock.Close()
	}
	tmp, err := copyPrivate(src, filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("restore to %s: %w", path, err)
	}
	defer os.Remove(tmp) // a no-op once renamed
	// The memory snapshot describes the old database; the next start builds a new one.
	for _, p := range []string{path + "-wal", path + "-shm", path + ".tm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("restore to %s: remove the old %s: %w", path, p, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("restore to %s: %w", path, err)
	}
	if err := syncFile(filepath.Dir(path)); err != nil {
		return fmt.Errorf("restore to %s: flush the directory: %w", path, err)
	}
	return nil
}

// checkBackup opens src read-only and refuses it unless SQLite finds it
// intact and it has Tilmash's tables.
func checkBackup(ctx context.Context, src string) error {
	if _, err := os.Stat(src); err != nil {
		return fmt.Errorf("restore from %s: %w", src, err)
	}
	db, err := sql.Open(foldDriver(), "file:"+src+"?"+url.Values{"mode": {"ro"}}.Encode())
	if err != nil {
		return fmt.Errorf("restore from %s: %w", src, err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("restore from %s: not a readable SQLite database: %w", src, err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return fmt.Errorf("restore from %s: %w", src, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("restore from %s: %w", src, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("restore from %s: the backup is damaged (integrity_check: %s)", src, strings.Join(problems, "; "))
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('documents', 'translations', 'users')`).Scan(&n); err != nil || n != 3 {
		return fmt.Errorf("restore from %s: not a Tilmash database (no documents, translations and users tables)", src)
	}
	return nil
}

// copyPrivate copies src to a new file in dir (os.CreateTemp makes it
// 0600) and flushes it.
func copyPrivate(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, ".tilmash-restore-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Name(), nil
}
