package tmbench

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"tilmash/internal/tm"
	"tilmash/internal/tm/tmsynth"
)

// trgmSetup is the time each side took to get ready for its first lookup.
type trgmSetup struct {
	copy, gin   time.Duration // COPY of the memory; CREATE INDEX … gin_trgm_ops
	read, build time.Duration // Tilmash: SELECT of the memory table; tm.Index.AddBatch
}

// loadMemory copies sources, with their pseudo-translations, into a table tm_unit and builds
// pg_trgm's GIN index on the source, as a peer keeps its memory. maintenance_work_mem is raised to
// 256 MB for the build, as a deployment of a 1M-unit memory would.
func loadMemory(b *testing.B, ctx context.Context, conn *pgx.Conn, sources []string) trgmSetup {
	b.Helper()
	exec(b, ctx, conn, "CREATE EXTENSION pg_trgm")
	// pg_trgm takes its word characters from the database's locale: one that does not know
	// Cyrillic letters would leave it nothing to index, and the comparison would be void.
	var grams int
	if err := conn.QueryRow(ctx, "SELECT cardinality(show_trgm('Гостей'))").Scan(&grams); err != nil || grams != 7 {
		b.Fatalf("pg_trgm sees %d trigrams in a Cyrillic word, want 7 (the database's locale?): %v", grams, err)
	}
	exec(b, ctx, conn, "CREATE TABLE tm_unit (id bigint PRIMARY KEY, source text NOT NULL, target text NOT NULL)")
	var st trgmSetup
	start := time.Now()
	i := 0
	n, err := conn.CopyFrom(ctx, pgx.Identifier{"tm_unit"}, []string{"id", "source", "target"},
		pgx.CopyFromFunc(func() ([]any, error) {
			if i == len(sources) {
				return nil, nil
			}
			i++
			return []any{int64(i), sources[i-1], tmsynth.Translate(sources[i-1])}, nil
		}))
	if err != nil || int(n) != len(sources) {
		b.Fatalf("copy %d units: copied %d: %v", len(sources), n, err)
	}
	st.copy = time.Since(start)
	exec(b, ctx, conn, "SET maintenance_work_mem = '256MB'")
	start = time.Now()
	exec(b, ctx, conn, "CREATE INDEX tm_unit_source_trgm ON tm_unit USING gin (source gin_trgm_ops)")
	st.gin = time.Since(start)
	exec(b, ctx, conn, "VACUUM ANALYZE tm_unit")
	exec(b, ctx, conn, "SET pg_trgm.similarity_threshold = 0.5")
	return st
}

// readIndex builds Tilmash's index as a process does at start: from the rows of the memory table.
func readIndex(b *testing.B, ctx context.Context, conn *pgx.Conn, st *trgmSetup) *tm.Index {
	b.Helper()
	created := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	start := time.Now()
	rows, err := conn.Query(ctx, "SELECT id, source, target FROM tm_unit ORDER BY id")
	if err != nil {
		b.Fatalf("read the memory: %v", err)
	}
	var entries []tm.Entry
	for rows.Next() {
		e := tm.Entry{Origin: "doc", Author: "translator"}
		if err := rows.Scan(&e.ID, &e.Source, &e.Target); err != nil {
			b.Fatalf("read the memory: %v", err)
		}
		e.Created = created.Add(time.Duration(e.ID) * time.Minute)
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		b.Fatalf("read the memory: %v", err)
	}
	st.read = time.Since(start)
	start = time.Now()
	x := tm.NewIndex()
	x.AddBatch(entries)
	st.build = time.Since(start)
	return x
}

func exec(b *testing.B, ctx context.Context, conn *pgx.Conn, sql string) {
	b.Helper()
	if _, err := conn.Exec(ctx, sql); err != nil {
		b.Fatalf("%s: %v", sql, err)
	}
}
