package segment

import (
	"unicode"
	"unicode/utf8"
)

// markKind names a family of paired marks.
type markKind uint8

const (
	markGuillemet markKind = iota + 1 // « »
	markLow                           // „ “ (Russian and German handwriting quotes)
	markCurly                         // “ ”
	markStraight                      // " "
	markParen                         // ( )
	markBracket                       // [ ]
)

// isQuote is true for the quotation families (brackets are not quotes for hygiene warnings).
func (k markKind) isQuote() bool { return k <= markStraight }

const (
	// maxOpen bounds the stack of open marks; deeper openers are ignored, so a paragraph of a
	// million "(" costs linear time and constant memory.
	maxOpen = 32
	// maxSearch bounds how far below the top a closer looks for its opener.
	maxSearch = 8
)

// span is a matched pair: open is the byte offset of the opening mark, end the offset just after
// the closing mark.
type span struct{ open, end int }

type openMark struct {
	kind markKind
	pos  int
}

// scratch is per-call working memory, reused across the paragraphs of one call.
type scratch struct {
	spans  []span     // outermost matched pairs of the current paragraph, in order
	clause clauseScan // the verb search of the current sentence
	stack  [maxOpen]openMark
	depth  int
	// unmatched collects the offsets of quote marks without a partner when report is set.
	report    bool
	unmatched []int
}

// pairLead marks the bytes that can start a paired mark: ASCII marks and the lead bytes of
// « » (C2) and „ “ ” (E2).
var pairLead = [256]bool{'"': true, '(': true, ')': true, '[': true, ']': true, 0xC2: true, 0xE2: true}

// matchPairs finds the outermost matched quotation and bracket pairs of p. An opener without a
// closer later in the paragraph is ignored, so it cannot swallow the rest of the paragraph; a
// closer without an opener is ignored too.
func matchPairs(p string, sc *scratch) {
	sc.spans = sc.spans[:0]
	sc.depth = 0
	sc.unmatched = sc.unmatched[:0]
	n := len(p)
	for i := 0; i < n; i++ {
		b := p[i]
		if !pairLead[b] {
			continue
		}
		switch b {
		case '(':
			sc.push(markParen, i)
		case ')':
			sc.close(markParen, i, 1)
		case '[':
			sc.push(markBracket, i)
		case ']':
			sc.close(markBracket, i, 1)
		case '"':
			sc.straight(p, i)
		case 0xC2:
			if i+1 < n {
				switch p[i+1] {
				case 0xAB: // «
					sc.push(markGuillemet, i)
				case 0xBB: // »
					sc.close(markGuillemet, i, 2)
				}
			}
		case 0xE2:
			if i+2 < n && p[i+1] == 0x80 {
				switch p[i+2] {
				case 0x9E: // „
					sc.push(markLow, i)
				case 0x9C: // “ closes „ in Russian usage, opens in English usage
					if !sc.tryClose(markLow, i, 3) {
						sc.push(markCurly, i)
					}
				case 0x9D: // ”
					if !sc.tryClose(markCurly, i, 3) && !sc.tryClose(markLow, i, 3) {
						sc.lost(markCurly, i)
					}
				}
			}
		}
	}
	if sc.report {
		for k := 0; k < sc.depth; k++ {
			sc.lost(sc.stack[k].kind, sc.stack[k].pos)
		}
	}
}

func (sc *scratch) push(kind markKind, pos int) {
	if sc.depth == maxOpen {
		sc.lost(kind, pos)
		return
	}
	sc.stack[sc.depth] = openMark{kind, pos}
	sc.depth++
}

func (sc *scratch) close(kind markKind, pos, size int) {
	if !sc.tryClose(kind, pos, size) {
		sc.lost(kind, pos)
	}
}

// tryClose pairs a closer with the nearest open mark of its kind; marks opened after that one are
// left unmatched.
func (sc *scratch) tryClose(kind markKind, pos, size int) bool {
	for k := sc.depth - 1; k >= 0 && k >= sc.depth-maxSearch; k-- {
		if sc.stack[k].kind != kind {
			continue
		}
		for j := k + 1; j < sc.depth; j++ {
			sc.lost(sc.stack[j].kind, sc.stack[j].pos)
		}
		open := sc.stack[k].pos
		sc.depth = k
		// Pairs close innermost first, so earlier spans that start after this opener are nested
		// inside it and give way to it.
		for len(sc.spans) > 0 && sc.spans[len(sc.spans)-1].open > open {
			sc.spans = sc.spans[:len(sc.spans)-1]
		}
		sc.spans = append(sc.spans, span{open, pos + size})
		return true
	}
	return false
}

// straight decides from its neighbours whether a " opens or closes.
func (sc *scratch) straight(p string, i int) {
	before, _ := utf8.DecodeLastRuneInString(p[:i])
	after, _ := utf8.DecodeRuneInString(p[i+1:])
	opening := i == 0 || unicode.IsSpace(before) || isOpener(before) || isDash(before)
	closing := i+1 == len(p) || unicode.IsSpace(after) || unicode.IsPunct(after)
	switch {
	case opening && !closing:
		sc.push(markStraight, i)
	case closing && !opening:
		sc.close(markStraight, i, 1)
	default:
		if !sc.tryClose(markStraight, i, 1) {
			sc.push(markStraight, i)
		}
	}
}

// lost records an unmatched quotation mark when reporting.
func (sc *scratch) lost(kind markKind, pos int) {
	if sc.report && kind.isQuote() {
		sc.unmatched = append(sc.unmatched, pos)
	}
}

func isOpener(r rune) bool {
	switch r {
	case '«', '„', '“', '"', '\'', '‘', '(', '[', '{', '‹':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '»', '“', '”', '"', '\'', '’', ')', ']', '}', '›':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}
