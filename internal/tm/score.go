package tm

// Score is the CAT-style similarity of a and b: 100 - round(100*d/L), where d is the edit distance
// (insertions, deletions, substitutions of characters) between the folded texts and L the length of
// the longer one in characters. Only identical folded texts score 100: a rounding that would reach
// 100 for a non-identical pair gives 99. Two empty texts score 100.
func Score(a, b string) int {
	fa, fb := fold(a, nil), fold(b, nil)
	if len(fa) < len(fb) {
		fa, fb = fb, fa
	}
	// The shorter text is the pattern: fewer bit-parallel blocks.
	if len(fb) == 0 {
		return scoreOf(len(fa), len(fa), 0)
	}
	p := newPattern(fb)
	return scoreOf(p.distance(fa, len(fa)), len(fa), len(fb))
}

// scoreOf turns an edit distance d between texts of n and m characters into a score.
func scoreOf(d, n, m int) int {
	l := max(n, m)
	if d == 0 {
		return 100
	}
	if l == 0 {
		return 0 // cannot happen for true lengths; keeps a corrupt length from dividing by zero
	}
	// round half up of 100*d/l, in integers
	s := 100 - (200*d+l)/(2*l)
	if s > 99 {
		return 99
	}
	if s < 0 {
		return 0
	}
	return s
}

// maxDistance is the largest edit distance that still scores at least minScore when the longer
// text has l characters.
func maxDistance(l, minScore int) int {
	if minScore >= 100 {
		return 0
	}
	if minScore <= 0 {
		return l
	}
	t := 100 - minScore
	// round(100d/l) <= t  <=>  200d < l(2t+1)
	k := (l*(2*t+1) - 1) / 200
	if k < 0 {
		return 0
	}
	return k
}

// lengthWindow is the range of key lengths [lo, hi] that can score at least minScore against a
// query of n characters: the length difference is itself a lower bound on the edit distance.
func lengthWindow(n, minScore, maxLen int) (lo, hi int) {
	lo = n - maxDistance(n, minScore)
	if lo < 0 {
		lo = 0
	}
	if minScore <= 0 {
		return lo, maxLen
	}
	hi = n
	for hi < maxLen && hi+1-n <= maxDistance(hi+1, minScore) {
		hi++
	}
	return lo, hi
}

// minShared is the q-gram lemma for padded trigrams: texts of n and m characters within edit
// distance k share at least max(n,m)+2-3k trigrams (counted as multisets).
func minShared(n, m, k int) int {
	return max(n, m) + gramQ - 1 - gramQ*k
}
