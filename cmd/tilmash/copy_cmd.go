package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"tilmash/internal/store"
)

// cmdCopy runs "tilmash copy --from SRC --to DST": every row of one
// installation's database into another's, new one (a SQLite file or a
// postgres:// URL either way), counted on both sides.
func cmdCopy(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("copy")
	from := fs.String("from", "", "the database to copy: a SQLite file or a postgres:// URL")
	to := fs.String("to", "", "the new database to copy into: a SQLite file or a postgres:// URL")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" || fs.NArg() != 0 {
		return usageError{"copy needs --from DB and --to DB, and no other argument"}
	}
	if !strings.Contains(*from, "://") { // a SQLite file: open would make a new, empty one
		if _, err := os.Stat(*from); err != nil {
			return fmt.Errorf("copy: %w", err)
		}
	}
	src, err := store.Open(ctx, *from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.Open(ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	counts, err := src.CopyTo(ctx, dst)
	if err != nil {
		return err
	}
	var total int64
	for _, c := range counts {
		fmt.Fprintf(stdout, "%-20s %d\n", c.Table, c.Rows)
		total += c.Rows
	}
	fmt.Fprintf(stdout, "copied %d rows; the counts agree on both sides\n", total)
	return nil
}
