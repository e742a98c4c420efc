package tmbench

import (
	"os"
	"testing"

	"tilmash/internal/pgtest"
)

// TestMain stops the throwaway PostgreSQL cluster a benchmark started.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
