package store

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
	st := openAt(b, path)
	fillMemory(b, st, n, 3)
	st.Close()
	st = openAt(b, path)
	defer st.Close()
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
	doc, err := testApp(st).CreateDocument(ctx, admin, "Bench", text.String())
	if err != nil {
		b.Fatal(err)
	}
	list, err := testApp(st).TranslationsUnchecked(ctx, doc.ID, "kk")
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
		set, err := st.SuggestionSet(ctx, sg.ID, "kk")
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
