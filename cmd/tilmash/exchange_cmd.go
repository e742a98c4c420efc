package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"tilmash/internal/app"

	"tilmash/internal/store"
	"tilmash/internal/workflow"
	"tilmash/internal/xliff"
)

// cmdXLIFF runs "tilmash xliff export|import".
func cmdXLIFF(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError{"xliff needs a command: export or import"}
	}
	switch args[0] {
	case "export":
		return cmdXLIFFExport(ctx, args[1:], stdout)
	case "import":
		return cmdXLIFFImport(ctx, args[1:], stdin, stdout)
	}
	return usageError{fmt.Sprintf("unknown xliff command %q; try: tilmash xliff export|import", args[0])}
}

func cmdXLIFFExport(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("xliff export")
	db := dbFlag(fs)
	docID := fs.Int64("document", 0, "id of the document")
	lang := fs.String("lang", "", "target language, e.g. kk")
	format := fs.String("format", "2.1", "XLIFF version: 2.1 or 1.2")
	target := fs.String("target", "source", "1.2 only: target of untranslated units, a copy of the source (OmegaT, memoQ, Trados) or empty")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *docID <= 0 || *lang == "" || fs.NArg() != 0 {
		return usageError{"xliff export needs --document ID and --lang LANG, and no FILE (it writes to stdout)"}
	}
	f, err := xliff.ParseFormat(*format)
	if err != nil {
		return usageError{err.Error()}
	}
	fill, err := xliff.ParseTargetFill(*target)
	if err != nil {
		return usageError{err.Error()}
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
	exp, err := a.XLIFFUnits(ctx, *docID, *lang)
	if err != nil {
		return err
	}
	if exp.Replaced > 0 {
		fmt.Fprintf(os.Stderr, "warning: %d characters that XML cannot carry were replaced by U+FFFD in the export\n", exp.Replaced)
	}
	exp.Fill = fill
	return exp.Write(stdout, f)
}

func cmdXLIFFImport(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("xliff import")
	db := dbFlag(fs)
	user := fs.String("user", "", "name of the user the translations are saved as")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *user == "" || fs.NArg() != 1 {
		return usageError{"xliff import needs --user NAME and exactly one FILE (use - for stdin)"}
	}
	return importFile(ctx, *db, fs.Arg(0), *user, stdin, func(a *app.App, actor workflow.Actor, in io.Reader) error {
		res, err := a.ImportXLIFF(ctx, actor, 0, "", in, xliff.DefaultLimit)
		if err != nil {
			return err
		}
		printXLIFFResult(stdout, res)
		return nil
	})
}

// printXLIFFResult lists conflicts, the other units not saved (unchanged
// ones are only counted) and check findings, then the summary as the last
// line, which scripts may rely on.
func printXLIFFResult(w io.Writer, res app.XLIFFImportResult) {
	for _, c := range res.Conflicts {
		switch {
		case c.Reason == app.SourceChanged && c.Segment == 0:
			fmt.Fprintf(w, "conflict s%d: the Russian sentence was deleted since the export; yours, not saved: %q\n", c.ID, c.Yours)
		case c.Reason == app.SourceChanged:
			fmt.Fprintf(w, "conflict s%d: the Russian sentence was corrected since the export; it is now s%d: %q; yours, not saved: %q\n",
				c.ID, c.Segment, c.NewSource, c.Yours)
		default:
			fmt.Fprintf(w, "conflict s%d: changed in Tilmash since the export (now version %d, %s by %s: %q); yours, not saved: %q\n",
				c.ID, c.Current.Version, c.Current.State, c.Current.Author, c.Current.Target, c.Yours)
		}
	}
	for _, n := range res.NotSaved {
		switch app.Outcome(n.Reason) {
		case app.OutcomeCopiedSource:
			fmt.Fprintf(w, "not saved s%d: the target is a copy of the source\n", n.ID)
		case app.OutcomeEmpty:
			fmt.Fprintf(w, "not saved s%d: the target is empty\n", n.ID)
		case app.OutcomeRefused:
			fmt.Fprintf(w, "not saved s%d: %s\n", n.ID, n.Message)
		}
	}
	for _, sc := range res.Checks {
		for _, f := range sc.Checks {
			fmt.Fprintf(w, "check s%d: %s: %s\n", sc.ID, f.Severity, f.Message)
		}
	}
	fmt.Fprintln(w, res.Summary())
}

// openInput opens a FILE argument; "-" is stdin.
func openInput(path string, stdin io.Reader) (io.ReadCloser, error) {
	if path == "-" {
		return io.NopCloser(stdin), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return f, nil
}

// cmdTM runs "tilmash tm export|import".
func cmdTM(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError{"tm needs a command: export or import"}
	}
	switch args[0] {
	case "export":
		return cmdTMExport(ctx, args[1:], stdout)
	case "import":
		return cmdTMImport(ctx, args[1:], stdin, stdout)
	}
	return usageError{fmt.Sprintf("unknown tm command %q; try: tilmash tm export|import", args[0])}
}

func cmdTMExport(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("tm export")
	db := dbFlag(fs)
	lang := fs.String("lang", "", "target language of the memory, e.g. kk")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *lang == "" || fs.NArg() != 0 {
		return usageError{"tm export needs --lang LANG, and no FILE (it writes to stdout)"}
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
	return a.ExportTMX(ctx, *lang, stdout)
}

func cmdTMImport(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("tm import")
	db := dbFlag(fs)
	lang := fs.String("lang", "", "target language of the memory, e.g. kk")
	user := fs.String("user", "", "name of the user the entries are recorded as (default: the operator, \"cli\")")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *lang == "" || fs.NArg() != 1 {
		return usageError{"tm import needs --lang LANG and exactly one FILE (use - for stdin)"}
	}
	return importFile(ctx, *db, fs.Arg(0), *user, stdin, func(a *app.App, actor workflow.Actor, in io.Reader) error {
		res, err := a.ImportTMX(ctx, actor, *lang, in)
		if err != nil {
			return err
		}
		if res.Duplicates+res.Skipped > 0 {
			fmt.Fprintf(stdout, "duplicates %d, skipped %d (empty %d, other languages %d)\n",
				res.Duplicates, res.Skipped, res.SkippedBy.Empty, res.SkippedBy.OtherLanguages)
		}
		fmt.Fprintf(stdout, "imported %d\n", res.Imported)
		return nil
	})
}

// importFile opens the FILE argument ("-" is stdin) and the database, and
// runs fn as the named user, or as the operator (cliActor) when user is "".
func importFile(ctx context.Context, db, path, user string, stdin io.Reader, fn func(*app.App, workflow.Actor, io.Reader) error) error {
	in, err := openInput(path, stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := store.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := openApp(ctx, st, app.Config{})
	if err != nil {
		return err
	}
	actor := cliActor()
	if user != "" {
		if actor, err = a.ActorByName(ctx, user); err != nil {
			return err
		}
	}
	return fn(a, actor, in)
}
