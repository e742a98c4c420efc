package segment

import (
	"strings"
	"unicode/utf8"
)

// clauseScan is the finite-verb search of the current sentence (see abbrevDate). It is kept
// between the candidates of one sentence, so a sentence with many dates is read once.
type clauseScan struct {
	start, pos int  // the sentence searched, and how far its words were read
	rel        bool // inside a relative clause (", где родился Толстой,")
	comma      bool // a comma came before the words read since it
	words      int  // words read since the last comma
	verb       [2]int
}

// verbBefore reports the first finite verb of the sentence that begins at start, read up to
// offset end, outside relative clauses.
func (s *Segmenter) verbBefore(p string, start, end int, sc *scratch) (from, to int, ok bool) {
	cs := &sc.clause
	if cs.start != start || cs.pos < start {
		*cs = clauseScan{start: start, pos: start}
	}
	for cs.verb[1] == 0 && cs.pos < end {
		i := cs.pos
		r, size := runeAt(p, i)
		if !isWordRune(r) {
			if r == ',' || r == ';' {
				cs.rel, cs.comma, cs.words = false, true, 0
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
		// A capitalized word inside the sentence is a name, whatever its ending (Карла, Данила).
		if isUpper(r) && !sentenceStart(p, start, i) {
			cs.words++
			continue
		}
		var k keyBuf
		if !k.appendLower(p[i:j]) {
			cs.words++
			continue
		}
		w := string(k.bytes())
		switch {
		case cs.comma && cs.words < 2 && s.relatives[w]:
			cs.rel = true
		case !cs.rel && s.isVerb(w):
			cs.verb = [2]int{i, j}
		}
		cs.words++
	}
	return cs.verb[0], cs.verb[1], cs.verb[1] > 0
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
