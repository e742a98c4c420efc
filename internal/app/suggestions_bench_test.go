package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tilmash/internal/app"
	"tilmash/internal/record"
	"tilmash/internal/store"
	"tilmash/internal/tm/tmsynth"
	"tilmash/internal/workflow"
)

// BenchmarkSuggestionSet asks for the suggestions of the segments of a
// document of press sentences (one letter changed from units of the memory,
// or fresh) against a memory of TILMASH_SUGGEST_ENTRIES press units (default
// 100,000), as GET /segments/{sid}/suggestions does: the segment's read, the
// lookup and the views. Percentiles are of wall time per call.
func BenchmarkSuggestionSet(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("TILMASH_SUGGEST_ENTRIES")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "s.db")
	st := openServing(b, path)
	fillMemory(b, st, n, 3)
	st.Close()
	st = openServing(b, path)
	defer st.Close()
	a := app.New(app.Config{DB: store.Bind[app.Tx](st)})
	g := tmsynth.New(4)
	var text strings.Builder
	for i, s := range tmsynth.New(3).PressCorpus(400) {
		if i%2 == 0 {
			s = g.Letter(s)
		} else {
			s = g.Sentence()
		}
		if !strings.HasSuffix(s, ".") {
			s += "."
		}
		fmt.Fprintf(&text, "%s\n\n", s)
	}
	admin := workflow.Actor{ID: 1, Name: "admin", Roles: []workflow.Role{{Kind: workflow.Admin}}}
	doc, err := a.CreateDocument(ctx, admin, "Bench", text.String())
	if err != nil {
		b.Fatal(err)
	}
	list, err := a.TranslationsUnchecked(ctx, doc.ID, "kk")
	if err != nil || len(list.Segments) == 0 {
		b.Fatalf("%d segments, %v", len(list.Segments), err)
	}
	var took []time.Duration
	found := 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sg := list.Segments[i%len(list.Segments)]
		i++
		start := time.Now()
		set, err := a.SuggestionSet(ctx, sg.ID, "kk")
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		if len(set.Suggestions) > 0 {
			found++
		}
	}
	slices.Sort(took)
	pct := func(p int) float64 { return float64(took[(len(took)-1)*p/100].Microseconds()) / 1000 }
	b.ReportMetric(pct(50), "p50-ms")
	b.ReportMetric(pct(95), "p95-ms")
	b.ReportMetric(float64(found)/float64(len(took)), "found-share")
}

// fillMemory writes n press units of the ru→kk memory straight through the
// repository (an import's insert, without the file), created one minute apart.
func fillMemory(tb testing.TB, st *store.Store, n int, seed uint64) {
	tb.Helper()
	sources := tmsynth.New(seed).PressCorpus(n)
	b := record.MemoryBatch{SourceLang: "ru", TargetLang: "kk", Origin: "tmx", Author: "importer"}
	for i, s := range sources {
		b.Units = append(b.Units, record.MemoryUnit{Source: s, Target: tmsynth.Translate(s), CreatedAt: time.Date(2025, 1, 1, 0, i, 0, 0, time.UTC)})
	}
	err := st.Write(context.Background(), func(tx *store.Tx) error {
		_, err := tx.InsertMemory(b)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// openServing opens the store at path as serve does: the memory built at Open.
func openServing(tb testing.TB, path string) *store.Store {
	tb.Helper()
	st, err := store.OpenWith(context.Background(), path, store.Options{Memory: true})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}
