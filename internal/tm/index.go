package tm

import (
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

// Tuning of the index. The budgets bound the work of one lookup; within them a lookup is exact.
const (
	minBucketBits   = 12
	maxBucketBits   = 26
	stopMinDF       = 2048 // a bucket is never dropped while it holds fewer keys than this
	stopFraction    = 32   // ... or fewer than 1/stopFraction of all keys
	minDynamic      = 1024 // keys added since the last build before another build is considered
	postingBudget   = 1 << 18
	verifyBudget    = 200
	countLevels     = 256
	candidateLimit  = 4 * verifyBudget
	prioLevels      = 1024
	windowScanLimit = 4096
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
	mu       sync.RWMutex
	entries  []entryRec
	free     []int32
	byID     map[int64]int32
	keys     []keyRec
	byHash   map[uint64]int32   // folded-source hash → key
	moreHash map[uint64][]int32 // further keys on a (rare) 64-bit hash collision
	deadKeys int
	maxLen   int

	// Static segment, rebuilt by build: keys [0, nStatic) in length order, lenStart[l] the first
	// static key of length >= l, and per bucket a posting list post[off[b]:off[b+1]] of key numbers
	// (empty for stop buckets, too frequent to be worth storing).
	nStatic  int32
	lenStart []int32
	bits     uint8
	off      []uint32
	post     []uint32
	stop     []uint64
	// Keys added since the last build: every bucket, unsorted lengths.
	dyn map[uint32][]int32

	scratch sync.Pool
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		byID:     map[int64]int32{},
		byHash:   map[uint64]int32{},
		moreHash: map[uint64][]int32{},
		bits:     minBucketBits,
		dyn:      map[uint32][]int32{},
		lenStart: []int32{0},
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
	x.mu.Lock()
	defer x.mu.Unlock()
	var g grammer
	x.entries = slices.Grow(x.entries, len(es))
	x.keys = slices.Grow(x.keys, len(es))
	for _, e := range es {
		x.addLocked(e, &g, false)
	}
	x.build()
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
	if _, ok := x.byID[e.ID]; ok {
		x.removeLocked(e.ID)
	}
	folded := fold(e.Source, nil)
	h := hashRunes(folded)
	key := x.findKey(h, folded)
	if key < 0 {
		key = int32(len(x.keys))
		x.keys = append(x.keys, keyRec{length: int32(len(folded)), head: -1, hash: h})
		if _, taken := x.byHash[h]; taken {
			x.moreHash[h] = append(x.moreHash[h], key)
		} else {
			x.byHash[h] = key
		}
		x.maxLen = max(x.maxLen, len(folded))
		if post {
			for _, b := range g.buckets(folded, x.bits) {
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

// findKey returns the key whose folded source is folded, or -1.
func (x *Index) findKey(h uint64, folded []rune) int32 {
	k, ok := x.byHash[h]
	if !ok {
		return -1
	}
	if x.sameKey(k, folded) {
		return k
	}
	for _, k := range x.moreHash[h] {
		if x.sameKey(k, folded) {
			return k
		}
	}
	return -1
}

func (x *Index) sameKey(k int32, folded []rune) bool {
	kr := x.keys[k]
	return kr.head >= 0 && int(kr.length) == len(folded) &&
		slices.Equal(fold(x.entries[kr.head].Source, nil), folded)
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

// hashRunes is a 64-bit hash of a folded text, used to find equal sources.
func hashRunes(rs []rune) uint64 {
	h := uint64(len(rs))
	for _, r := range rs {
		h = mix64(h ^ uint64(r))
	}
	return h
}
