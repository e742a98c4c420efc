package tm

// gramQ is the length of the character n-grams the index is built on. Trigrams over folded text are
// frequent enough to survive a few edits and rare enough to keep posting lists short.
const gramQ = 3

// Padding runes lie outside Unicode, so they never collide with text.
const (
	padStart = 0x110000
	padEnd   = 0x110001
)

// grammer turns folded text into bucket numbers of its padded trigrams. The i-th occurrence of a
// trigram in a text is a different token from its first occurrence, so counting shared buckets
// counts the multiset intersection the q-gram lemma speaks of. Hashing into buckets can only merge
// tokens, which can only raise a shared count: the filter stays lossless.
type grammer struct {
	keys  []uint64 // open-addressing set of trigrams seen in the current text
	count []uint16
	used  []int32
	out   []uint32
	// text and other are scratch buffers for folded text, reused from call to call.
	text, other []rune
}

// buckets returns the bucket (of 1<<bits) of every padded trigram of text; a text of n characters
// has n+2 of them. The result is reused by the next call.
func (g *grammer) buckets(text []rune, bits uint8) []uint32 {
	n := len(text) + gramQ - 1
	size := 64
	for size < 2*n {
		size *= 2
	}
	if len(g.keys) < size {
		g.keys = make([]uint64, size)
		g.count = make([]uint16, size)
	}
	mask := uint64(size - 1)
	g.out = g.out[:0]
	at := func(i int) rune {
		switch {
		case i < gramQ-1:
			return padStart
		case i-(gramQ-1) < len(text):
			return text[i-(gramQ-1)]
		}
		return padEnd
	}
	for i := range n {
		tri := uint64(at(i))<<42 | uint64(at(i+1))<<21 | uint64(at(i+2))
		h := mix64(tri)
		// keys hold tri+1 so that zero marks an empty slot
		slot := h & mask
		for g.keys[slot] != 0 && g.keys[slot] != tri+1 {
			slot = (slot + 1) & mask
		}
		if g.keys[slot] == 0 {
			g.keys[slot] = tri + 1
			g.used = append(g.used, int32(slot))
		}
		occ := uint64(g.count[slot])
		g.count[slot]++
		g.out = append(g.out, uint32(((h^occ*0x9e3779b97f4a7c15)*0xbf58476d1ce4e5b9)>>(64-bits)))
	}
	for _, s := range g.used {
		g.keys[s] = 0
		g.count[s] = 0
	}
	g.used = g.used[:0]
	return g.out
}

// mix64 is the splitmix64 finaliser: a cheap, well-spread hash of a 64-bit value.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
