package tm

import (
	"testing"
)

// recallReport compares the index with scoring every entry on queries: the share of the exact
// top-limit suggestions (scores >= minScore) the index found, and how many lookups were certified
// exact. A lookup certified exact must answer exactly what the brute force answers.
type recallReport struct {
	want, found, lookups, exact int
}

func (r recallReport) recall() float64 { return float64(r.found) / float64(max(r.want, 1)) }

func measureRecall(t testing.TB, x *Index, brute func(query string) []Suggestion, queries []string, limit, minScore int) recallReport {
	t.Helper()
	var r recallReport
	for _, q := range queries {
		got, st := x.lookup(q, limit, minScore)
		ref := brute(q)
		r.lookups++
		if st.exact {
			r.exact++
			if err := sameSuggestions(got, ref); err != nil {
				t.Errorf("query %q certified exact, but: %v", q, err)
			}
		}
		for _, w := range ref {
			r.want++
			for _, g := range got {
				if g.Source == w.Source && g.Target == w.Target && g.Score == w.Score {
					r.found++
					break
				}
			}
		}
	}
	return r
}

// TestRecall200k: at 200,000 entries of press text (15 % of 1–4 words), Lookup finds at least
// 99.9 % of the exact top 5 at scores >= 75, the brute-force answer over every entry, and every
// lookup certified exact is exact. Under the race detector (about ten times slower) the memory is
// the same but fewer queries are scored by brute force; the full run is the test without -race
// (go test ./internal/tm/).
func TestRecall200k(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 200,000-entry memory")
	}
	entries := syntheticEntries(200_000, 1)
	x := NewIndex()
	x.AddBatch(entries)
	nq := 250
	if raceEnabled {
		nq = 30
	}
	exact := newExactCorpus(entries)
	r := measureRecall(t, x, func(q string) []Suggestion { return exact.lookup(q, 5, 75) },
		syntheticQueries(entries, nq, 99), 5, 75)
	t.Logf("recall %.4f (%d of %d exact top-5 suggestions), %d of %d lookups certified exact",
		r.recall(), r.found, r.want, r.exact, r.lookups)
	if r.want < nq/2 {
		t.Fatalf("only %d exact suggestions: the corpus has too few fuzzy matches to measure recall", r.want)
	}
	if r.recall() < 0.999 {
		t.Fatalf("recall %.4f < 0.999", r.recall())
	}
}
