package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"tilmash/internal/store"
)

// cmdMigrate runs "tilmash migrate --db PATH [--status]": apply the pending
// schema migrations (serve and every command also do on open) and print the
// version reached, or with --status list each migration and change nothing.
func cmdMigrate(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("migrate")
	db := dbFlag(fs)
	status := fs.Bool("status", false, "list the migrations, applied or pending, without applying any")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"migrate takes no FILE; name the database with --db"}
	}
	if *status {
		return printSchemaStatus(ctx, *db, stdout)
	}
	v, err := store.Migrate(ctx, *db)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "schema version %d\n", v)
	return nil
}

// printSchemaStatus writes a table of the migrations, then the version the
// database is at and how many migrations it lacks.
func printSchemaStatus(ctx context.Context, db string, stdout io.Writer) error {
	list, err := store.SchemaStatus(ctx, db)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tNAME\tAPPLIED")
	var version int64
	pending := 0
	for _, m := range list {
		name, applied := m.Name, "pending"
		if name == "" {
			name = "(unknown to this tilmash)"
		}
		if m.Pending() {
			pending++
		} else {
			applied = m.AppliedAt.Format("2006-01-02 15:04:05 UTC")
			version = max(version, m.Version)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\n", m.Version, name, applied)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "schema version %d, %d pending\n", version, pending)
	return nil
}
