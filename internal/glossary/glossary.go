// Package glossary holds the terms of one language pair and finds them in
// Russian source text, whatever case the Russian words are inflected for.
// It also reads and writes glossaries as CSV and TBX-Basic and carries the
// seed glossaries for Kazakh and English. The package is pure: no I/O beyond
// the readers and writers it is given.
package glossary

import (
	"cmp"
	"slices"
)

// Term is one glossary entry: a Russian source term, its required rendering in
// the target language, a note for translators and renderings that must not be
// used.
type Term struct {
	ID        int64
	Source    string
	Target    string
	Note      string
	Forbidden []string
}

// Hit is a term found in a source text; Start/End are byte offsets of the
// matched form in the source and Form is the text between them.
type Hit struct {
	Term  Term
	Start int
	End   int
	Form  string
}

// Glossary matches the terms of one language pair in Russian source text.
// It is immutable after New and safe for concurrent use.
type Glossary struct {
	terms []compiledTerm
	// byStem and byAbbr index terms by the key of their first word; the
	// candidate lists are ordered longest term first.
	byStem map[string][]int32
	byAbbr map[string][]int32
}

// compiledTerm is a term with its source split into comparable word keys.
type compiledTerm struct {
	term  Term
	words []termWord
}

// termWord is one word of a term's source: an abbreviation compared exactly,
// or an ordinary word compared by its folded stem.
type termWord struct {
	key  string
	abbr bool
}

// New compiles terms for matching. Terms whose source has no words are kept
// out of matching; the slice is copied, so the caller may reuse it.
func New(terms []Term) *Glossary {
	g := &Glossary{
		byStem: make(map[string][]int32),
		byAbbr: make(map[string][]int32),
	}
	var tk tokenizer
	for _, t := range terms {
		t.Forbidden = slices.Clone(t.Forbidden)
		toks := tk.tokenize(t.Source)
		if len(toks) == 0 {
			continue
		}
		ct := compiledTerm{term: t, words: make([]termWord, len(toks))}
		for i, tok := range toks {
			if tok.abbr {
				ct.words[i] = termWord{key: t.Source[tok.start:tok.end], abbr: true}
			} else {
				ct.words[i] = termWord{key: string(tk.key(tok))}
			}
		}
		idx := int32(len(g.terms))
		g.terms = append(g.terms, ct)
		first := ct.words[0]
		if first.abbr {
			g.byAbbr[first.key] = append(g.byAbbr[first.key], idx)
		} else {
			g.byStem[first.key] = append(g.byStem[first.key], idx)
		}
	}
	longestFirst := func(a, b int32) int {
		return cmp.Or(
			cmp.Compare(len(g.terms[b].words), len(g.terms[a].words)),
			cmp.Compare(a, b),
		)
	}
	for _, list := range g.byStem {
		slices.SortFunc(list, longestFirst)
	}
	for _, list := range g.byAbbr {
		slices.SortFunc(list, longestFirst)
	}
	return g
}

// Len reports how many terms take part in matching.
func (g *Glossary) Len() int { return len(g.terms) }

// candidate is a possible hit: words [first, last] of the text match term.
type candidate struct {
	term        int32
	first, last int32
}

// Match finds the glossary terms in source. Hits come in order of Start; where
// two matches overlap the one with more words (then more bytes) wins, and an
// earlier term in the glossary wins a tie.
func (g *Glossary) Match(source string) []Hit {
	if g == nil || len(g.terms) == 0 {
		return nil
	}
	var tk tokenizer
	toks := tk.tokenize(source)
	var cands []candidate
	for i, tok := range toks {
		if list, ok := g.byStem[string(tk.key(tok))]; ok {
			cands = g.extend(cands, &tk, source, toks, i, list)
		}
		if tok.abbr {
			if list, ok := g.byAbbr[source[tok.start:tok.end]]; ok {
				cands = g.extend(cands, &tk, source, toks, i, list)
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		la, lb := a.last-a.first, b.last-b.first
		ba := toks[a.last].end - toks[a.first].start
		bb := toks[b.last].end - toks[b.first].start
		return cmp.Or(cmp.Compare(lb, la), cmp.Compare(bb, ba), cmp.Compare(a.first, b.first), cmp.Compare(a.term, b.term))
	})
	taken := make([]bool, len(toks))
	hits := make([]Hit, 0, len(cands))
outer:
	for _, c := range cands {
		for w := c.first; w <= c.last; w++ {
			if taken[w] {
				continue outer
			}
		}
		for w := c.first; w <= c.last; w++ {
			taken[w] = true
		}
		start, end := toks[c.first].start, toks[c.last].end
		hits = append(hits, Hit{Term: g.terms[c.term].term, Start: start, End: end, Form: source[start:end]})
	}
	slices.SortFunc(hits, func(a, b Hit) int { return cmp.Compare(a.Start, b.Start) })
	return hits
}

// extend appends a candidate for every term in list whose words match the
// text words starting at toks[at].
func (g *Glossary) extend(cands []candidate, tk *tokenizer, source string, toks []token, at int, list []int32) []candidate {
	lastLen := 0 // the list is longest first: one candidate per span is enough
next:
	for _, ti := range list {
		words := g.terms[ti].words
		if at+len(words) > len(toks) || len(words) == lastLen {
			continue
		}
		for k, w := range words {
			tok := toks[at+k]
			if k > 0 && !tok.joined {
				continue next
			}
			if w.abbr {
				if !tok.abbr || source[tok.start:tok.end] != w.key {
					continue next
				}
			} else if string(tk.key(tok)) != w.key {
				continue next
			}
		}
		cands = append(cands, candidate{term: ti, first: int32(at), last: int32(at + len(words) - 1)})
		lastLen = len(words)
	}
	return cands
}
