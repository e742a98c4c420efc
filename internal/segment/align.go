package segment

import (
	"slices"
	"strings"
	"unicode"
)

// Link says where a segment of a new source revision comes from: Old is the index of the old
// segment it derives from (-1 for a brand-new segment) and Same whether its text is identical.
type Link struct {
	Old  int
	Same bool
}

// Similarity thresholds for Align. A corrected sentence keeps most of its words (Dice well above
// minDice); half of a split sentence is almost wholly contained in the old one (containment above
// minContain, with at least minShared words in common so that short sentences do not attach to
// whatever long sentence shares their few words).
const (
	minDice    = 0.5
	minContain = 0.8
	minShared  = 4
	// freeMargin: an old segment not matched identically wins over a matched one that is at most
	// this much more similar.
	freeMargin = 0.15
)

// Align maps the segments of a new revision onto those of the old one, both in document order.
// Identical texts are paired first, as a multiset: a reordered paragraph keeps its matches and
// duplicates pair in order. Each remaining new segment then takes the most similar old segment,
// consumed or not, above a similarity threshold: both halves of a split sentence map to the old
// sentence, and a corrected sentence maps to its old version. Anything else is new (Old = -1).
func Align(old, new []string) []Link {
	links := make([]Link, len(new))
	byText := make(map[string][]int, len(old))
	for i, t := range old {
		byText[t] = append(byText[t], i)
	}
	consumed := make([]bool, len(old))
	var pending []int
	for j, t := range new {
		if q := byText[t]; len(q) > 0 {
			links[j] = Link{Old: q[0], Same: true}
			consumed[q[0]] = true
			byText[t] = q[1:]
			continue
		}
		links[j] = Link{Old: -1}
		pending = append(pending, j)
	}
	if len(pending) == 0 || len(old) == 0 {
		return links
	}
	vocab := map[string]int{}
	oldBags := make([][]int, len(old))
	for i, t := range old {
		oldBags[i] = bag(t, vocab)
	}
	for _, j := range pending {
		nb := bag(new[j], vocab)
		if len(nb) == 0 {
			continue
		}
		hint := nearestOld(links, j)
		// The best old segment overall, and the best one that no identical new segment took:
		// a segment whose identical successor exists is a less likely source than an unmatched
		// one that is nearly as similar.
		best, bestScore := -1, 0.0
		free, freeScore := -1, 0.0
		for i, ob := range oldBags {
			score := similarity(nb, ob)
			if score == 0 {
				continue
			}
			if best < 0 || score > bestScore || (score == bestScore && nearer(i, best, hint)) {
				best, bestScore = i, score
			}
			if !consumed[i] && (free < 0 || score > freeScore || (score == freeScore && nearer(i, free, hint))) {
				free, freeScore = i, score
			}
		}
		if free >= 0 && freeScore >= bestScore-freeMargin {
			best = free
		}
		if best >= 0 {
			links[j] = Link{Old: best}
		}
	}
	return links
}

// nearer breaks a tie between old segments a and b: the one nearest to where the neighbouring
// new segments came from wins.
func nearer(a, b, hint int) bool {
	return abs(a-hint) < abs(b-hint)
}

// nearestOld is the old index just after the closest preceding matched new segment: where a new
// segment at j most likely comes from.
func nearestOld(links []Link, j int) int {
	for k := j - 1; k >= 0; k-- {
		if links[k].Old >= 0 {
			return links[k].Old + 1
		}
	}
	return 0
}

// similarity of two sorted word-id bags: the Dice coefficient, or the containment of the new
// bag a in the old bag b when that is high enough to mean "a is part of b".
func similarity(a, b []int) float64 {
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	if shared == 0 {
		return 0
	}
	dice := 2 * float64(shared) / float64(len(a)+len(b))
	if dice >= minDice {
		return dice
	}
	if shared >= minShared {
		if contain := float64(shared) / float64(len(a)); contain >= minContain {
			// Ranked below any close match, above nothing.
			return minDice * contain
		}
	}
	return 0
}

// bag returns the sorted ids of the lowercase words of t (a multiset).
func bag(t string, vocab map[string]int) []int {
	var ids []int
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w = strings.ToLower(w)
		id, ok := vocab[w]
		if !ok {
			id = len(vocab)
			vocab[w] = id
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
