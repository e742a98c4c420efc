package store

import (
	"context"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the database at path to dst, while the
// service may be running and writing (SQLite's VACUUM INTO reads one
// snapshot). dst must not exist: a backup never overwrites a file. The copy
// is private (mode 0600) and on the disk when Backup returns.
func Backup(ctx context.Context, path, dst string) error {
	if dialectOf(path) == dialectPostgres {
		return errBackupPostgres
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("back up %s: %w", path, err)
	}
	if err := createPrivate(dst); err != nil {
		return fmt.Errorf("back up %s: %w", path, err)
	}
	db, err := openDB(path, Options{})
	if err != nil {
		os.Remove(dst)
		return err
	}
	sqlDB, err := db.DB()
	if err != nil {
		os.Remove(dst)
		return fmt.Errorf("back up %s: %w", path, err)
	}
	defer sqlDB.Close()
	if err := db.WithContext(ctx).Exec("VACUUM INTO ?", dst).Error; err != nil {
		os.Remove(dst)
		return fmt.Errorf("back up %s to %s: %w", path, dst, err)
	}
	if err := syncFile(dst); err != nil {
		return fmt.Errorf("back up %s: flush %s: %w", path, dst, err)
	}
	return nil
}
