package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"tilmash/internal/app"

	"tilmash/internal/store"
	"tilmash/internal/workflow"
)

// cliActor is who the command line acts as: the operator at the machine,
// who holds the database file and so every right.
func cliActor() workflow.Actor {
	return workflow.Actor{Name: "cli", Roles: []workflow.Role{{Kind: workflow.Admin}}}
}

func cmdImport(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("import")
	db := dbFlag(fs)
	title := fs.String("title", "", "title of a new document")
	docID := fs.Int64("document", 0, "id of an existing document to revise")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"import needs exactly one FILE (use - for stdin)"}
	}
	if (*title == "") == (*docID == 0) {
		return usageError{"import needs either --title (a new document) or --document ID (a new revision)"}
	}
	text, err := readInput(fs.Arg(0))
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := openApp(ctx, st, app.Config{})
	if err != nil {
		return err
	}
	var doc app.DocumentView
	if *docID != 0 {
		// The command line revises what is current when it runs: an
		// operator's import is not a browser form left open for an hour.
		var cur app.DocumentView
		if cur, err = a.Document(ctx, *docID); err == nil {
			doc, err = a.ReviseDocument(ctx, cliActor(), *docID, cur.Revision, text)
		}
	} else {
		doc, err = a.CreateDocument(ctx, cliActor(), *title, text)
	}
	if err != nil {
		return err
	}
	for _, w := range doc.Warnings {
		fmt.Fprintf(os.Stderr, "warning: paragraph %d, character %d: %s\n", w.Paragraph, w.Offset, w.Message)
	}
	fmt.Fprintln(stdout, doc.ID)
	return nil
}

func readInput(path string) (string, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(os.Stdin)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return string(b), nil
}
