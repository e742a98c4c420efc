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

// Result is the answer of a lookup.
type Result struct {
	Suggestions []Suggestion
	// Exact: Suggestions are the true best matches under Score, as scoring every entry would give.
	// False only when a lookup reached a work budget with entries left that might still rank.
	Exact bool
}

// lookupStats says how a lookup went, for tests and benchmarks.
type lookupStats struct {
	exact bool // every entry that could rank was verified
	// untouchedLeft: keys no counted list held may still rank, too many to scan; verifyLeft: the
	// verification budget ran out with candidates left that may still rank.
	untouchedLeft, verifyLeft bool
	tokens                    int
	processed                 int // query tokens whose posting lists were counted
	shortOnly                 int // query tokens counted for the short keys only (stop buckets)
	postings                  int
	candidates                int
	verified                  int
}

type scratch struct {
	q, text []rune
	g       grammer
	toks    []uint32
	ranges  []postRange
	cnt     []uint8 // shared trigrams per key, saturating at cntMax
	touched []int32
	cands   []cand
	order   []int32
	pt      pattern
	top     []hit
	need    []int32
	// touch is where verify reads a byte of each batched source, so that the read is kept.
	touch byte
}

// postRange is a run of postings to count; short: of a stop bucket, whose list holds the short
// keys only.
// cntMax is where a count saturates; a saturated count bounds nothing. A byte, not two: the
// counts of 10M keys are 8.7 MB, and every posting counted is a random access to them.
const cntMax = 0xFF

// verifyBatch is how many candidates verify reads ahead, stage by stage.
const verifyBatch = 8

type postRange struct {
	a, b  uint32
	short bool
}

type cand struct {
	key   int32
	ub    int8  // the highest score the key can reach, by its length and shared trigrams; -1 until computed (see cand.upper)
	done  bool  // verified
	prio  int32 // share of the key's trigrams seen: verification order
	bound int32 // the most trigrams the key can share with the query
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

// Search is Lookup that also says whether the answer is certified exact.
func (x *Index) Search(source string, limit, minScore int) Result {
	out, st := x.lookup(source, limit, minScore)
	return Result{Suggestions: out, Exact: st.exact}
}

func (x *Index) getScratch() *scratch {
	if sc, ok := x.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// lookup counts the query's trigrams in the posting lists (rarest first, within a budget; tokens
// left uncounted raise every key's bound), turns each key's count into an upper bound of its score
// (q-gram lemma and length difference), and verifies the keys whose bound can still reach the
// k-th score found, most promising first. The answer is exact unless a work budget ran out first.
func (x *Index) lookup(source string, limit, minScore int) ([]Suggestion, lookupStats) {
	var st lookupStats
	if limit <= 0 {
		return nil, lookupStats{exact: true}
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
		sc.cnt = make([]uint8, len(x.keys)+len(x.keys)/4)
	}
	cnt := sc.cnt[:len(x.keys)]
	sc.touched = sc.touched[:0]
	defer func() {
		for _, k := range sc.touched {
			cnt[k] = 0
		}
	}()
	klo, khi := x.staticRange(lo, hi)
	x.countStatic(sc, cnt, klo, khi, &st)
	rest := G - st.processed         // tokens a static key may share beyond its count
	restShort := rest - st.shortOnly // ... a short one, whose stop buckets were counted too
	x.countDynamic(sc, cnt, lo, hi)

	st.exact = true
	// Candidates: touched keys whose bound reaches minScore, that is, whose count reaches what
	// their length needs (dead keys are dropped in verify).
	sc.need = needShared(sc.need, n, lo, hi, minScore)
	sc.cands = sc.cands[:0]
	for _, k := range sc.touched {
		m := x.keyLen(k)
		if m < lo || m > hi {
			continue
		}
		bound := int(cnt[k])
		if bound >= cntMax {
			bound = 1 << 30
		} else if k < x.shortEnd {
			bound += restShort
		} else if k < x.nStatic {
			bound += rest
		}
		if bound >= int(sc.need[m-lo]) {
			sc.cands = append(sc.cands, cand{key: k, ub: -1, bound: int32(bound),
				prio: x.prio(k, m, int(cnt[k]), n, G, st.processed, st.shortOnly)})
		}
	}
	// Untouched keys share at most rest trigrams (static) or none (dynamic): when that can reach
	// minScore at some length of the window, those keys are scanned if few; else exactness ends.
	if !x.scanUntouched(sc, cnt, n, lo, hi, rest, restShort, minScore) {
		st.exact, st.untouchedLeft = false, true
	}
	st.candidates = len(sc.cands)
	if !x.verify(sc, n, limit, minScore, &st) {
		st.exact, st.verifyLeft = false, true
	}
	return x.suggestions(sc, source), st
}

// countStatic counts the query's tokens in the static posting lists, restricted to the keys of the
// length window [klo, khi), rarest lists first, within the posting budget. A stop bucket's list is
// complete only for short keys: it counts for the short keys of the window (st.shortOnly), or for
// all of them when the window holds no longer key.
func (x *Index) countStatic(sc *scratch, cnt []uint8, klo, khi int32, st *lookupStats) {
	sc.ranges = sc.ranges[:0]
	if x.off == nil || klo >= khi {
		return
	}
	for _, b := range sc.toks {
		hi, short := khi, false
		if x.isStop(b) && khi > x.shortEnd {
			if klo >= x.shortEnd {
				continue
			}
			hi, short = x.shortEnd, true
		}
		list := x.post[x.off[b]:x.off[b+1]]
		a, _ := slices.BinarySearch(list, uint32(klo))
		e, _ := slices.BinarySearch(list, uint32(hi))
		sc.ranges = append(sc.ranges, postRange{x.off[b] + uint32(a), x.off[b] + uint32(e), short})
	}
	slices.SortFunc(sc.ranges, func(r, s postRange) int { return cmp.Compare(r.b-r.a, s.b-s.a) })
	budget := x.postBudget
	for _, r := range sc.ranges {
		size := int(r.b - r.a)
		if size > budget {
			break
		}
		budget -= size
		if r.short {
			st.shortOnly++
		} else {
			st.processed++
		}
		st.postings += size
		for _, k := range x.post[r.a:r.b] {
			c := cnt[k]
			if c == 0 {
				sc.touched = append(sc.touched, int32(k))
			}
			if c != cntMax {
				cnt[k] = c + 1
			}
		}
	}
}

// countDynamic counts the query's tokens among the keys added since the last build: few, counted
// in full.
func (x *Index) countDynamic(sc *scratch, cnt []uint8, lo, hi int) {
	for _, b := range sc.toks {
		for _, k := range x.dyn[b] {
			if l := x.keyLen(k); l < lo || l > hi {
				continue
			}
			c := cnt[k]
			if c == 0 {
				sc.touched = append(sc.touched, k)
			}
			if c != cntMax {
				cnt[k] = c + 1
			}
		}
	}
}

// scanUntouched adds the untouched keys that may still reach minScore as candidates, and reports
// false when they are too many to scan.
func (x *Index) scanUntouched(sc *scratch, cnt []uint8, n, lo, hi, rest, restShort, minScore int) bool {
	ok := true
	scanned := 0
	for l := lo; l <= hi; l++ {
		r := rest
		if l <= shortKey {
			r = restShort
		}
		ub := upperScore(n, l, r)
		if ub < minScore {
			continue
		}
		a, e := x.staticRange(l, l)
		if a == e {
			continue
		}
		if scanned += int(e - a); scanned > windowScanLimit {
			ok = false
			continue
		}
		for k := a; k < e; k++ {
			if cnt[k] == 0 && x.keys[k].head >= 0 {
				sc.cands = append(sc.cands, cand{key: k, ub: int8(ub), bound: int32(r)})
			}
		}
	}
	dynamic := len(x.keys) - int(x.nStatic)
	if dynamic == 0 {
		return ok
	}
	anyLen := false
	for l := lo; l <= hi && !anyLen; l++ {
		anyLen = upperScore(n, l, 0) >= minScore
	}
	if !anyLen {
		return ok
	}
	if scanned += dynamic; scanned > windowScanLimit {
		return false
	}
	for k := x.nStatic; k < int32(len(x.keys)); k++ {
		kr := x.keys[k]
		if cnt[k] != 0 || kr.head < 0 {
			continue
		}
		if ub := upperScore(n, int(kr.length), 0); ub >= minScore {
			sc.cands = append(sc.cands, cand{key: k, ub: int8(ub)})
		}
	}
	return ok
}

// verify computes the scores of candidates into sc.top, the most promising first (by priority, a
// counting sort), skipping those whose bound cannot reach the k-th score found so far (minScore
// while fewer than limit were found). It reports false when the verification budget ran out with a
// candidate left whose bound still reaches the final k-th score.
func (x *Index) verify(sc *scratch, n, limit, minScore int, st *lookupStats) bool {
	sc.pt.reset(sc.q)
	sc.top = sc.top[:0]
	threshold := minScore
	work := 0 // characters verified
	cands := sc.cands
	var start [prioLevels + 1]int32
	for _, c := range cands {
		start[prioLevels-1-int(c.prio)+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	sc.order = slices.Grow(sc.order[:0], len(cands))[:len(cands)]
	for i, c := range cands {
		at := &start[prioLevels-1-int(c.prio)]
		sc.order[*at] = int32(i)
		*at++
	}
	order := sc.order
	var batch [verifyBatch]struct {
		c      *cand
		head   int32
		length int
		source string
	}
	for len(order) > 0 && work <= x.verBudget {
		// The next candidates whose bound still reaches the threshold, with their keys, entries
		// and source texts read stage by stage: each stage's loads are independent, so their
		// cache misses (a third of a lookup's time, one after another) overlap.
		nb := 0
		for len(order) > 0 && nb < verifyBatch {
			c := &cands[order[0]]
			order = order[1:]
			if x.upper(c, n) >= threshold {
				batch[nb].c = c
				nb++
			}
		}
		for j := range nb {
			kr := &x.keys[batch[j].c.key]
			batch[j].head, batch[j].length = kr.head, int(kr.length)
		}
		for j := range nb {
			batch[j].source = ""
			if h := batch[j].head; h >= 0 {
				batch[j].source = x.entries[h].Source
			}
		}
		for j := range nb {
			if src := batch[j].source; src != "" {
				sc.touch ^= src[0] ^ src[len(src)/2]
			}
		}
		for j := range nb {
			b := &batch[j]
			c := b.c
			if x.upper(c, n) < threshold { // the threshold may have risen within the batch
				continue
			}
			if b.head < 0 {
				c.done = true // dead since the last build
				continue
			}
			m := b.length
			if work += m + 1; work > x.verBudget {
				break
			}
			c.done = true
			st.verified++
			k := maxDistance(max(n, m), threshold)
			if d := sc.distanceTo(b.source, m, k); d <= k {
				x.addHits(sc, c.key, scoreOf(d, n, m), limit)
				if len(sc.top) == limit {
					threshold = max(threshold, sc.top[limit-1].score)
				}
			}
		}
	}
	if work <= x.verBudget {
		return true
	}
	for i := range cands {
		if c := &cands[i]; !c.done && x.upper(c, n) >= threshold {
			return false
		}
	}
	return true
}

// upper returns the highest score candidate c can reach against a query of n characters,
// computed on first use: most candidates of a big memory are never looked at again.
func (x *Index) upper(c *cand, n int) int {
	if c.ub < 0 {
		c.ub = int8(upperScore(n, x.keyLen(c.key), int(c.bound)))
	}
	return int(c.ub)
}

// needShared returns, for each key length m in [lo, hi], the fewest shared trigrams with which
// a key of m characters can still score minScore against a query of n (upperScore inverted),
// reusing buf.
func needShared(buf []int32, n, lo, hi, minScore int) []int32 {
	buf = buf[:0]
	for m := lo; m <= hi; m++ {
		a, b := 0, max(n, m)+gramQ // upperScore(n, m, b) is the length bound alone
		for a < b {
			mid := (a + b) / 2
			if upperScore(n, m, mid) >= minScore {
				b = mid
			} else {
				a = mid + 1
			}
		}
		buf = append(buf, int32(a))
	}
	return buf
}

// upperScore is the highest score a key of m characters sharing at most shared trigrams with a
// query of n characters can reach: its edit distance is at least the length difference, and at
// least what the q-gram lemma leaves (each edit destroys at most gramQ trigrams).
func upperScore(n, m, shared int) int {
	l := max(n, m)
	d := abs(n - m)
	if lost := l + gramQ - 1 - shared; lost > 0 {
		d = max(d, (lost+gramQ-1)/gramQ)
	}
	return scoreOf(min(d, l), n, m) // no two texts are further apart than the longer one is long
}

// prio ranks a candidate for verification: the share of the key's trigrams it was seen to share
// with the query (extrapolated to the query tokens not counted for static keys), then how close its
// length is to the query's, which decides among the many keys that share few rare trigrams.
func (x *Index) prio(key int32, m, count, n, tokens, processed, shortOnly int) int32 {
	if key < x.shortEnd {
		processed += shortOnly
	}
	if key < x.nStatic {
		count = count * tokens / max(processed, 1)
	}
	l := max(n, m)
	share := min(count*(prioLevels/4)/(l+gramQ-1), prioLevels/4-1)
	close := 0
	switch d := abs(n - m); {
	case 16*d <= l:
		close = 3
	case 8*d <= l:
		close = 2
	case 4*d <= l:
		close = 1
	}
	return int32(share*4 + close)
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
