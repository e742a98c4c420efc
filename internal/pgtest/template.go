package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
)

// Template is a database prepared once per test binary (migrated, say),
// of which each test gets a copy: CREATE DATABASE … TEMPLATE copies files
// and is much quicker than preparing a database per test.
type Template struct {
	prepare func(url string) error
	once    sync.Once
	name    string
	err     error
}

// NewTemplate is a template that prepare fills the first time a test asks
// for a copy. prepare must close its connections before it returns: a
// template with a session open cannot be copied.
func NewTemplate(prepare func(url string) error) *Template {
	return &Template{prepare: prepare}
}

// URL returns the URL of a new database copied from the template, dropped
// when tb ends; it skips or fails tb as URL does without PostgreSQL.
func (tp *Template) URL(tb testing.TB) string {
	tb.Helper()
	ensureServer(tb) // before once: a skip inside it would leave it done, with no template
	tp.once.Do(func() { tp.name, tp.err = tp.make() })
	if tp.err != nil {
		tb.Fatalf("pgtest: template: %v", tp.err)
	}
	return createDatabase(tb, "TEMPLATE "+tp.name)
}

// make creates the template database and prepares it; Main drops it.
func (tp *Template) make() (string, error) {
	name := "tmpl_" + randomHex(8)
	admin, err := sql.Open("pgx", srv.baseURL)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	if _, err := admin.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	srv.mu.Lock()
	srv.templates = append(srv.templates, name)
	srv.mu.Unlock()
	if err := tp.prepare(withDatabase(srv.baseURL, name)); err != nil {
		return "", fmt.Errorf("prepare %s: %w", name, err)
	}
	return name, nil
}
