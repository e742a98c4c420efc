package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"tilmash/internal/loadtest"
)

// cmdLoadtest runs the load tool against this binary's `serve` (started on a
// temporary database, or on --db, by one or several replicas) or against a
// running service on a loopback address.
func cmdLoadtest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("loadtest")
	addr := fs.String("addr", "", "a running service on a loopback address (default: start one on 127.0.0.1:0 with a temporary database)")
	db := fs.String("db", "", "the database the run adds its users to: with --addr, the running service's; without, the one the started services use "+
		"(default: a temporary SQLite file; a postgres:// URL names a database given over to the run)")
	replicas := fs.Int("replicas", 1, "start this many services on --db (more than one needs a postgres:// URL); clients are spread over them")
	exe := fs.String("exe", "", "the tilmash binary that serves and adds users (default: this one)")
	sync := fs.String("sqlite-sync", "", "for a started service: its --sqlite-sync (full or normal; default: serve's own default)")
	phases := fs.String("phases", loadtest.DefaultPhases, "phases in turn: w<N> writers, r<N> readers, s<N> signing in, joined by + (e.g. w16+r16,s4)")
	duration := fs.Duration("duration", loadtest.DefaultDuration, "how long each phase runs")
	requests := fs.Int("requests", loadtest.DefaultRequests, "at most this many requests in each phase")
	segments := fs.Int("segments", loadtest.DefaultSegments, "segments in the document the phases share")
	lang := fs.String("lang", loadtest.DefaultLang, "the target language written and read")
	serverLog := fs.Bool("server-log", false, "copy a started service's log to stderr")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"loadtest takes no arguments"}
	}
	ps, err := loadtest.ParsePhases(*phases)
	if err != nil {
		return usageError{"loadtest: " + err.Error()}
	}
	if *addr != "" {
		if err := loadtest.CheckLoopback(*addr); err != nil {
			return usageError{"loadtest: " + err.Error()}
		}
		if *sync != "" {
			return usageError{"loadtest: --sqlite-sync applies to a service the tool starts, not to --addr"}
		}
	}
	cfg := loadtest.Config{Exe: *exe, Addr: *addr, DB: *db, Phases: ps, Duration: *duration, Requests: *requests,
		Segments: *segments, Lang: *lang, Replicas: *replicas, Out: stdout}
	if cfg.Exe == "" {
		if cfg.Exe, err = os.Executable(); err != nil {
			return fmt.Errorf("loadtest: find this binary: %w", err)
		}
	}
	if *sync != "" {
		cfg.ServeArgs = []string{"--sqlite-sync", *sync}
	}
	if *serverLog {
		cfg.ServerLog = stderr
	}
	res, err := loadtest.Run(ctx, cfg)
	if err != nil {
		return fmt.Errorf("loadtest: %w", err)
	}
	if res.Failed() {
		return errors.New("loadtest: some requests failed or acknowledged saves are missing (see above)")
	}
	return nil
}
