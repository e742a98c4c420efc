package main

import (
	"context"
	"fmt"
	"io"

	"tilmash/internal/store"
)

// cmdRestore runs "tilmash restore --db PATH [--force] FILE": the backup FILE
// replaces the database, once it is checked and no tilmash has it open.
func cmdRestore(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("restore")
	db := fs.String("db", "tilmash.db", "SQLite database file to restore into")
	force := fs.Bool("force", false, "replace an existing database")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"restore needs one FILE: a backup made by tilmash backup"}
	}
	if err := store.Restore(ctx, *db, fs.Arg(0), store.RestoreOptions{Force: *force}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", *db, fs.Arg(0))
	return nil
}
