// Command tilmash is the Tilmash translation workflow service and its tools.
//
//	tilmash serve    [--addr 127.0.0.1:8080] [--db tilmash.db] [--demo]
//	tilmash segment  < text.txt
//	tilmash import   --db PATH --title TITLE FILE
//	tilmash import   --db PATH --document ID FILE
//	tilmash user add --db PATH --name NAME --role ROLE [--role ROLE ...] [--password-stdin]
//	tilmash backup   --db PATH FILE
//	tilmash restore  --db PATH [--force] FILE
//	tilmash migrate  --db PATH [--status]
//	tilmash copy     --from DB --to DB
//	tilmash loadtest [--phases w1,w16,w16+r16] [--duration 5s] [--addr 127.0.0.1:PORT --db PATH]
//
// Every flag may also come from a TILMASH_* environment variable
// (TILMASH_DB, TILMASH_ADDR, ...); a flag on the command line wins.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprintln(os.Stderr, "tilmash:", err)
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "tilmash:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  tilmash serve    [--addr 127.0.0.1:8080] [--db tilmash.db] [--demo] [--base-url URL] [--sqlite-sync full|normal]
                   [--metrics-addr 127.0.0.1:9090] [--log-format text|json]
  tilmash segment  [--lang ru] [--explain] < text.txt
  tilmash import   --db PATH --title TITLE FILE      (a new document; prints its id)
  tilmash import   --db PATH --document ID FILE      (a new revision of a document)
  tilmash user add --db PATH --name NAME --role ROLE [--role ROLE ...] [--password-stdin]
  tilmash xliff export --db PATH --document ID --lang LANG [--format 2.1|1.2]   (to stdout)
  tilmash xliff import --db PATH --user NAME FILE
  tilmash tm export --db PATH --lang LANG                                      (TMX 1.4b to stdout)
  tilmash tm import --db PATH --lang LANG [--user NAME] FILE
  tilmash backup   --db PATH FILE                    (a consistent copy, safe while serve runs)
  tilmash restore  --db PATH [--force] FILE          (checks the backup; refused while serve runs)
  tilmash migrate  --db PATH [--status]              (apply pending schema migrations, as every command does
                                                      on open, and print the version; --status lists them)
  tilmash copy     --from DB --to DB                 (every row into a new database: SQLite file or postgres:// URL)
  tilmash loadtest [--phases w1,w16,w16+r16,s4] [--duration 5s] [--requests N] [--sqlite-sync full|normal]
                   [--addr 127.0.0.1:PORT --db PATH]  (load a loopback service; bounded; prints p50/p99)

Roles: admin, publisher, translator:LANG, reviewer:LANG.
Flags may also be set as TILMASH_<FLAG> environment variables (TILMASH_DB, TILMASH_ADDR, ...).`

type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg + "\n" + usage }

// run dispatches a subcommand; it is main without the process around it, so tests can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"no command given"}
	}
	switch args[0] {
	case "serve":
		return cmdServe(ctx, args[1:], stdout, stderr)
	case "segment":
		return cmdSegment(args[1:], stdin, stdout)
	case "import":
		return cmdImport(ctx, args[1:], stdout)
	case "user":
		if len(args) < 2 || args[1] != "add" {
			return usageError{"unknown user command; try: tilmash user add"}
		}
		return cmdUserAdd(ctx, args[2:], stdin, stdout)
	case "backup":
		return cmdBackup(ctx, args[1:], stdout)
	case "restore":
		return cmdRestore(ctx, args[1:], stdout)
	case "migrate":
		return cmdMigrate(ctx, args[1:], stdout)
	case "copy":
		return cmdCopy(ctx, args[1:], stdout)
	case "xliff":
		return cmdXLIFF(ctx, args[1:], stdin, stdout)
	case "tm":
		return cmdTM(ctx, args[1:], stdin, stdout)
	case "loadtest":
		return cmdLoadtest(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}
