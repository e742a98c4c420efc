package tmbench

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"tilmash/internal/pgtest"
	"tilmash/internal/tm/tmsynth"
)

// The peer's lookup: candidates sharing trigrams through the GIN index, at
// pg_trgm.similarity_threshold (0.5, set by loadMemory), the five most similar by trigrams.
const trgmLookup = "SELECT id, source FROM tm_unit WHERE source % $1 ORDER BY similarity(source, $1) DESC LIMIT 5"

const (
	limit    = 5
	minScore = 75
)

// BenchmarkPgTrgm sets Tilmash's index beside a PostgreSQL table with a pg_trgm GIN index, the
// way Weblate, Pontoon and Tolgee look up their memories, in one run on one memory: the
// 1,000,000 units of synthetic press text of tm's BenchmarkTMLookup (TILMASH_TRGM_ENTRIES sets
// another size) and its 500 queries. pg_trgm answers the first TILMASH_TRGM_QUERIES of them
// (default 100: each takes up to seconds at 1M), each asked of Tilmash just before (tm-p50-ms,
// tm-p95-ms and the speed-ups compare the two on this sample); then Tilmash alone answers all
// 500 (tm-all-*). Percentiles are of wall time at the client (pgx on loopback for PostgreSQL; the
// call for Tilmash). recall is Tilmash's recall of pg_trgm's matches that score >= 75 under
// Tilmash's own score (tm.Score): held in its top 5, or outranked by a full top 5 of higher
// scores; recall-strict counts held only; trgm-recall is the converse. Needs PostgreSQL with its
// contrib extensions (see internal/pgtest); skips without it.
func BenchmarkPgTrgm(b *testing.B) {
	size := envInt(b, "TILMASH_TRGM_ENTRIES", 1_000_000)
	url := pgtest.URL(b)
	ctx := context.Background()
	sources := tmsynth.New(1).PressCorpus(size)
	queries := tmsynth.New(2).Queries(sources, 500)
	sample := min(envInt(b, "TILMASH_TRGM_QUERIES", 100), len(queries))
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		b.Fatalf("connect: %v", err)
	}
	defer conn.Close(context.Background())
	setup := loadMemory(b, ctx, conn, sources)
	sources = nil // the index holds its own copy, read back from the table
	x := readIndex(b, ctx, conn, &setup)
	b.Logf("%d units; pg_trgm on the first %d of %d queries, Tilmash on all of them", size, sample, len(queries))
	b.Logf("pg_trgm's plan:\n%s", explain(b, ctx, conn, queries[0]))

	var trgmT, tmT, tmAll []time.Duration
	agree := agreement{limit: limit, minScore: minScore}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for b.Loop() {
		// the sample, each query asked of both in turn
		for _, q := range queries[:sample] {
			start := time.Now()
			got := x.Lookup(q, limit, minScore)
			tmT = append(tmT, time.Since(start))
			start = time.Now()
			rows := lookupTrgm(b, ctx, conn, q)
			trgmT = append(trgmT, time.Since(start))
			agree.add(q, got, rows)
		}
		// every query of Tilmash alone, as BenchmarkTMLookup asks them, with PostgreSQL idle
		for _, q := range queries {
			start := time.Now()
			x.Lookup(q, limit, minScore)
			tmAll = append(tmAll, time.Since(start))
		}
	}

	b.ReportMetric(float64(sample), "trgm-queries")
	b.ReportMetric(percentileMS(trgmT, 50), "trgm-p50-ms")
	b.ReportMetric(percentileMS(trgmT, 95), "trgm-p95-ms")
	b.ReportMetric(percentileMS(tmT, 50), "tm-p50-ms")
	b.ReportMetric(percentileMS(tmT, 95), "tm-p95-ms")
	b.ReportMetric(percentileMS(tmAll, 50), "tm-all-p50-ms")
	b.ReportMetric(percentileMS(tmAll, 95), "tm-all-p95-ms")
	b.ReportMetric(percentileMS(trgmT, 50)/percentileMS(tmT, 50), "speedup-p50")
	b.ReportMetric(percentileMS(trgmT, 95)/percentileMS(tmT, 95), "speedup-p95")
	recall, strict := agree.recall()
	b.ReportMetric(recall, "recall")
	b.ReportMetric(strict, "recall-strict")
	b.ReportMetric(float64(agree.trgmWant)/float64(max(len(trgmT), 1)), "trgm75/query")
	b.ReportMetric(agree.trgmRecall(), "trgm-recall")
	b.ReportMetric(setup.copy.Seconds(), "copy-s")
	b.ReportMetric(setup.gin.Seconds(), "gin-s")
	b.ReportMetric(setup.read.Seconds(), "tm-read-s")
	b.ReportMetric(setup.build.Seconds(), "tm-build-s")
}

func lookupTrgm(b *testing.B, ctx context.Context, conn *pgx.Conn, query string) []trgmRow {
	b.Helper()
	rows, err := conn.Query(ctx, trgmLookup, query)
	if err != nil {
		b.Fatalf("pg_trgm lookup %q: %v", query, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (trgmRow, error) {
		var t trgmRow
		err := r.Scan(&t.id, &t.source)
		return t, err
	})
	if err != nil {
		b.Fatalf("pg_trgm lookup %q: %v", query, err)
	}
	return out
}

// explain is PostgreSQL's plan of the peer's lookup: it must go through the GIN index.
func explain(b *testing.B, ctx context.Context, conn *pgx.Conn, query string) string {
	b.Helper()
	rows, err := conn.Query(ctx, "EXPLAIN (COSTS OFF) "+trgmLookup, query)
	if err != nil {
		b.Fatalf("explain: %v", err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		b.Fatalf("explain: %v", err)
	}
	plan := strings.Join(lines, "\n")
	if !strings.Contains(plan, "tm_unit_source_trgm") {
		b.Fatalf("pg_trgm's lookup does not use its GIN index:\n%s", plan)
	}
	return plan
}

func envInt(b *testing.B, name string, def int) int {
	b.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		b.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}

// percentileMS is the p-th percentile of ds in milliseconds (nearest rank), as tm's benchmarks
// report theirs.
func percentileMS(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[min(len(s)-1, len(s)*p/100)]) / 1e6
}
