package glossary

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMatchProperties checks invariants of Match on random texts built from
// the announcement and the seed terms: hits are ordered, do not overlap,
// their offsets give their form, and a hit's form alone matches its term
// again.
func TestMatchProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	terms := append(Seed("en"), syntheticTerms(t, 300)...)
	g := New(terms)
	var pieces []string
	pieces = append(pieces, strings.Fields(strings.Join(announcementSentences(t), " "))...)
	for _, term := range Seed("kk") {
		pieces = append(pieces, term.Source)
	}
	for i := 0; i < 2000; i++ {
		parts := make([]string, 1+rng.IntN(30))
		for k := range parts {
			parts[k] = pieces[rng.IntN(len(pieces))]
		}
		text := strings.Join(parts, " ")
		hits := g.Match(text)
		end := 0
		for _, h := range hits {
			if h.Start < end {
				t.Fatalf("%q: hit %q at %d overlaps or precedes the previous one ending at %d", text, h.Form, h.Start, end)
			}
			if h.Start >= h.End || text[h.Start:h.End] != h.Form {
				t.Fatalf("%q: hit %q has offsets %d..%d", text, h.Form, h.Start, h.End)
			}
			end = h.End
			again := g.Match(h.Form)
			if len(again) != 1 || again[0].Term.Source != h.Term.Source || again[0].Form != h.Form {
				t.Fatalf("%q alone matches %+v, in context it matched %q", h.Form, again, h.Term.Source)
			}
		}
	}
}
