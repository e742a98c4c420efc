package tm

import (
	"runtime"
	"sync"
	"time"

	"tilmash/internal/tm/tmsynth"
)

// syntheticEntries is a seeded memory of n approved translations of Russian press text: sentences
// and, 15 % of them, units of 1–4 words (tmsynth.PressCorpus).
func syntheticEntries(n int, seed uint64) []Entry {
	return syntheticEntriesTargets(n, seed, true)
}

// syntheticEntriesTargets is syntheticEntries; without translate every target is one short
// string, for memories too big to hold a pseudo-translation of every source.
func syntheticEntriesTargets(n int, seed uint64, translate bool) []Entry {
	g := tmsynth.New(seed)
	sources := g.PressCorpus(n)
	out := make([]Entry, n)
	for i, s := range sources {
		t := "t"
		if translate {
			t = tmsynth.Translate(s)
		}
		out[i] = Entry{
			ID: int64(i + 1), Source: s, Target: t, Origin: "doc", Author: "translator",
			Created: epoch.Add(time.Duration(i) * time.Minute),
		}
		sources[i] = ""
	}
	return out
}

// syntheticQueries are tmsynth's queries (Generator.Queries) of seed over the entries' sources.
func syntheticQueries(entries []Entry, n int, seed uint64) []string {
	return tmsynth.New(seed).Queries(sourcesOf(entries), n)
}

func sourcesOf(entries []Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Source
	}
	return out
}

// exactCorpus answers by brute force over prepared folded sources, with the length filter and a
// distance cutoff that cannot change the result, on every core.
type exactCorpus struct {
	entries []Entry
	folded  [][]rune
}

func newExactCorpus(entries []Entry) *exactCorpus {
	c := &exactCorpus{entries: entries, folded: make([][]rune, len(entries))}
	for i, e := range entries {
		c.folded[i] = fold(e.Source, nil)
	}
	return c
}

func (c *exactCorpus) lookup(query string, limit, minScore int) []Suggestion {
	return c.lookupOn(query, limit, minScore, runtime.GOMAXPROCS(0))
}

// lookupOn is lookup on the given number of goroutines.
func (c *exactCorpus) lookupOn(query string, limit, minScore, workers int) []Suggestion {
	q := fold(query, nil)
	found := make([][]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var pt pattern
			pt.reset(q)
			for i := len(c.folded) * w / workers; i < len(c.folded)*(w+1)/workers; i++ {
				f := c.folded[i]
				k := maxDistance(max(len(q), len(f)), minScore)
				if abs(len(q)-len(f)) > k {
					continue
				}
				if pt.distance(f, k) <= k {
					found[w] = append(found[w], i)
				}
			}
		})
	}
	wg.Wait()
	matched := map[int64]Entry{}
	for _, f := range found {
		for _, i := range f {
			matched[c.entries[i].ID] = c.entries[i]
		}
	}
	return bruteForce(matched, map[string][]rune{}, query, limit, minScore)
}

// bruteFromIndex is exactCorpus.lookup over the entries an index holds, folding each source on the
// fly: for memories too big to keep a folded copy of.
func bruteFromIndex(x *Index, query string, limit, minScore int) []Suggestion {
	q := fold(query, nil)
	workers := runtime.GOMAXPROCS(0)
	found := make([][]Entry, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var pt pattern
			pt.reset(q)
			var f []rune
			for i := len(x.entries) * w / workers; i < len(x.entries)*(w+1)/workers; i++ {
				e := &x.entries[i]
				if e.key < 0 {
					continue
				}
				f = fold(e.Source, f)
				k := maxDistance(max(len(q), len(f)), minScore)
				if abs(len(q)-len(f)) <= k && pt.distance(f, k) <= k {
					found[w] = append(found[w], e.Entry)
				}
			}
		})
	}
	wg.Wait()
	matched := map[int64]Entry{}
	for _, f := range found {
		for _, e := range f {
			matched[e.ID] = e
		}
	}
	return bruteForce(matched, map[string][]rune{}, query, limit, minScore)
}
