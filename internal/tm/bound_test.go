package tm

import (
	"math/rand/v2"
	"testing"

	"tilmash/internal/tm/tmsynth"
)

// trigramShared is the reference for what the filter speaks of: the size of the multiset
// intersection of the padded trigrams of a and b.
func trigramShared(a, b []rune) int {
	grams := func(t []rune) map[[3]rune]int {
		p := append(append([]rune{padStart, padStart}, t...), padEnd, padEnd)
		out := map[[3]rune]int{}
		for i := 0; i+gramQ <= len(p); i++ {
			out[[3]rune{p[i], p[i+1], p[i+2]}]++
		}
		return out
	}
	ga, gb := grams(a), grams(b)
	n := 0
	for g, c := range ga {
		n += min(c, gb[g])
	}
	return n
}

// bucketShared is what a lookup counts for a key when every query token's list is counted: per
// query token, the key's postings in its bucket (so a bucket both texts hit twice counts four).
func bucketShared(q, k []rune, bits uint8) int {
	var g grammer
	inK := map[uint32]int{}
	for _, b := range g.buckets(k, bits) {
		inK[b]++
	}
	n := 0
	for _, b := range g.buckets(q, bits) {
		n += inK[b]
	}
	return n
}

// boundPairs returns random pairs of texts, some near each other and some not: words of a tiny
// alphabet (where trigrams repeat within a text, the hard case for occurrence numbering), press
// units and headings with a few random edits, and unrelated press units.
func boundPairs(count int) [][2][]rune {
	rng := rand.New(rand.NewPCG(17, 4))
	g := tmsynth.New(5)
	tiny := func(n int) []rune {
		out := make([]rune, n)
		for i := range out {
			out[i] = []rune("ab a")[rng.IntN(4)]
		}
		return out
	}
	edit := func(t []rune, edits int) []rune {
		t = append([]rune(nil), t...)
		letters := []rune("абвгдеa .")
		for range edits {
			i := rng.IntN(len(t) + 1)
			c := letters[rng.IntN(len(letters))]
			switch op := rng.IntN(3); {
			case op == 0 || len(t) == 0 || i == len(t):
				t = append(t[:i], append([]rune{c}, t[i:]...)...)
			case op == 1:
				t = append(t[:i], t[i+1:]...)
			default:
				t[i] = c
			}
		}
		return t
	}
	var out [][2][]rune
	for i := range count {
		var a []rune
		switch i % 4 {
		case 0:
			a = tiny(rng.IntN(40))
		case 1:
			a = fold(g.Heading(), nil)
		default:
			a = fold(g.Sentence(), nil)
		}
		b := edit(a, rng.IntN(1+len(a)/3))
		if i%8 == 7 {
			b = fold(g.Sentence(), nil)
		}
		out = append(out, [2][]rune{a, b})
	}
	return out
}

// TestUpperScoreBoundsScore: the bound a lookup prunes with never falls below the true score. For
// random pairs, upperScore over the true trigram intersection, and over the bucket count a lookup
// makes (at few bucket bits, where hashing merges many trigrams), is at least Score; needShared says
// no more trigrams than the pair shares whenever the pair reaches the minimum score.
func TestUpperScoreBoundsScore(t *testing.T) {
	for i, p := range boundPairs(4000) {
		a, b := p[0], p[1]
		n, m := len(a), len(b)
		score := scoreOf(levenshtein(a, b), n, m)
		shared := trigramShared(a, b)
		if ub := upperScore(n, m, shared); ub < score {
			t.Fatalf("pair %d %q / %q: upperScore(%d, %d, %d) = %d < score %d", i, string(a), string(b), n, m, shared, ub, score)
		}
		for _, bits := range []uint8{4, minBucketBits, 20} {
			c := bucketShared(a, b, bits)
			if c < shared {
				t.Fatalf("pair %d %q / %q: %d-bit buckets count %d < %d shared trigrams", i, string(a), string(b), bits, c, shared)
			}
			if ub := upperScore(n, m, c); ub < score {
				t.Fatalf("pair %d: upperScore over the bucket count %d = %d < score %d", i, c, ub, score)
			}
		}
		for _, minScore := range []int{50, 70, 75, 85} {
			if score < minScore {
				continue
			}
			lo, hi := lengthWindow(n, minScore, max(n, m))
			if m < lo || m > hi {
				t.Fatalf("pair %d: length %d outside the window [%d, %d] of %d at %d, but scores %d", i, m, lo, hi, n, minScore, score)
			}
			if need := needShared(nil, n, lo, hi, minScore)[m-lo]; int(need) > shared {
				t.Fatalf("pair %d: needShared %d at %d > %d shared, but scores %d", i, need, minScore, shared, score)
			}
		}
	}
}

// TestNeedSharedInvertsUpperScore: needShared is the fewest shared trigrams whose bound reaches the
// minimum score, for every length pair of the window.
func TestNeedSharedInvertsUpperScore(t *testing.T) {
	for _, n := range []int{0, 1, 2, 5, 13, 64, 100, 257} {
		for _, s := range []int{0, 50, 75, 99, 100} {
			lo, hi := lengthWindow(n, s, 400)
			need := needShared(nil, n, lo, hi, s)
			for m := lo; m <= hi; m++ {
				k := int(need[m-lo])
				if upperScore(n, m, k) < s || (k > 0 && upperScore(n, m, k-1) >= s) {
					t.Fatalf("n=%d m=%d s=%d: needShared %d, bounds %d at it and %d below", n, m, s, k,
						upperScore(n, m, k), upperScore(n, m, max(k-1, 0)))
				}
			}
		}
	}
}

// TestPositionalSharedLemma: texts within edit distance d share at least max(n,m)+2-3d trigram
// pairs whose positions differ by at most d (the positional filter BenchmarkTMFilterStrength
// measures).
func TestPositionalSharedLemma(t *testing.T) {
	for i, p := range boundPairs(4000) {
		a, b := p[0], p[1]
		d := levenshtein(a, b)
		if got, want := positionalShared(positionalGrams(a), positionalGrams(b), d), max(len(a), len(b))+2-3*d; got < want {
			t.Fatalf("pair %d %q / %q at distance %d: %d positional pairs < %d", i, string(a), string(b), d, got, want)
		}
	}
}
