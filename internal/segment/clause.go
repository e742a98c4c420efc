package segment

import (
	"strings"
	"unicode/utf8"
)

// clauseScan is the finite-verb search of the current sentence (see abbrevDate). It is kept
// between the candidates of one sentence, so a sentence with many dates is read once.
type clauseScan struct {
	start, pos int  // the sentence searched, and how far its words were read
	sub        bool // the current clause is subordinate: it opened with где, который, что, как ...
	words      int  // words read since the start of the sentence or the last , ; :
	main       [2]int
	clause     [2]int
}

// verbBefore reports the finite verb that completes the clause in which offset end stands: the
// verb of that clause itself ("…, которая возглавляла библиотеку до 2009 г. В 1907 …"), or,
// when that clause is no subordinate one, a verb of the sentence outside subordinate clauses
// ("Первая кинокомпания была основана в 1912 г., а вторая — в 1916 г. Самым …"). A clause
// such as ", что в 2019 г. Казахстан увеличил …" has none yet, whatever came before it.
func (s *Segmenter) verbBefore(p string, start, end int, sc *scratch) (from, to int, ok bool) {
	cs := &sc.clause
	if cs.start != start || cs.pos < start {
		*cs = clauseScan{start: start, pos: start}
	}
	for cs.pos < end {
		i := cs.pos
		r, size := runeAt(p, i)
		if !isWordRune(r) {
			if r == ',' || r == ';' || r == ':' {
				cs.sub, cs.words, cs.clause = false, 0, [2]int{}
			}
			cs.pos += size
			continue
		}
		j := i + size
		for j < end {
			r, size := runeAt(p, j)
			if !isWordRune(r) && r != '-' {
				break
			}
			j += size
		}
		cs.pos = j
		cs.words++
		// A capitalized word inside the sentence is a name, whatever its ending (Карла, Данила).
		if isUpper(r) && !sentenceStart(p, start, i) {
			continue
		}
		var k keyBuf
		if !k.appendLower(p[i:j]) {
			continue
		}
		w := string(k.bytes())
		switch {
		case cs.words <= 2 && s.relatives[w]:
			cs.sub = true
		case s.isVerb(w):
			if cs.clause[1] == 0 {
				cs.clause = [2]int{i, j}
			}
			if !cs.sub && cs.main[1] == 0 {
				cs.main = [2]int{i, j}
			}
		}
	}
	switch {
	case cs.clause[1] > 0:
		return cs.clause[0], cs.clause[1], true
	case cs.main[1] > 0 && !cs.sub:
		return cs.main[0], cs.main[1], true
	}
	return 0, 0, false
}

// isVerb: the lowercase word w is a finite verb by the tables.
func (s *Segmenter) isVerb(w string) bool {
	if v, listed := s.verbWords[w]; listed {
		return v
	}
	n := utf8.RuneCountInString(w)
	for _, e := range s.verbEndings {
		if strings.HasSuffix(w, e) && n >= utf8.RuneCountInString(e)+2 {
			return true
		}
	}
	return false
}
