package tm

import (
	"runtime"
	"slices"
	"sync"
	"time"
)

// Entry is one approved translation in the memory of a language pair.
type Entry struct {
	ID                             int64
	Source, Target, Origin, Author string
	Created                        time.Time
}

// Tuning of the index. The budgets bound the work of one lookup; a lookup that reaches one says so
// (Result.Exact false) instead of answering less than the true top matches silently.
const (
	minBucketBits = 12
	maxBucketBits = 26
	stopMinDF     = 2048 // a bucket is never dropped while it holds fewer keys than this
	stopFraction  = 32   // ... or fewer than 1/stopFraction of all keys
	minDynamic    = 1024 // keys added since the last build before another build is considered
	postingBudget = 1 << 18
	// verifyBudget bounds the characters of candidate text one lookup verifies: about 1,800
	// sentences, or thousands of headings, whose verification is as cheap as they are short. At
	// 1M press units (500 queries against brute force, thread CPU, with verify's batched reads):
	// 128k gives recall 99.54 %, 192k 99.82 %, 256k 99.91 % at p95 6.2 ms (since the streamed,
	// branch-free verification), 384k 100 % at 6.9 ms, but 10.8 ms at 10M where 256k gives
	// 7.0-7.3. Certifying sentences needs a stronger filter, not a bigger budget
	// (docs/tm-status.md).
	verifyBudget    = 256 << 10
	prioLevels      = 1024
	windowScanLimit = 4096
	// shortKey is the longest key (in characters) whose postings every bucket keeps, stop buckets
	// included: a heading has few trigrams, and a lookup needs all of them to stay exact.
	shortKey = 64
)

type entryRec struct {
	Entry
	key  int32
	next int32 // next entry with the same key, -1 at the end
}

// keyRec is one distinct folded source. Keys below Index.nStatic are sorted by length.
type keyRec struct {
	length int32
	head   int32 // first entry of the key, -1 once no entry is left
	hash   uint64
}

// Index is the fuzzy index of one language pair. Safe for concurrent use (many lookups, occasional
// writes).
type Index struct {
	mu      sync.RWMutex
	entries []entryRec
	free    []int32
	byID    map[int64]int32
	keys    []keyRec
	// klen is every key's length, clamped to longKey: the lookup reads the lengths of the keys
	// its counts touched, in no order, and a compact array stays in cache where keys did not
	// (that load was half of a lookup's time at 1M entries).
	klen []uint16
	// blockLen is the length of the static keys of each block of 1<<lenBlockShift, or longKey for
	// a block of several lengths: keys are sorted by length, so most blocks have one, and this
	// table of a few kilobytes answers where klen itself (17 MB at 10M entries) missed the cache.
	blockLen []uint16
	byHash   map[uint64]int32   // folded-source hash → key
	moreHash map[uint64][]int32 // further keys on a (rare) 64-bit hash collision
	deadKeys int
	maxLen   int

	// Static segment, rebuilt by build: keys [0, nStatic) in length order, lenStart[l] the first
	// static key of length >= l, and per bucket a posting list post[off[b]:off[b+1]] of key numbers
	// (for stop buckets, too frequent to be worth storing in full, only the keys below shortEnd).
	nStatic  int32
	shortEnd int32 // static keys of at most shortKey characters are [0, shortEnd)
	lenStart []int32
	bits     uint8
	off      []uint32
	post     []uint32
	stop     []uint64
	// Keys added since the last build: every bucket, unsorted lengths.
	dyn map[uint32][]int32

	scratch sync.Pool
	// Budgets of one lookup (postingBudget, verifyBudget unless a test sets others).
	postBudget, verBudget int
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		byID:       map[int64]int32{},
		byHash:     map[uint64]int32{},
		moreHash:   map[uint64][]int32{},
		bits:       minBucketBits,
		dyn:        map[uint32][]int32{},
		lenStart:   []int32{0},
		postBudget: postingBudget,
		verBudget:  verifyBudget,
	}
}

// Len is the number of entries.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.byID)
}

// Add puts e into the index, replacing an entry with the same ID.
func (x *Index) Add(e Entry) {
	x.mu.Lock()
	defer x.mu.Unlock()
	var g grammer
	x.addLocked(e, &g, true)
	x.maybeBuild()
}

// AddBatch adds many entries and rebuilds the index once: the way to load a memory at start.
func (x *Index) AddBatch(es []Entry) {
	// Folding and hashing, the bulk of adding, need no lock and run in parallel.
	sums := foldSums(es)
	x.mu.Lock()
	defer x.mu.Unlock()
	var g grammer
	x.entries = slices.Grow(x.entries, len(es))
	x.keys = slices.Grow(x.keys, len(es))
	x.klen = slices.Grow(x.klen, len(es))
	if len(x.byID) == 0 {
		// Growing a map of a million entries step by step costs more than folding them.
		x.byID = make(map[int64]int32, len(es))
		x.byHash = make(map[uint64]int32, len(es))
	}
	for i, e := range es {
		x.insert(e, sums[i], &g, false)
	}
	x.build()
}

// foldSum is what the index keeps of a folded source: its hash and length in runes.
type foldSum struct {
	hash   uint64
	length int32
}

func sumOf(folded []rune) foldSum {
	return foldSum{hash: hashRunes(folded), length: int32(len(folded))}
}

// foldSums folds and hashes the sources of es on every core.
func foldSums(es []Entry) []foldSum {
	sums := make([]foldSum, len(es))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(es)/50_000))
	parallel(workers, func(w int) {
		var buf []rune
		for i := len(es) * w / workers; i < len(es)*(w+1)/workers; i++ {
			buf = fold(es[i].Source, buf)
			sums[i] = sumOf(buf)
		}
	})
	return sums
}

// Remove deletes the entry with this ID and reports whether it was there.
func (x *Index) Remove(id int64) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	ok := x.removeLocked(id)
	x.maybeBuild()
	return ok
}

func (x *Index) addLocked(e Entry, g *grammer, post bool) {
	g.text = fold(e.Source, g.text)
	x.insert(e, sumOf(g.text), g, post)
}

// insert adds e, whose folded source sums to sum. With post, the new key goes into the dynamic
// segment's buckets.
func (x *Index) insert(e Entry, sum foldSum, g *grammer, post bool) {
	if _, ok := x.byID[e.ID]; ok {
		x.removeLocked(e.ID)
	}
	h := sum.hash
	key := x.findKey(e.Source, sum, g)
	if key < 0 {
		key = int32(len(x.keys))
		x.keys = append(x.keys, keyRec{length: sum.length, head: -1, hash: h})
		x.klen = append(x.klen, clampLen(sum.length))
		if _, taken := x.byHash[h]; taken {
			x.moreHash[h] = append(x.moreHash[h], key)
		} else {
			x.byHash[h] = key
		}
		x.maxLen = max(x.maxLen, int(sum.length))
		if post {
			g.text = fold(e.Source, g.text)
			for _, b := range g.buckets(g.text, x.bits) {
				x.dyn[b] = append(x.dyn[b], key)
			}
		}
	}
	var slot int32
	if n := len(x.free); n > 0 {
		slot = x.free[n-1]
		x.free = x.free[:n-1]
	} else {
		slot = int32(len(x.entries))
		x.entries = append(x.entries, entryRec{})
	}
	x.entries[slot] = entryRec{Entry: e, key: key, next: x.keys[key].head}
	x.keys[key].head = slot
	x.byID[e.ID] = slot
}

// findKey returns the key with the same folded source as source, or -1.
func (x *Index) findKey(source string, sum foldSum, g *grammer) int32 {
	k, ok := x.byHash[sum.hash]
	if !ok {
		return -1
	}
	// A hash hit is a duplicate source (or, rarely, a collision): fold to be sure.
	g.text = fold(source, g.text)
	if x.sameKey(k, g.text, g) {
		return k
	}
	for _, k := range x.moreHash[sum.hash] {
		if x.sameKey(k, g.text, g) {
			return k
		}
	}
	return -1
}

func (x *Index) sameKey(k int32, folded []rune, g *grammer) bool {
	kr := x.keys[k]
	if kr.head < 0 || int(kr.length) != len(folded) {
		return false
	}
	g.other = fold(x.entries[kr.head].Source, g.other)
	return slices.Equal(g.other, folded)
}

func (x *Index) removeLocked(id int64) bool {
	slot, ok := x.byID[id]
	if !ok {
		return false
	}
	delete(x.byID, id)
	key := x.entries[slot].key
	kr := &x.keys[key]
	if kr.head == slot {
		kr.head = x.entries[slot].next
	} else {
		for s := kr.head; s >= 0; s = x.entries[s].next {
			if x.entries[s].next == slot {
				x.entries[s].next = x.entries[slot].next
				break
			}
		}
	}
	x.entries[slot] = entryRec{key: -1, next: -1}
	x.free = append(x.free, slot)
	if kr.head < 0 {
		x.deadKeys++
		x.forgetKey(kr.hash, key)
	}
	return true
}

// forgetKey drops a dead key from the hash maps so that a new entry with its source makes a new key.
func (x *Index) forgetKey(h uint64, key int32) {
	more := x.moreHash[h]
	if x.byHash[h] == key {
		if len(more) == 0 {
			delete(x.byHash, h)
			return
		}
		x.byHash[h] = more[len(more)-1]
		more = more[:len(more)-1]
	} else if i := slices.Index(more, key); i >= 0 {
		more = slices.Delete(more, i, i+1)
	}
	if len(more) == 0 {
		delete(x.moreHash, h)
	} else {
		x.moreHash[h] = more
	}
}

// maybeBuild rebuilds the static segment once the keys added since the last build outnumber the
// static ones, or a quarter of the keys are dead: amortised, each key is rebuilt a few times at most.
func (x *Index) maybeBuild() {
	dynamic := len(x.keys) - int(x.nStatic)
	if dynamic > max(minDynamic, int(x.nStatic)) ||
		(x.deadKeys > minDynamic && x.deadKeys*4 > len(x.keys)) {
		x.build()
	}
}

// longKey is klen's value for keys of that many characters or more; their true length is in keys.
const longKey = 1<<16 - 1

func clampLen(l int32) uint16 { return uint16(min(l, longKey)) }

// lenBlockShift: blockLen has a length per 1024 static keys.
const lenBlockShift = 10

// keyLen is the length of key k.
func (x *Index) keyLen(k int32) int {
	if k < x.nStatic {
		if l := x.blockLen[k>>lenBlockShift]; l < longKey {
			return int(l)
		}
	}
	if l := x.klen[k]; l < longKey {
		return int(l)
	}
	return int(x.keys[k].length)
}

// setLengths fills klen from keys, and blockLen from lenStart and nStatic (lenStart, not the
// keys' own lengths, so that the blocks agree with the length ranges lookups count in).
func (x *Index) setLengths() {
	x.klen = make([]uint16, len(x.keys), cap(x.keys))
	for k, kr := range x.keys {
		x.klen[k] = clampLen(kr.length)
	}
	ns := int(x.nStatic)
	x.blockLen = make([]uint16, (ns+1<<lenBlockShift-1)>>lenBlockShift)
	l := 0 // keys [lenStart[l], lenStart[l+1]) have length l
	for b := range x.blockLen {
		first, last := b<<lenBlockShift, min((b+1)<<lenBlockShift, ns)-1
		for l+1 < len(x.lenStart) && int(x.lenStart[l+1]) <= first {
			l++
		}
		x.blockLen[b] = longKey
		if l+1 < len(x.lenStart) && last < int(x.lenStart[l+1]) {
			x.blockLen[b] = clampLen(int32(l))
		}
	}
}

// hashRunes is a 64-bit hash of a folded text, used to find equal sources.
func hashRunes(rs []rune) uint64 {
	h := uint64(len(rs))
	for _, r := range rs {
		h = mix64(h ^ uint64(r))
	}
	return h
}
