package tm

// pattern is a text prepared for bit-parallel edit distance (Myers 1999, in Hyyrö's block form for
// patterns longer than 64 characters): one bit vector per distinct character, one 64-bit word per
// block of 64 pattern positions.
type pattern struct {
	n, words int
	lastBit  uint64
	peq      []uint64 // row r, block b at r*words+b; row 0 is every character absent from the pattern
	low      [0x500]uint16
	high     map[rune]uint16
	runes    []rune // the distinct runes that were given rows, to reset low
	pv, mv   []uint64
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
	pt.lastBit = uint64(1) << uint((len(p)+63)%64)
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
	if pt.n == 0 {
		return len(text)
	}
	if pt.words == 1 {
		return pt.distance1(text, k)
	}
	w := pt.words
	pv, mv := pt.pv, pt.mv
	for b := range pv {
		pv[b] = ^uint64(0)
		mv[b] = 0
	}
	score := pt.n
	m := len(text)
	const top = uint64(1) << 63
	for j, c := range text {
		row := int(pt.row(c)) * w
		eqs := pt.peq[row : row+w]
		hin := 1 // the first row of the matrix grows by one per column
		for b := range w {
			eq, p, mm := eqs[b], pv[b], mv[b]
			xv := eq | mm
			if hin < 0 {
				eq |= 1
			}
			xh := (((eq & p) + p) ^ p) | eq
			ph := mm | ^(xh | p)
			mh := p & xh
			high := top
			if b == w-1 {
				high = pt.lastBit
			}
			hout := 0
			if ph&high != 0 {
				hout = 1
			} else if mh&high != 0 {
				hout = -1
			}
			ph <<= 1
			mh <<= 1
			if hin < 0 {
				mh |= 1
			} else if hin > 0 {
				ph |= 1
			}
			pv[b] = mh | ^(xv | ph)
			mv[b] = ph & xv
			hin = hout
		}
		score += hin
		// the last row changes by at most one per remaining column
		if score-(m-j-1) > k {
			return k + 1
		}
	}
	return score
}

// distance1 is distance for patterns of at most 64 characters.
func (pt *pattern) distance1(text []rune, k int) int {
	pv, mv := ^uint64(0), uint64(0)
	score := pt.n
	m := len(text)
	last := pt.lastBit
	for j, c := range text {
		eq := pt.peq[int(pt.row(c))]
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&last != 0 {
			score++
		} else if mh&last != 0 {
			score--
		}
		ph = ph<<1 | 1
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
		if score-(m-j-1) > k {
			return k + 1
		}
	}
	return score
}
