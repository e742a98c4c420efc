package tm

import (
	"cmp"
	"slices"
)

// build rebuilds the static segment from every live key: keys renumbered in length order, dead keys
// and the dynamic segment dropped, posting lists laid out in one array.
func (x *Index) build() {
	order := make([]int32, 0, len(x.keys)-x.deadKeys)
	for k, kr := range x.keys {
		if kr.head >= 0 {
			order = append(order, int32(k))
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return cmp.Compare(x.keys[a].length, x.keys[b].length)
	})
	keys := make([]keyRec, len(order))
	for nk, ok := range order {
		keys[nk] = x.keys[ok]
		for s := keys[nk].head; s >= 0; s = x.entries[s].next {
			x.entries[s].key = int32(nk)
		}
	}
	x.keys = keys
	x.deadKeys = 0
	x.nStatic = int32(len(keys))
	clear(x.byHash)
	clear(x.moreHash)
	x.maxLen = 0
	for k, kr := range keys {
		if _, taken := x.byHash[kr.hash]; taken {
			x.moreHash[kr.hash] = append(x.moreHash[kr.hash], int32(k))
		} else {
			x.byHash[kr.hash] = int32(k)
		}
		x.maxLen = max(x.maxLen, int(kr.length))
	}
	x.lenStart = make([]int32, x.maxLen+2)
	l := 0
	for k, kr := range keys {
		for l <= int(kr.length) {
			x.lenStart[l] = int32(k)
			l++
		}
	}
	for ; l < len(x.lenStart); l++ {
		x.lenStart[l] = int32(len(keys))
	}

	x.bits = minBucketBits
	for x.bits < maxBucketBits && 1<<x.bits < 4*len(keys) {
		x.bits++
	}
	nb := 1 << x.bits
	// Pass 1 counts postings per bucket, pass 2 fills them; folding twice is cheaper than holding
	// every key's trigrams at once.
	counts := make([]uint32, nb+1)
	var g grammer
	var buf []rune
	for _, kr := range keys {
		buf = fold(x.entries[kr.head].Source, buf)
		for _, b := range g.buckets(buf, x.bits) {
			counts[b]++
		}
	}
	stopDF := uint32(max(stopMinDF, len(keys)/stopFraction))
	x.stop = make([]uint64, (nb+63)/64)
	x.off = make([]uint32, nb+1)
	total := uint32(0)
	for b := range nb {
		x.off[b] = total
		if counts[b] > stopDF {
			x.stop[b/64] |= 1 << (b % 64)
			continue
		}
		total += counts[b]
	}
	x.off[nb] = total
	x.post = make([]uint32, total)
	fill := counts[:nb]
	copy(fill, x.off[:nb])
	for k, kr := range keys {
		buf = fold(x.entries[kr.head].Source, buf)
		for _, b := range g.buckets(buf, x.bits) {
			if x.isStop(b) {
				continue
			}
			x.post[fill[b]] = uint32(k)
			fill[b]++
		}
	}
	x.dyn = map[uint32][]int32{}
}

func (x *Index) isStop(b uint32) bool {
	return x.stop != nil && x.stop[b/64]&(1<<(b%64)) != 0
}
