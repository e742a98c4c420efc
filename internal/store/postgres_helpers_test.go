package store

import (
	"testing"

	"tilmash/internal/pgtest"
)

// pgURL is a new PostgreSQL database for t (pgtest: skipped without one,
// unless required).
func pgURL(t testing.TB) string { t.Helper(); return pgtest.URL(t) }
