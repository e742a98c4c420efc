package tm

import (
	"cmp"
	"os"
	"slices"
	"testing"
)

// BenchmarkTMFilterStrength measures how many keys of a query's length window each lossless
// filter leaves to verify at the benchmark's threshold (top 5 at >= 75): what decides whether a
// lookup can be certified exact within its budget. Run with TILMASH_TM_FILTERS=1 (it scores every
// key of the window against every query; TILMASH_TM_ENTRIES, default 100,000, sets the memory and
// TILMASH_TM_FILTER_QUERIES, default 40, the queries, the first of BenchmarkTMLookup's). Per query,
// over all queries and over those of 150 characters or more:
//   - rare: the trigram count bound from what the index stores: a long key's trigrams outside stop
//     buckets (their intersection with the query's counted exactly, stop trigrams assumed shared
//     up to the fewer of the two texts' stop trigrams), every trigram of a short key (in buckets);
//   - q3: the trigram count bound with every trigram counted exactly;
//   - q2: the same with bigrams (each edit destroys at most two);
//   - pos3: trigrams counted only where their positions differ by at most the distance allowed;
//   - true: keys that score >= 75.
//
// stop-share is the share of the trigrams of keys longer than shortKey that fall in stop buckets,
// which the index keeps no postings of.
func BenchmarkTMFilterStrength(b *testing.B) {
	if os.Getenv("TILMASH_TM_FILTERS") != "1" {
		b.Skip("set TILMASH_TM_FILTERS=1 to score every key of each query's window by five filters")
	}
	const minScore = 75
	entries := syntheticEntriesTargets(envInt("TILMASH_TM_ENTRIES", 100_000), 1, false)
	queries := syntheticQueries(entries, 500, 2)[:envInt("TILMASH_TM_FILTER_QUERIES", 40)]
	x := NewIndex()
	x.AddBatch(entries)
	type keyGrams struct {
		text      []rune
		rare      []uint32 // buckets of the trigrams outside stop buckets, sorted
		all       []uint32 // buckets of every trigram, sorted
		stop      int      // trigrams in stop buckets
		q3, q2    []uint64 // sorted
		positions []posGram
	}
	var g grammer
	prepare := func(t []rune) keyGrams {
		k := keyGrams{text: t, q3: sortedGrams(t, 3), q2: sortedGrams(t, 2), positions: positionalGrams(t)}
		for _, bk := range g.buckets(t, x.bits) {
			k.all = append(k.all, bk)
			if x.isStop(bk) {
				k.stop++
			} else {
				k.rare = append(k.rare, bk)
			}
		}
		slices.Sort(k.rare)
		slices.Sort(k.all)
		return k
	}
	keys := make([]keyGrams, 0, len(x.keys))
	stopGrams, grams := 0, 0
	for _, kr := range x.keys {
		k := prepare(fold(x.entries[kr.head].Source, nil))
		keys = append(keys, k)
		if len(k.text) > shortKey {
			stopGrams += k.stop
			grams += len(k.all)
		}
	}
	var all, long [6]float64 // window, rare, q3, q2, pos3, true
	nLong := 0
	for b.Loop() {
		all, long, nLong = [6]float64{}, [6]float64{}, 0
		for _, query := range queries {
			q := prepare(fold(query, nil))
			n := len(q.text)
			var pt pattern
			pt.reset(q.text)
			var c [6]float64
			for _, k := range keys {
				m := len(k.text)
				l := max(n, m)
				d := maxDistance(l, minScore)
				if abs(n-m) > d {
					continue
				}
				c[0]++
				shared := intersect(q.rare, k.rare) + min(q.stop, k.stop)
				if m <= shortKey {
					shared = intersect(q.all, k.all) // stop buckets keep short keys
				}
				if upperScore(n, m, shared) >= minScore {
					c[1]++
				}
				if upperScore(n, m, intersect(q.q3, k.q3)) >= minScore {
					c[2]++
				}
				if lost := l + 1 - intersect(q.q2, k.q2); (lost+1)/2 <= d {
					c[3]++
				}
				if upperScore(n, m, positionalShared(q.positions, k.positions, d)) >= minScore {
					c[4]++
				}
				if pt.distance(k.text, d) <= d {
					c[5]++
				}
			}
			for i := range c {
				all[i] += c[i]
				if n >= 150 {
					long[i] += c[i]
				}
			}
			if n >= 150 {
				nLong++
			}
		}
	}
	names := []string{"window", "rare", "q3", "q2", "pos3", "true"}
	for i, name := range names {
		b.ReportMetric(all[i]/float64(len(queries)), name+"/query")
		if nLong > 0 {
			b.ReportMetric(long[i]/float64(nLong), name+"/long-query")
		}
	}
	b.ReportMetric(float64(nLong), "long-queries")
	b.ReportMetric(float64(stopGrams)/float64(max(grams, 1)), "stop-share")
}

// sortedGrams is the sorted multiset of the padded q-grams of t.
func sortedGrams(t []rune, q int) []uint64 {
	p := padded(t, q)
	out := make([]uint64, 0, len(p))
	for i := 0; i+q <= len(p); i++ {
		var g uint64
		for _, r := range p[i : i+q] {
			g = g<<21 | uint64(r)
		}
		out = append(out, g)
	}
	slices.Sort(out)
	return out
}

func padded(t []rune, q int) []rune {
	p := make([]rune, 0, len(t)+2*(q-1))
	for range q - 1 {
		p = append(p, padStart)
	}
	p = append(p, t...)
	for range q - 1 {
		p = append(p, padEnd)
	}
	return p
}

// intersect is the size of the multiset intersection of two sorted lists.
func intersect[T cmp.Ordered](a, b []T) int {
	i, j, n := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// posGram is a padded trigram and where it starts.
type posGram struct {
	gram uint64
	pos  int
}

// positionalGrams is the padded trigrams of t with their positions, sorted by trigram, then position.
func positionalGrams(t []rune) []posGram {
	p := padded(t, gramQ)
	out := make([]posGram, 0, len(p))
	for i := 0; i+gramQ <= len(p); i++ {
		out = append(out, posGram{uint64(p[i])<<42 | uint64(p[i+1])<<21 | uint64(p[i+2]), i})
	}
	slices.SortFunc(out, func(a, b posGram) int { return cmp.Or(cmp.Compare(a.gram, b.gram), cmp.Compare(a.pos, b.pos)) })
	return out
}

// positionalShared is the most pairs of equal trigrams, one of a and one of b, each used once, whose
// positions differ by at most d: texts within edit distance d share at least max(n,m)+2-3d such
// pairs (an alignment moves no surviving trigram by more than d). Greedy over sorted positions
// finds the largest such matching.
func positionalShared(a, b []posGram, d int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		if a[i].gram != b[j].gram {
			if a[i].gram < b[j].gram {
				i++
			} else {
				j++
			}
			continue
		}
		ie, je := i, j
		for ie < len(a) && a[ie].gram == a[i].gram {
			ie++
		}
		for je < len(b) && b[je].gram == b[j].gram {
			je++
		}
		for x, y := i, j; x < ie && y < je; {
			switch {
			case abs(a[x].pos-b[y].pos) <= d:
				n++
				x++
				y++
			case a[x].pos < b[y].pos:
				x++
			default:
				y++
			}
		}
		i, j = ie, je
	}
	return n
}
