// Package pgtest gives tests a fresh PostgreSQL database: the server named
// by TILMASH_TEST_POSTGRES_URL, or a throwaway cluster that the test binary
// starts once (initdb and pg_ctl in a temporary directory) and stops when
// it ends. Without PostgreSQL the tests skip, unless
// TILMASH_POSTGRES_TESTS=required, where they fail: CI must not pass by
// skipping them.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for CREATE DATABASE
)

// EnvURL names a server to use instead of starting a cluster; EnvRequired
// set to "required" makes a missing PostgreSQL a failure, not a skip.
const (
	EnvURL      = "TILMASH_TEST_POSTGRES_URL"
	EnvRequired = "TILMASH_POSTGRES_TESTS"
)

// server is the binary's one PostgreSQL: started (or found) at the first
// URL call and stopped by Main.
type server struct {
	once    sync.Once
	baseURL string   // a URL of the server's maintenance database
	cluster *cluster // nil when the server came from EnvURL
	err     error

	mu        sync.Mutex
	templates []string // the Template databases made, dropped by Main
}

// Main runs a test binary's tests and then stops the cluster they started,
// if any: call it from TestMain as os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	srv.dropTemplates()
	if c := srv.cluster; c != nil {
		if err := c.stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
	}
	return code
}

// srv is per test binary by nature: a cluster is a process outside it,
// started at most once and stopped by Main.
var srv server

// URL returns the URL of a new, empty database for t, dropped when t ends.
// It skips t (or fails it, when PostgreSQL tests are required) when no
// PostgreSQL can be had.
func URL(t testing.TB) string {
	t.Helper()
	return createDatabase(t, "")
}

// ensureServer starts (or finds) the server at its first call; it skips t,
// or fails it when PostgreSQL tests are required, when there is none.
func ensureServer(t testing.TB) {
	t.Helper()
	srv.once.Do(srv.start)
	if srv.err != nil {
		if os.Getenv(EnvRequired) == "required" {
			t.Fatalf("PostgreSQL is required (%s=required) but not available: %v", EnvRequired, srv.err)
		}
		t.Skipf("no PostgreSQL (%v): set %s, or install Debian's postgresql package", srv.err, EnvURL)
	}
}

// createDatabase creates a database for t with the CREATE DATABASE options
// opts (as "TEMPLATE x"), drops it when t ends and returns its URL.
func createDatabase(t testing.TB, opts string) string {
	t.Helper()
	ensureServer(t)
	name := "t_" + randomHex(8)
	admin, err := sql.Open("pgx", srv.baseURL)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer admin.Close()
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name+" "+opts); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", srv.baseURL)
		if err != nil {
			return
		}
		defer admin.Close()
		// WITH (FORCE) ends connections a failed test left open.
		if _, err := admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Logf("pgtest: drop database %s: %v", name, err)
		}
	})
	return withDatabase(srv.baseURL, name)
}

// dropTemplates drops the templates the tests made: on a server of EnvURL
// they would outlive the run (a cluster goes with its directory anyway).
func (s *server) dropTemplates() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.templates) == 0 || s.cluster != nil {
		return
	}
	admin, err := sql.Open("pgx", s.baseURL)
	if err != nil {
		return
	}
	defer admin.Close()
	for _, name := range s.templates {
		if _, err := admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest: drop template:", err)
		}
	}
}

func (s *server) start() {
	if u := os.Getenv(EnvURL); u != "" {
		s.baseURL = u
		return
	}
	s.cluster, s.err = startCluster()
	if s.err == nil {
		s.baseURL = s.cluster.url()
	}
}

// withDatabase is u with its database (the path) replaced by name.
func withDatabase(u, name string) string {
	parsed, err := url.Parse(u)
	if err != nil || !strings.HasPrefix(parsed.Scheme, "postgres") {
		return u // not a URL we can edit: a test will fail on it with the driver's message
	}
	parsed.Path = "/" + name
	return parsed.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
