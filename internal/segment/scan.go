package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// terminatorAt returns the byte length of the sentence-ending mark at p[i], or 0.
func terminatorAt(p string, i int) int {
	switch p[i] {
	case '.', '?', '!':
		return 1
	case 0xE2:
		if i+2 < len(p) {
			c1, c2 := p[i+1], p[i+2]
			if (c1 == 0x80 && (c2 == 0xA6 || c2 == 0xBC)) || (c1 == 0x81 && c2 >= 0x87 && c2 <= 0x89) {
				return 3
			}
		}
	}
	return 0
}

// cluster is a run of sentence-ending marks and closing quotes or brackets ("?»", ".)", "...».").
type cluster struct {
	start, end int
	strong     bool // contains ? or !
	ellipsis   bool // contains … or two periods in a row
	// periodAfterCloser: a period follows a closing quote or bracket inside the run ("».", ")."),
	// so it is a true full stop, whatever word precedes the quote.
	periodAfterCloser bool
	// closed: the run contains a closing quote or bracket ("?»", "!)"): direct speech or an
	// aside, after which a lowercase word goes on with the author's sentence.
	closed bool
	// emoticon: the run is an emoticon (":)", ")))"), not a sentence-ending mark; bare when it
	// has no eyes, so that its brackets may instead close a pair.
	emoticon, bare bool
}

func scanCluster(p string, i int) cluster {
	c := cluster{start: i}
	prevDot, prevCloser := false, false
	j := i
	for j < len(p) {
		r, size := runeAt(p, j)
		switch {
		case r == '.':
			if prevDot {
				c.ellipsis = true
			}
			if prevCloser {
				c.periodAfterCloser = true
			}
			prevDot, prevCloser = true, false
		case r == '?' || r == '!' || r == '‼' || r == '⁇' || r == '⁈' || r == '⁉':
			c.strong = true
			prevDot, prevCloser = false, false
		case r == '…':
			c.ellipsis = true
			prevDot, prevCloser = false, false
		case isCloser(r):
			prevDot, prevCloser = false, true
			c.closed = true
		default:
			c.end = j
			return c
		}
		j += size
	}
	c.end = j
	return c
}

// nextClass is what follows a candidate sentence end.
type nextClass uint8

const (
	nextEnd   nextClass = iota // nothing but marks up to the end of the paragraph
	nextUpper                  // a capital letter, or a letter of a script without case
	nextLower                  // a lowercase letter
	nextDigit                  // a digit
	nextPunct                  // a comma, colon, closing mark ...: the sentence goes on
	nextOther                  // another symbol (№, •, emoji ...)
)

// follow describes the text after a candidate sentence end.
type follow struct {
	space bool // white space separates it from the candidate
	class nextClass
	at    int // offset of the first letter, digit or symbol after opening marks and dashes
}

// maxLook bounds the look-ahead over opening marks and dashes and the length of the next word.
const maxLook = 24

func lookAhead(p string, e int) follow {
	var f follow
	n := len(p)
	j := e
	for j < n {
		r, size := runeAt(p, j)
		if !isSpace(r) {
			break
		}
		f.space = true
		j += size
	}
	for steps := 0; j < n && steps < maxLook; steps++ {
		r, size := runeAt(p, j)
		// After a space, an ellipsis leads into the next sentence ("вздохнул. …На перемене",
		// "ушёл. «... И не вернулся»"), as an opening quote does.
		if !(isOpener(r) || isDash(r) || isSpace(r) || f.space && (r == '.' || r == '…')) {
			break
		}
		j += size
	}
	if j >= n {
		return f
	}
	f.at = j
	r, _ := runeAt(p, j)
	switch {
	case isLower(r):
		f.class = nextLower
	case isLetter(r):
		f.class = nextUpper
	case unicode.IsDigit(r):
		f.class = nextDigit
	case (r == '@' || r == '*' || r == '•') && startsItem(p, j):
		f.class = nextOther
	case unicode.IsPunct(r):
		f.class = nextPunct
	default:
		f.class = nextOther
	}
	return f
}

// startsItem: the @ or bullet at p[j] begins a new sentence: a @mention ("… буду. @yabloko если
// …") or a bullet with a space after it (". * Примечание", ". • Пункт").
func startsItem(p string, j int) bool {
	if j+1 >= len(p) {
		return false
	}
	next, _ := runeAt(p, j+1)
	if p[j] == '@' {
		return isLetter(next) || unicode.IsDigit(next) || next == '_'
	}
	return isSpace(next)
}

// nextWord reads the word at offset at (up to maxLook runes): the word, whether a period follows
// it (an initial or an abbreviation), and whether it has a lowercase letter after its first one
// ("Напомним", not "NET"), which tells a missing space from a compound like ASP.NET.
func nextWord(p string, at int) (word string, dotted, capitalized bool) {
	j := at
	if j < len(p) {
		_, size := runeAt(p, j)
		j += size
	}
	for k := 0; j < len(p) && k < maxLook; k++ {
		r, size := runeAt(p, j)
		if !isWordRune(r) {
			break
		}
		capitalized = capitalized || isLower(r)
		j += size
	}
	return p[at:j], j < len(p) && p[j] == '.', capitalized
}

// sentenceStart: only opening marks, dashes and spaces (a few) stand between the start of the
// sentence and offset at. It looks back a bounded distance, so a long sentence full of
// abbreviations costs linear time.
func sentenceStart(p string, start, at int) bool {
	for steps := 0; at > start; steps++ {
		r, size := lastRune(p[:at])
		if steps == maxLook || !(isOpener(r) || isDash(r) || isSpace(r)) {
			return false
		}
		at -= size
	}
	return true
}

// precedingWord returns the short word (up to three letters: "и", "в", "до") separated by one
// space before offset ks, and its offset; "" when there is none.
func precedingWord(p string, start, ks int) (string, int) {
	if ks-1 <= start || p[ks-1] != ' ' {
		return "", 0
	}
	e := ks - 1
	b := e
	for n := 0; b > start; n++ {
		r, size := utf8.DecodeLastRuneInString(p[:b])
		if !isLetter(r) {
			break
		}
		if n == 3 {
			return "", 0
		}
		b -= size
	}
	return p[b:e], b
}

// isInitial: a single capital letter.
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && isUpper(r)
}

// isListNumber: "1." or "2.3." at the start of a sentence, or a short number right after a colon
// or semicolon ("Порядок: 1. …"). A number inside a sentence ("было 25. Потом") is no list item.
func isListNumber(p string, start, d int) bool {
	ns := d
	digits := 0
	for ns > start && d-ns < 12 {
		c := p[ns-1]
		if c >= '0' && c <= '9' {
			digits++
		} else if c != '.' {
			break
		}
		ns--
	}
	if digits == 0 || p[ns] < '0' || p[ns] > '9' {
		return false
	}
	if ns == start {
		return digits <= 3
	}
	if p[ns-1] != ' ' {
		return false
	}
	k := ns - 1
	for k > start && p[k-1] == ' ' {
		k--
	}
	return k > start && (p[k-1] == ':' || p[k-1] == ';') && digits <= 2
}

// inAddress: the token ending at d is part of a web or e-mail address.
func inAddress(p string, start, d int) bool {
	b := d
	for b > start && d-b < 256 {
		c := p[b-1]
		if c == ' ' || c == '\t' {
			break
		}
		b--
	}
	tok := p[b:d]
	return strings.ContainsAny(tok, "@/") || strings.Contains(tok, "www.") || strings.Contains(tok, "WWW.")
}

// appendSentences appends the sentences of the trimmed paragraph p to dst.
func (s *Segmenter) appendSentences(dst []string, p string, sc *scratch) []string {
	return s.segment(dst, p, sc, nil)
}

// tracer receives every candidate sentence end of a paragraph and its decision (see Explain). It
// is nil on the normal path, which then pays one comparison per candidate.
type tracer func(c cluster, d decision)

// segment appends the sentences of the trimmed paragraph p to dst, telling trace, when set, how
// each candidate was decided.
func (s *Segmenter) segment(dst []string, p string, sc *scratch, trace tracer) []string {
	if p == "" {
		return dst
	}
	var (
		find    = termFinder{p: p, pos: [len(termBytes)]int{-1, -1, -1, -1, -1, -1}}
		spans   []span
		matched bool // spans are computed on the first candidate that needs them
		si      int
		start   int
		n       = len(p)
	)
	sc.clause = clauseScan{start: -1}
	for i := find.next(0); i < n; {
		var (
			c cluster
			d decision
		)
		if b := p[i]; b == ')' || b == '(' {
			if c = s.emoticonAt(p, start, i); !c.emoticon {
				i = find.next(c.end)
				continue
			}
		} else {
			c = scanCluster(p, i)
		}
		if c.end >= n {
			break
		}
		if c.emoticon {
			d = s.afterEmoticon(p, c)
		} else {
			d = s.isBoundary(p, start, c, sc)
		}
		if d.split {
			// Inside a matched quotation or bracket the sentence goes on; a cluster that closes
			// the pair ("…продолжатся»." or "…?»") is outside it.
			if !matched {
				matchPairs(p, sc)
				spans, matched = sc.spans, true
			}
			for si < len(spans) && spans[si].end <= c.end {
				si++
			}
			switch {
			case si < len(spans) && spans[si].open < c.end && sentencesInside(p, spans[si]):
				d.bracket = [2]int{spans[si].open, spans[si].end}
			case si < len(spans) && spans[si].open < c.end:
				d = keep(ruleInsidePair).on(spans[si].open, spans[si].end)
			case c.bare && si > 0 && spans[si-1].end > c.start:
				// "(вот так)) Далее": the run closes brackets, it is no emoticon
				d = keep(ruleInsidePair).on(spans[si-1].open, spans[si-1].end)
			}
		}
		if trace != nil {
			trace(c, d)
		}
		if d.split {
			dst = append(dst, p[start:c.end])
			start = skipSpace(p, c.end)
			i = find.next(start)
			continue
		}
		i = find.next(c.end)
	}
	if start < n {
		dst = append(dst, p[start:])
	}
	return dst
}

// termFinder finds the next sentence-ending mark or emoticon bracket with one vectorized byte
// search per mark kind, remembering each kind's next position, so the text between marks is
// skipped at memory speed.
type termFinder struct {
	p   string
	pos [len(termBytes)]int // next offset of each of termBytes; len(p) when none, -1 before the first search
}

// termBytes begin the candidates: '.', '?', '!', the lead byte 0xE2 of … ‼ ⁇ ⁈ ⁉, and the
// brackets of emoticons.
var termBytes = [...]byte{'.', '?', '!', 0xE2, ')', '('}

// next returns the offset of the first candidate at or after i, or len(p).
func (f *termFinder) next(i int) int {
	n := len(f.p)
	for i < n {
		best := n
		for k, b := range termBytes {
			if f.pos[k] < i {
				f.pos[k] = n
				if j := strings.IndexByte(f.p[i:], b); j >= 0 {
					f.pos[k] = i + j
				}
			}
			best = min(best, f.pos[k])
		}
		if best == n || f.p[best] != 0xE2 || terminatorAt(f.p, best) > 0 {
			return best
		}
		i = best + 1 // an E2 byte of a dash or a quote, not … ‼ ⁇ ⁈ ⁉
	}
	return n
}

func skipSpace(p string, i int) int {
	for i < len(p) {
		r, size := runeAt(p, i)
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// trimSpace trims Unicode white space from both ends.
func trimSpace(s string) string { return strings.TrimFunc(s, unicode.IsSpace) }

func isLatin(r rune) bool { return unicode.Is(unicode.Latin, r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// sentencesInside: the matched pair sp is a bracket whose content begins with a capital letter,
// so it holds sentences of its own rather than an aside within one ("(Прилепин — хороший
// писатель. Но враг)" against "Делегаты (среди них были эксперты. Некоторые приехали) прибыли").
// Quotations stay whole: «Мы готовы. Двери открыты», — заявил он.
func sentencesInside(p string, sp span) bool {
	if p[sp.open] != '(' && p[sp.open] != '[' {
		return false
	}
	i := skipSpace(p, sp.open+1)
	if i >= sp.end {
		return false
	}
	r, _ := runeAt(p, i)
	return isUpper(r)
}
