package tm

import (
	"cmp"
	"slices"
	"time"
)

// Suggestion is one match from the memory: a group of entries with the same folded source and the
// same target.
type Suggestion struct {
	Source, Target, Origin, Author string  // of the newest entry of the group
	Score                          int     // 0..100
	Count                          int     // entries grouped here
	IDs                            []int64 // entries grouped here, ascending
	Diff                           []Span  // byte ranges of Source whose words differ from the query
	Created                        time.Time
}

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// lookupStats says how a lookup went, for tests and benchmarks.
type lookupStats struct {
	exact      bool // every entry that could rank was verified
	tokens     int
	processed  int // query tokens whose posting lists were counted
	postings   int
	candidates int
	verified   int
}

type scratch struct {
	q, text []rune
	g       grammer
	toks    []uint32
	ranges  []postRange
	cnt     []uint16
	touched []int32
	cands   []cand
	order   []int32
	pt      pattern
	top     []hit
}

type postRange struct{ a, b uint32 }

type cand struct {
	key   int32
	count uint16
	bound int32 // count + tokens not counted: the most trigrams this key can share with the query
	prio  int32 // share of the key's trigrams seen: verification order
}

// hit is a group of entries ranked for the answer.
type hit struct {
	score   int
	key     int32
	target  string
	rep     int32 // newest entry of the group
	created time.Time
	count   int
}

// Lookup returns the best limit suggestions with Score >= minScore, best first (ties: newer first).
// Entries with identical folded source and identical target are grouped; different targets for the
// same source are separate suggestions.
func (x *Index) Lookup(source string, limit, minScore int) []Suggestion {
	out, _ := x.lookup(source, limit, minScore)
	return out
}

func (x *Index) getScratch() *scratch {
	if sc, ok := x.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

func (x *Index) lookup(source string, limit, minScore int) ([]Suggestion, lookupStats) {
	var st lookupStats
	if limit <= 0 {
		return nil, st
	}
	minScore = min(max(minScore, 0), 100)
	sc := x.getScratch()
	defer x.scratch.Put(sc)
	x.mu.RLock()
	defer x.mu.RUnlock()

	sc.q = fold(source, sc.q)
	q := sc.q
	n := len(q)
	lo, hi := lengthWindow(n, minScore, x.maxLen)
	sc.toks = append(sc.toks[:0], sc.g.buckets(q, x.bits)...)
	G := len(sc.toks)
	st.tokens = G
	if cap(sc.cnt) < len(x.keys) {
		sc.cnt = make([]uint16, len(x.keys)+len(x.keys)/4)
	}
	cnt := sc.cnt[:len(x.keys)]
	sc.touched = sc.touched[:0]
	defer func() {
		for _, k := range sc.touched {
			cnt[k] = 0
		}
	}()

	// Static segment: count the rarest buckets first, within the length window, within budget.
	klo, khi := x.staticRange(lo, hi)
	sc.ranges = sc.ranges[:0]
	if x.off != nil && klo < khi {
		for _, b := range sc.toks {
			if x.isStop(b) {
				continue
			}
			list := x.post[x.off[b]:x.off[b+1]]
			a, _ := slices.BinarySearch(list, uint32(klo))
			e, _ := slices.BinarySearch(list, uint32(khi))
			sc.ranges = append(sc.ranges, postRange{x.off[b] + uint32(a), x.off[b] + uint32(e)})
		}
		slices.SortFunc(sc.ranges, func(r, s postRange) int { return cmp.Compare(r.b-r.a, s.b-s.a) })
	}
	budget := postingBudget
	for _, r := range sc.ranges {
		size := int(r.b - r.a)
		if size > budget {
			break
		}
		budget -= size
		st.processed++
		st.postings += size
		for _, k := range x.post[r.a:r.b] {
			c := cnt[k]
			if c == 0 {
				sc.touched = append(sc.touched, int32(k))
			}
			if c != 0xFFFF {
				cnt[k] = c + 1
			}
		}
	}
	rest := G - st.processed // tokens a static key may share beyond its count
	// Dynamic segment: small, counted in full.
	for _, b := range sc.toks {
		for _, k := range x.dyn[b] {
			if l := int(x.keys[k].length); l < lo || l > hi {
				continue
			}
			c := cnt[k]
			if c == 0 {
				sc.touched = append(sc.touched, k)
			}
			if c != 0xFFFF {
				cnt[k] = c + 1
			}
		}
	}

	// Candidates: touched keys the q-gram lemma allows at minScore.
	feasible := func(m, bound, s int) bool {
		l := max(n, m)
		k := maxDistance(l, s)
		return abs(n-m) <= k && (bound >= minShared(n, m, k) || bound >= 0xFFFF)
	}
	feasibleInWindow := func(bound int) bool {
		for l := lo; l <= hi; l++ {
			if feasible(l, bound, minScore) {
				return true
			}
		}
		return false
	}
	st.exact = true
	// When many keys were touched, consider only those with the highest counts (a counting sort by
	// count); the others stay out unless the lemma says they could rank, which ends exactness.
	minCount := uint16(1)
	if len(sc.touched) > candidateLimit {
		var hist [countLevels]int32
		for _, k := range sc.touched {
			hist[min(int(cnt[k]), countLevels-1)]++
		}
		c, kept := countLevels-1, int32(0)
		for ; c > 1; c-- {
			if kept > 0 && kept+hist[c] > candidateLimit {
				break
			}
			kept += hist[c]
		}
		minCount = uint16(c + 1)
		if feasibleInWindow(c + rest) {
			st.exact = false
		}
	}
	sc.cands = sc.cands[:0]
	for _, k := range sc.touched {
		kr := x.keys[k]
		if kr.head < 0 || cnt[k] < minCount {
			continue
		}
		bound := int(cnt[k])
		if k < x.nStatic {
			bound += rest
		}
		if feasible(int(kr.length), bound, minScore) {
			sc.cands = append(sc.cands, cand{key: k, count: cnt[k], bound: int32(bound), prio: x.prio(k, int(cnt[k]), n, G, st.processed)})
		}
	}
	// Untouched static keys share at most rest trigrams: if that is enough at some length of the
	// window, those keys are scanned when few, or the lookup is no longer exact.
	scanned := 0
	if klo < khi {
		for l := lo; l <= hi; l++ {
			if !feasible(l, rest, minScore) {
				continue
			}
			a, e := x.staticRange(l, l)
			if a == e {
				continue
			}
			if scanned += int(e - a); scanned > windowScanLimit {
				st.exact = false
				continue
			}
			for k := a; k < e; k++ {
				if cnt[k] == 0 && x.keys[k].head >= 0 {
					sc.cands = append(sc.cands, cand{key: k, bound: int32(rest)})
				}
			}
		}
	}
	// Dynamic keys sharing no trigram are candidates only for short queries or low scores.
	if dynamic := len(x.keys) - int(x.nStatic); dynamic > 0 && feasibleInWindow(0) {
		if scanned += dynamic; scanned > windowScanLimit {
			st.exact = false
		} else {
			for k := x.nStatic; k < int32(len(x.keys)); k++ {
				kr := x.keys[k]
				if cnt[k] == 0 && kr.head >= 0 && feasible(int(kr.length), 0, minScore) {
					sc.cands = append(sc.cands, cand{key: k})
				}
			}
		}
	}
	st.candidates = len(sc.cands)

	// Verify the most promising first. When there are more candidates than can be verified, keep the
	// best by priority (a counting sort: the list can be long) and give up exactness.
	if len(sc.cands) > candidateLimit {
		var hist [prioLevels]int32
		for _, c := range sc.cands {
			hist[c.prio]++
		}
		cut, kept := prioLevels-1, int32(0)
		for ; cut > 0 && kept+hist[cut] <= candidateLimit; cut-- {
			kept += hist[cut]
		}
		cut++ // the lowest priority kept whole
		j := 0
		for _, c := range sc.cands {
			if int(c.prio) >= cut {
				sc.cands[j] = c
				j++
			}
		}
		sc.cands = sc.cands[:j]
		st.exact = false
	}
	slices.SortFunc(sc.cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.prio, a.prio), cmp.Compare(a.key, b.key))
	})

	sc.pt.reset(q)
	sc.top = sc.top[:0]
	threshold := minScore
	for _, c := range sc.cands {
		kr := x.keys[c.key]
		m := int(kr.length)
		if !feasible(m, int(c.bound), threshold) {
			continue
		}
		// Static keys were counted on part of the query's trigrams; extrapolated to all of them,
		// a count far below the lemma's minimum is not worth verifying.
		if c.key < x.nStatic && rest > 0 {
			est := int(c.count) * G / max(st.processed, 1)
			if 4*est < 3*minShared(n, m, maxDistance(max(n, m), threshold)) {
				st.exact = false
				continue
			}
		}
		if st.verified >= verifyBudget {
			st.exact = false
			break
		}
		st.verified++
		sc.text = fold(x.entries[kr.head].Source, sc.text)
		k := maxDistance(max(n, m), threshold)
		d := sc.pt.distance(sc.text, k)
		if d > k {
			continue
		}
		score := scoreOf(d, n, m)
		x.addHits(sc, c.key, score, limit)
		if len(sc.top) == limit {
			threshold = max(threshold, sc.top[limit-1].score)
		}
	}
	return x.suggestions(sc, source), st
}

// prio ranks a candidate for verification: the share of the key's trigrams it was seen to share
// with the query, extrapolated to the query tokens not counted for static keys.
func (x *Index) prio(key int32, count, n, tokens, processed int) int32 {
	if key < x.nStatic {
		count = count * tokens / max(processed, 1)
	}
	p := count * prioLevels / (max(n, int(x.keys[key].length)) + gramQ - 1)
	return int32(min(p, prioLevels-1))
}

// staticRange is the range of static keys with lengths in [lo, hi].
func (x *Index) staticRange(lo, hi int) (int32, int32) {
	last := len(x.lenStart) - 1
	lo = min(max(lo, 0), last)
	hi = min(max(hi+1, 0), last)
	if lo >= hi {
		return 0, 0
	}
	return x.lenStart[lo], x.lenStart[hi]
}

// addHits ranks the groups of key (one per distinct target) into sc.top, keeping the best limit.
func (x *Index) addHits(sc *scratch, key int32, score, limit int) {
	start := len(sc.top)
	for s := x.keys[key].head; s >= 0; s = x.entries[s].next {
		e := &x.entries[s]
		found := false
		for i := start; i < len(sc.top); i++ {
			h := &sc.top[i]
			if h.key == key && h.target == e.Target {
				h.count++
				if newer(e, &x.entries[h.rep]) {
					h.rep, h.created = s, e.Created
				}
				found = true
				break
			}
		}
		if !found {
			sc.top = append(sc.top, hit{score: score, key: key, target: e.Target, rep: s, created: e.Created, count: 1})
		}
	}
	slices.SortStableFunc(sc.top, func(a, b hit) int { return x.compareHits(&a, &b) })
	if len(sc.top) > limit {
		sc.top = sc.top[:limit]
	}
}

// compareHits orders hits best first: higher score, then newer, then higher entry ID.
func (x *Index) compareHits(a, b *hit) int {
	return cmp.Or(cmp.Compare(b.score, a.score), b.created.Compare(a.created),
		cmp.Compare(x.entries[b.rep].ID, x.entries[a.rep].ID))
}

func newer(a, b *entryRec) bool {
	if c := a.Created.Compare(b.Created); c != 0 {
		return c > 0
	}
	return a.ID > b.ID
}

func (x *Index) suggestions(sc *scratch, query string) []Suggestion {
	if len(sc.top) == 0 {
		return nil
	}
	out := make([]Suggestion, len(sc.top))
	for i, h := range sc.top {
		e := x.entries[h.rep]
		ids := make([]int64, 0, h.count)
		for s := x.keys[h.key].head; s >= 0; s = x.entries[s].next {
			if x.entries[s].Target == h.target {
				ids = append(ids, x.entries[s].ID)
			}
		}
		slices.Sort(ids)
		out[i] = Suggestion{
			Source: e.Source, Target: e.Target, Origin: e.Origin, Author: e.Author,
			Score: h.score, Count: h.count, IDs: ids, Created: e.Created,
			Diff: diffWords(e.Source, query),
		}
	}
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
