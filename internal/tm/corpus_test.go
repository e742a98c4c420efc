package tm

import (
	"time"

	"tilmash/internal/tm/tmsynth"
)

// syntheticEntries is a seeded memory of n approved translations of Russian press sentences.
func syntheticEntries(n int, seed uint64) []Entry {
	g := tmsynth.New(seed)
	sources := g.Corpus(n)
	out := make([]Entry, n)
	for i, s := range sources {
		out[i] = Entry{
			ID: int64(i + 1), Source: s, Target: tmsynth.Translate(s), Origin: "doc", Author: "translator",
			Created: epoch.Add(time.Duration(i) * time.Minute),
		}
	}
	return out
}

// syntheticQueries are what translators look up: 40 % one-word variants of sentences in the memory
// (fuzzy matches exist), 20 % sentences of the memory itself, 40 % new sentences (mostly no match).
func syntheticQueries(entries []Entry, n int, seed uint64) []string {
	g := tmsynth.New(seed)
	out := make([]string, n)
	for i := range out {
		switch i % 5 {
		case 0, 1:
			out[i] = g.Variant(entries[(i*7919)%len(entries)].Source)
		case 2:
			out[i] = entries[(i*104729)%len(entries)].Source
		default:
			out[i] = g.Sentence()
		}
	}
	return out
}

// exactTop is the exact answer by brute force over prepared folded sources, with the length filter
// and a distance cutoff that cannot change the result.
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
	q := fold(query, nil)
	var pt pattern
	pt.reset(q)
	matched := map[int64]Entry{}
	for i, f := range c.folded {
		k := maxDistance(max(len(q), len(f)), minScore)
		if abs(len(q)-len(f)) > k {
			continue
		}
		if pt.distance(f, k) <= k {
			matched[c.entries[i].ID] = c.entries[i]
		}
	}
	return bruteForce(matched, map[string][]rune{}, query, limit, minScore)
}
