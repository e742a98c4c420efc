package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkOpenFresh opens and closes a new database: what every test that
// needs a store pays, so the schema set-up at Open must stay cheap.
func BenchmarkOpenFresh(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		st, err := Open(ctx, filepath.Join(dir, fmt.Sprintf("fresh-%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenExisting opens and closes a database whose schema is
// current: what every CLI command and every start of serve pays.
func BenchmarkOpenExisting(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "existing.db")
	st, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		st, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
