package tm

import (
	"cmp"
	"slices"
	"time"
)

// bruteForce is the reference Lookup: every entry scored with Score, grouped, sorted.
// folded caches folded sources across calls.
func bruteForce(entries map[int64]Entry, folded map[string][]rune, query string, limit, minScore int) []Suggestion {
	type group struct {
		s   Suggestion
		rep Entry
	}
	groups := map[[2]string]*group{}
	q := fold(query, nil)
	var pt pattern
	pt.reset(q)
	for _, e := range entries {
		f, ok := folded[e.Source]
		if !ok {
			f = fold(e.Source, nil)
			folded[e.Source] = f
		}
		sc := scoreOf(pt.distance(f, len(f)+len(q)), len(q), len(f))
		if sc < max(minScore, 0) {
			continue
		}
		k := [2]string{string(f), e.Target}
		g, ok := groups[k]
		if !ok {
			g = &group{rep: e}
			g.s.Score = sc
			groups[k] = g
		}
		g.s.Count++
		g.s.IDs = append(g.s.IDs, e.ID)
		if c := e.Created.Compare(g.rep.Created); c > 0 || (c == 0 && e.ID > g.rep.ID) {
			g.rep = e
		}
	}
	var out []group
	for _, g := range groups {
		slices.Sort(g.s.IDs)
		e := g.rep
		g.s.Source, g.s.Target, g.s.Origin, g.s.Author, g.s.Created = e.Source, e.Target, e.Origin, e.Author, e.Created
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b group) int {
		return cmp.Or(cmp.Compare(b.s.Score, a.s.Score), b.rep.Created.Compare(a.rep.Created), cmp.Compare(b.rep.ID, a.rep.ID))
	})
	if len(out) > limit {
		out = out[:limit]
	}
	res := make([]Suggestion, len(out))
	for i, g := range out {
		res[i] = g.s
	}
	return res
}

var epoch = time.Date(2024, 11, 27, 9, 0, 0, 0, time.UTC)
