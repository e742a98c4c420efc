package tm

import (
	"runtime"
	"sync"
)

// build rebuilds the static segment from every live key: keys renumbered in length order, dead keys
// and the dynamic segment dropped, posting lists laid out in one array.
func (x *Index) build() {
	keys := x.liveKeysByLength()
	for nk := range keys {
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

	x.shortEnd = x.lenStart[min(shortKey+1, len(x.lenStart)-1)]
	x.setLengths()
	x.bits = minBucketBits
	for x.bits < maxBucketBits && 1<<x.bits < 4*len(keys) {
		x.bits++
	}
	x.buildPostings()
	x.dyn = map[uint32][]int32{}
}

// liveKeysByLength returns the live keys in order of length, stable (a counting sort: lengths are
// small integers, and a comparison sort of a million keys was a tenth of the build).
func (x *Index) liveKeysByLength() []keyRec {
	maxLen := 0
	live := 0
	for _, kr := range x.keys {
		if kr.head >= 0 {
			maxLen = max(maxLen, int(kr.length))
			live++
		}
	}
	start := make([]int, maxLen+2)
	for _, kr := range x.keys {
		if kr.head >= 0 {
			start[kr.length+1]++
		}
	}
	for l := 1; l < len(start); l++ {
		start[l] += start[l-1]
	}
	keys := make([]keyRec, live)
	for _, kr := range x.keys {
		if kr.head >= 0 {
			keys[start[kr.length]] = kr
			start[kr.length]++
		}
	}
	return keys
}

// buildPostings lays out the posting lists of the static keys. A stop bucket keeps the postings of
// short keys only (those below shortEnd, a prefix of its list): few, and what a short query needs
// to count every trigram it has. Pass 1 counts postings per bucket, pass 2 fills them; folding twice is cheaper than holding every key's trigrams at once. Both passes
// run on contiguous key ranges in parallel; worker w writes its postings of a bucket after those of
// workers before it, so every list stays in ascending key order, exactly as one worker would leave it.
func (x *Index) buildPostings() {
	keys := x.keys
	nb := 1 << x.bits
	workers := max(1, min(runtime.GOMAXPROCS(0), len(keys)/50_000))
	ranges := make([][2]int, workers)
	for w := range workers {
		ranges[w] = [2]int{len(keys) * w / workers, len(keys) * (w + 1) / workers}
	}
	counts := make([][]uint32, workers)
	shorts := make([][]uint32, workers) // postings of short keys, per worker and bucket
	parallel(workers, func(w int) {
		c, sh := make([]uint32, nb), make([]uint32, nb)
		var g grammer
		for k := ranges[w][0]; k < ranges[w][1]; k++ {
			g.text = fold(x.entries[keys[k].head].Source, g.text)
			short := k < int(x.shortEnd)
			for _, b := range g.buckets(g.text, x.bits) {
				c[b]++
				if short {
					sh[b]++
				}
			}
		}
		counts[w], shorts[w] = c, sh
	})

	stopDF := uint32(max(stopMinDF, len(keys)/stopFraction))
	x.stop = make([]uint64, (nb+63)/64)
	x.off = make([]uint32, nb+1)
	total := uint32(0)
	for b := range nb {
		x.off[b] = total
		n := uint32(0)
		for w := range workers {
			n += counts[w][b]
		}
		stop := n > stopDF
		if stop {
			x.stop[b/64] |= 1 << (b % 64)
			n = 0
			for w := range workers {
				n += shorts[w][b]
			}
		}
		// From here on counts[w][b] is where worker w starts writing in bucket b.
		at := total
		for w := range workers {
			c := counts[w][b]
			if stop {
				c = shorts[w][b]
			}
			counts[w][b] = at
			at += c
		}
		total += n
	}
	x.off[nb] = total
	x.post = make([]uint32, total)
	parallel(workers, func(w int) {
		fill := counts[w]
		var g grammer
		for k := ranges[w][0]; k < ranges[w][1]; k++ {
			g.text = fold(x.entries[keys[k].head].Source, g.text)
			short := k < int(x.shortEnd)
			for _, b := range g.buckets(g.text, x.bits) {
				if !short && x.isStop(b) {
					continue
				}
				x.post[fill[b]] = uint32(k)
				fill[b]++
			}
		}
	})
}

// parallel runs fn(0..n-1) on n goroutines and waits for them.
func parallel(n int, fn func(w int)) {
	if n == 1 {
		fn(0)
		return
	}
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() { fn(w) })
	}
	wg.Wait()
}

func (x *Index) isStop(b uint32) bool {
	return x.stop != nil && x.stop[b/64]&(1<<(b%64)) != 0
}
