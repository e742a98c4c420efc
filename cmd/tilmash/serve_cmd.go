package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"tilmash/internal/app"
	"tilmash/internal/webhook"
	"time"

	"tilmash/internal/metrics"
	"tilmash/internal/publish"
	"tilmash/internal/server"
	"tilmash/internal/store"
)

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	db := dbFlag(fs)
	demo := fs.Bool("demo", false, "load the demo announcement and demo users, printing fresh credentials")
	baseURL := fs.String("base-url", "", "public base URL for links (default: from each request's host)")
	var hooks listFlag
	fs.Var(&hooks, "webhook", "URL to POST a signed JSON notification to on each release (repeatable; TILMASH_WEBHOOK takes a comma-separated list)")
	hookSecret := fs.String("webhook-secret", "", "secret for the X-Tilmash-Signature HMAC-SHA256 of webhook bodies")
	hookTimeout := fs.Duration("webhook-timeout", 10*time.Second, "time one webhook attempt may take before it counts as failed")
	hookLease := fs.Duration("webhook-lease", 0, "how long a replica holds a webhook notification it is sending; if the replica dies mid-attempt, another sends it after this (0: the timeout + 30s; must exceed the timeout)")
	metricsAddr := fs.String("metrics-addr", "", "address of a separate listener serving Prometheus metrics at /metrics (off when empty), e.g. 127.0.0.1:9090")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	snapshot := fs.String("tm-snapshot", "", "PostgreSQL only: a local file where this replica keeps its translation-memory index between starts, so a restart loads it instead of building it (SQLite keeps it beside the database, DB.tm)")
	syncMode := fs.String("sqlite-sync", string(store.SyncFull), "full: every acknowledged write survives a power cut; normal: faster commits that survive a crash of the process only")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	sync, err := store.ParseSync(*syncMode)
	if err != nil {
		return usageError{"serve: --sqlite-sync: " + err.Error()}
	}
	log, err := newLogger(*logFormat, stderr)
	if err != nil {
		return err
	}
	st, err := store.OpenWith(ctx, *db, store.Options{Sync: sync, Memory: true, MemorySnapshot: *snapshot})
	if err != nil {
		return err
	}
	defer st.Close()
	var m *metrics.Metrics
	if *metricsAddr != "" {
		m = metrics.New(st)
		stopMetrics, err := serveMetrics(*metricsAddr, m, log, stdout)
		if err != nil {
			return err
		}
		defer stopMetrics()
	}
	webhooks := publish.Webhooks{URLs: hooks, Secret: *hookSecret, Timeout: *hookTimeout, Lease: *hookLease}
	dispatcher, err := webhook.New(webhooks, st, log, m)
	if err != nil {
		return err
	}
	defer dispatcher.Close() // stops webhook retries; runs before the store's deferred Close
	a, err := openApp(ctx, st, app.Config{Observer: m, Log: log, Webhooks: webhooks, Wake: dispatcher.Wake})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	url := "http://" + ln.Addr().String()
	if *baseURL != "" {
		url = *baseURL
	}
	if *demo {
		if err := loadDemo(ctx, st, a, url, stdout); err != nil {
			ln.Close()
			return err
		}
	}
	srv, err := server.New(server.Config{BaseURL: *baseURL, Metrics: m}, a, log)
	if err != nil {
		ln.Close()
		return err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: time.Minute}
	fmt.Fprintf(stdout, "Tilmash is listening on %s (database %s)\n", url, *db)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	// The next start loads the memory from this snapshot instead of rebuilding it.
	if err := st.SaveMemorySnapshot(context.Background()); err != nil {
		log.Warn("translation memory snapshot not saved", "err", err)
	}
	fmt.Fprintln(stdout, "Tilmash stopped")
	return nil
}

// newLogger makes the process's logger: one line per record, as text or JSON.
func newLogger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, usageError{fmt.Sprintf("--log-format is text or json, not %q", format)}
}

// serveMetrics answers /metrics on its own listener, so the metrics are never
// reachable through the public address; the returned func stops it.
func serveMetrics(addr string, m *metrics.Metrics, log *slog.Logger, stdout io.Writer) (func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen for metrics on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics listener", "err", err)
		}
	}()
	fmt.Fprintf(stdout, "Metrics on http://%s/metrics\n", ln.Addr())
	return func() { hs.Close() }, nil
}
