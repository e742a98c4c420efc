package tm

// pattern is a text prepared for bit-parallel edit distance (Myers 1999, in Hyyrö's block form for
// patterns longer than 64 characters): one bit vector per distinct character, one 64-bit word per
// block of 64 pattern positions.
type pattern struct {
	n, words int
	lastRow  uint     // the bit of the pattern's last character in its last block
	peq      []uint64 // row r, block b at r*words+b; row 0 is every character absent from the pattern
	low      [0x500]uint16
	high     map[rune]uint16
	runes    []rune // the distinct runes that were given rows, to reset low
	pv, mv   []uint64
	// score and left: the distance so far and the characters of the text not yet fed (begin, feed)
	score, left int
}

func newPattern(p []rune) *pattern {
	var pt pattern
	pt.reset(p)
	return &pt
}

// reset prepares pt for pattern p, reusing its memory.
func (pt *pattern) reset(p []rune) {
	for _, r := range pt.runes {
		if r < 0x500 {
			pt.low[r] = 0
		}
	}
	clear(pt.high)
	pt.runes = pt.runes[:0]
	pt.n = len(p)
	pt.words = (len(p) + 63) / 64
	if pt.words == 0 {
		pt.words = 1
	}
	pt.lastRow = uint((len(p) + 63) % 64)
	pt.peq = pt.peq[:0]
	pt.peq = append(pt.peq, make([]uint64, pt.words)...)
	for i, r := range p {
		row := pt.row(r)
		if row == 0 {
			row = uint16(len(pt.runes) + 1)
			pt.runes = append(pt.runes, r)
			if r < 0x500 && r >= 0 {
				pt.low[r] = row
			} else {
				if pt.high == nil {
					pt.high = make(map[rune]uint16)
				}
				pt.high[r] = row
			}
			for range pt.words {
				pt.peq = append(pt.peq, 0)
			}
		}
		pt.peq[int(row)*pt.words+i/64] |= 1 << uint(i%64)
	}
	if cap(pt.pv) < pt.words {
		pt.pv = make([]uint64, pt.words)
		pt.mv = make([]uint64, pt.words)
	}
	pt.pv, pt.mv = pt.pv[:pt.words], pt.mv[:pt.words]
}

func (pt *pattern) row(r rune) uint16 {
	if r >= 0 && r < 0x500 {
		return pt.low[r]
	}
	return pt.high[r]
}

// distance is the edit distance between the pattern and text, or any value > k as soon as the
// distance is certain to exceed k.
func (pt *pattern) distance(text []rune, k int) int {
	pt.begin(len(text))
	if !pt.feed(text, k) {
		return k + 1
	}
	return pt.score
}

// begin starts a distance against a text of m characters, to be given to feed in pieces: a
// verification folds its candidate piece by piece and stops folding where the distance is
// certain to exceed the cutoff (for most candidates, about halfway).
func (pt *pattern) begin(m int) {
	pt.score, pt.left = pt.n, m
	if pt.n == 0 {
		pt.score = m
	}
	for b := range pt.pv {
		pt.pv[b] = ^uint64(0)
		pt.mv[b] = 0
	}
}

// feed advances the distance begun by begin over the next characters of the text, and reports
// false as soon as the distance is certain to exceed k; pt.score is the distance once every
// character was fed.
func (pt *pattern) feed(text []rune, k int) bool {
	switch {
	case pt.n == 0:
		pt.left -= len(text)
		return true
	case pt.words == 1:
		return pt.feed1(text, k)
	case pt.words == 2:
		return pt.feed2(text, k)
	}
	w := pt.words
	pv, mv := pt.pv[:w], pt.mv[:w]
	score, left := pt.score, pt.left
	last := pt.lastRow
	for _, c := range text {
		row := int(pt.row(c)) * w
		eqs := pt.peq[row : row+w : row+w]
		// The first row of the matrix grows by one per column: +1 into block 0.
		hp, hm := uint64(1), uint64(0)
		for b := range w - 1 {
			pv[b], mv[b], hp, hm = advance(eqs[b], pv[b], mv[b], hp, hm, topBit)
		}
		pv[w-1], mv[w-1], hp, hm = advance(eqs[w-1], pv[w-1], mv[w-1], hp, hm, last)
		score += int(hp) - int(hm)
		left--
		// the last row changes by at most one per remaining column
		if score-left > k {
			return false
		}
	}
	pt.score, pt.left = score, left
	return true
}

// feed1 is feed for patterns of at most 64 characters: one block, in registers.
func (pt *pattern) feed1(text []rune, k int) bool {
	pv, mv := pt.pv[0], pt.mv[0]
	score, left := pt.score, pt.left
	last := pt.lastRow
	for _, c := range text {
		var hp, hm uint64
		pv, mv, hp, hm = advance(pt.peq[int(pt.row(c))], pv, mv, 1, 0, last)
		score += int(hp) - int(hm)
		left--
		if score-left > k {
			return false
		}
	}
	pt.pv[0], pt.mv[0] = pv, mv
	pt.score, pt.left = score, left
	return true
}

// feed2 is feed for patterns of 65 to 128 characters, most sentences: two blocks, in registers.
func (pt *pattern) feed2(text []rune, k int) bool {
	pv0, mv0, pv1, mv1 := pt.pv[0], pt.mv[0], pt.pv[1], pt.mv[1]
	score, left := pt.score, pt.left
	last := pt.lastRow
	peq := pt.peq
	for _, c := range text {
		row := 2 * int(pt.row(c))
		var hp, hm uint64
		pv0, mv0, hp, hm = advance(peq[row], pv0, mv0, 1, 0, topBit)
		pv1, mv1, hp, hm = advance(peq[row+1], pv1, mv1, hp, hm, last)
		score += int(hp) - int(hm)
		left--
		if score-left > k {
			return false
		}
	}
	pt.pv[0], pt.mv[0], pt.pv[1], pt.mv[1] = pv0, mv0, pv1, mv1
	pt.score, pt.left = score, left
	return true
}

// topBit is the last row of a full block.
const topBit = 63

// advance is one block of one column of the bit-parallel matrix (Myers 1999, Hyyrö's block
// form): eq the block's bits of the column's character, p and m its vertical deltas (+1, -1),
// hp and hm the horizontal delta into the block's first row as two bits (+1, -1). It returns the
// new vertical deltas and the horizontal delta out of bit high (the block's last row), the same
// way: as bits rather than a branch on a signed carry, which made blocks of long patterns twice
// as slow. It must stay within the compiler's inlining budget (cost 79 of 80 with
// -gcflags=-m=2): called, not inlined, it would cost the loops their registers.
func advance(eq, p, m, hp, hm uint64, high uint) (np, nm, outP, outM uint64) {
	xv := eq | m
	eq |= hm
	xh := (((eq & p) + p) ^ p) | eq
	ph := m | ^(xh | p)
	mh := p & xh
	outP, outM = ph>>high&1, mh>>high&1
	ph = ph<<1 | hp
	mh = mh<<1 | hm
	return mh | ^(xv | ph), ph & xv, outP, outM
}
