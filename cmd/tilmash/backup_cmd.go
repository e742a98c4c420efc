package main

import (
	"context"
	"fmt"
	"io"

	"tilmash/internal/store"
)

// cmdBackup runs "tilmash backup --db PATH FILE": a consistent copy of the
// database, safe while the service runs.
func cmdBackup(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("backup")
	db := fs.String("db", "tilmash.db", "SQLite database file (on PostgreSQL, use pg_dump)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"backup needs one FILE to write the copy to"}
	}
	if err := store.Backup(ctx, *db, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s\n", *db, fs.Arg(0))
	return nil
}
