package tm

import (
	"fmt"
	"testing"

	"tilmash/internal/tm/tmsynth"
)

// TestShortVariantsFindTheirHeading: in a memory of 100,000 press units, a one-letter change of a
// 1–4-word unit (a typo, another inflection) finds the unit, and the lookup is certified exact. Short
// units have few trigrams, so their lookup counts every one of them, stop buckets included.
func TestShortVariantsFindTheirHeading(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,000-entry memory")
	}
	entries := syntheticEntries(100_000, 3)
	entries = append(entries,
		Entry{ID: 1_000_001, Source: "Гостей.", Target: "Guests."},
		Entry{ID: 1_000_002, Source: "Зачитал себя принимаются.", Target: "x"})
	x := NewIndex()
	x.AddBatch(entries)
	type pair struct{ heading, query string }
	pairs := []pair{{"Гостей.", "Гостеа."}, {"Зачитал себя принимаются.", "Зачитал себа принимаются."}}
	g := tmsynth.New(17)
	sources := sourcesOf(entries)
	for i := 0; len(pairs) < 300; i += 331 {
		h := sources[tmsynth.ShortAt(sources, i%len(sources))]
		if q := g.Letter(h); q != h {
			pairs = append(pairs, pair{h, q})
		}
	}
	for _, p := range pairs {
		want := Score(p.heading, p.query)
		if want < 70 {
			continue // a one-letter change of a two-letter word is half of it
		}
		got, st := x.lookup(p.query, 5, 70)
		if !st.exact {
			t.Errorf("%q: lookup not certified exact: %+v", p.query, st)
		}
		found := false
		for _, s := range got {
			found = found || (Fold(s.Source) == Fold(p.heading) && s.Score == want)
		}
		// the heading may rank below five others that score higher
		if !found && (len(got) < 5 || got[len(got)-1].Score <= want) {
			t.Errorf("%q did not find %q (%d): %s", p.query, p.heading, want, brief(got))
		}
	}
	if t.Failed() {
		fmt.Println(len(pairs), "pairs")
	}
}
