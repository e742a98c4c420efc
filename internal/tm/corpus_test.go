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

// syntheticQueries are what translators look up, in five equal parts: one-word variants of units
// in the memory, one-letter variants of them (a typo, an inflection), units of the memory
// itself, new sentences (mostly no match), and short units: one-letter variants of 1–4-word
// units of the memory alternating with new headings.
func syntheticQueries(entries []Entry, n int, seed uint64) []string {
	g := tmsynth.New(seed)
	out := make([]string, n)
	for i := range out {
		at := (i * 7919) % len(entries)
		switch i % 5 {
		case 0:
			out[i] = g.Variant(entries[at].Source)
		case 1:
			out[i] = g.Letter(entries[at].Source)
		case 2:
			out[i] = entries[(i*104729)%len(entries)].Source
		case 3:
			out[i] = g.Sentence()
		default:
			if i%10 == 4 {
				out[i] = g.Letter(entries[shortAt(entries, at)].Source)
			} else {
				out[i] = g.Heading()
			}
		}
	}
	return out
}

// shortAt is the first unit of 1–4 words at or after i (wrapping).
func shortAt(entries []Entry, i int) int {
	for j := range entries {
		k := (i + j) % len(entries)
		if w := tmsynth.Words(entries[k].Source); w >= 1 && w <= 4 {
			return k
		}
	}
	return i
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
