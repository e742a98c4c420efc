package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// newFlags makes a flag set whose flags take their defaults from TILMASH_*
// environment variables, so configuration has one path: flags over env over defaults.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// dbFlag is the --db flag of the commands that open the database: a SQLite
// file path or a postgres:// URL (also TILMASH_DB).
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "tilmash.db", "the database: a SQLite file path, or a postgres://user@host:port/db?sslmode=... URL")
}

// parseFlags applies environment variables, then the command line.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		env := "TILMASH_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := os.LookupEnv(env); ok && envErr == nil {
			if err := fs.Set(f.Name, v); err != nil {
				envErr = fmt.Errorf("%s: %w", env, err)
			}
		}
	})
	if envErr != nil {
		return usageError{envErr.Error()}
	}
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Sprintf("%s: %v", fs.Name(), err)}
	}
	return nil
}

// listFlag collects a repeated flag; a value from the environment may hold
// several entries separated by commas.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		if p := strings.TrimSpace(part); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}
