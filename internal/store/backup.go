package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the database at path to dst, while the
// service may be running and writing (SQLite's VACUUM INTO reads one
// snapshot). dst must not exist: a backup never overwrites a file.
func Backup(ctx context.Context, path, dst string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("back up %s: %w", path, err)
	}
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("back up %s: %s exists; choose a new file name", path, dst)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("back up %s: %w", path, err)
	}
	db, err := openDB(path, Options{})
	if err != nil {
		return err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return fmt.Errorf("back up %s: %w", path, err)
	}
	defer sqlDB.Close()
	if err := db.WithContext(ctx).Exec("VACUUM INTO ?", dst).Error; err != nil {
		return fmt.Errorf("back up %s to %s: %w", path, dst, err)
	}
	return nil
}
