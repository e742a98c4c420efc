package tm

import (
	"testing"
)

// TestRecall100k: at 100,000 synthetic entries, Lookup finds at least 99 % of the exact top 5 at
// scores >= 75, the brute-force answer over every entry.
func TestRecall100k(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,000-entry memory")
	}
	entries := syntheticEntries(100_000, 1)
	x := NewIndex()
	x.AddBatch(entries)
	exact := newExactCorpus(entries)
	nq := 100
	if raceEnabled {
		nq = 15
	}
	want, found, inexact := 0, 0, 0
	for _, q := range syntheticQueries(entries, nq, 99) {
		got, st := x.lookup(q, 5, 75)
		if !st.exact {
			inexact++
		}
		ref := exact.lookup(q, 5, 75)
		for _, r := range ref {
			want++
			for _, g := range got {
				if g.Source == r.Source && g.Target == r.Target && g.Score == r.Score {
					found++
					break
				}
			}
		}
	}
	recall := float64(found) / float64(max(want, 1))
	t.Logf("recall %.4f (%d of %d exact top-5 suggestions), %d of %d lookups not certified exact", recall, found, want, inexact, nq)
	if want < nq/2 {
		t.Fatalf("only %d exact suggestions: the corpus has too few fuzzy matches to measure recall", want)
	}
	if recall < 0.99 {
		t.Fatalf("recall %.4f < 0.99", recall)
	}
}
