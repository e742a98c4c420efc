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
		if !(isOpener(r) || isDash(r) || isSpace(r)) {
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
	case unicode.IsPunct(r):
		f.class = nextPunct
	default:
		f.class = nextOther
	}
	return f
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

// word classes of the token before a single period
type before uint8

const (
	beforePlain   before = iota // an ordinary word, a closing mark, a symbol
	beforeInitial               // a single capital letter: А. Б. Фамилия, А.Б.Фамилия
	beforeAbbrev                // a table abbreviation; see class
	beforeList                  // a list number at the start of a sentence: "1. Мороженое"
	beforeURL                   // the tail of a web or e-mail address
)

// isBoundary decides whether the cluster c, inside paragraph p whose current sentence begins at
// start, ends that sentence.
func (s *Segmenter) isBoundary(p string, start int, c cluster) bool {
	f := lookAhead(p, c.end)
	if f.class == nextEnd {
		return false
	}
	if !f.space {
		// A sentence end without a space ("целей.Напомним") must be followed by a capitalized
		// word and must not sit inside an address ("www.Example.com", "site.kz/?Page=1").
		if f.class != nextUpper || inAddress(p, start, c.start) {
			return false
		}
		word, _, capitalized := nextWord(p, f.at)
		if !capitalized {
			return false
		}
		// Latin on both sides is a domain, a file or a product name (Gov.Kz, Node.Js) far more
		// often than a typo.
		if before, _ := lastRune(p[:c.start]); isLatin(before) && isLatin(firstRune(word)) {
			return false
		}
	}
	switch {
	case c.strong:
		return f.class == nextUpper || f.class == nextDigit || f.class == nextOther
	case c.periodAfterCloser:
		return plainEnd(f)
	case c.ellipsis:
		return f.class == nextUpper || f.class == nextOther
	}
	kind, class := s.beforePeriod(p, start, c.start)
	switch kind {
	case beforeAbbrev:
		switch class {
		case abbrevPrefix:
			return false
		case abbrevPostfix:
			return f.space && f.class == nextUpper && s.isStarter(p, f)
		case abbrevList:
			return f.class == nextUpper || f.class == nextOther
		}
	case beforeInitial:
		// "… Иванов И. И. В ходе встречи …": only a word that is never a name ends the sentence.
		return f.space && f.class == nextUpper && s.isStarter(p, f)
	case beforeList:
		return false
	}
	return plainEnd(f)
}

// plainEnd: after an ordinary word a period ends the sentence unless a lowercase word or a
// continuing punctuation mark follows.
func plainEnd(f follow) bool {
	return f.class == nextUpper || f.class == nextDigit || f.class == nextOther
}

func (s *Segmenter) isStarter(p string, f follow) bool {
	word, dotted, _ := nextWord(p, f.at)
	if dotted || word == "" {
		return false
	}
	var k keyBuf
	if !k.appendLower(word) {
		return false
	}
	return s.starters[string(k.bytes())]
}

// beforePeriod classifies the token that ends just before the period at d.
func (s *Segmenter) beforePeriod(p string, start, d int) (before, abbrevClass) {
	// The last piece: letters, with inner hyphens (г-жа, д-р) and combining marks.
	ws := d
	runes := 0
	for ws > start && runes <= s.maxPiece {
		r, size := lastRune(p[:ws])
		if isWordRune(r) {
			ws -= size
			runes++
			continue
		}
		if r == '-' && ws < d && ws-size > start {
			if prev, _ := lastRune(p[:ws-size]); isWordRune(prev) {
				ws -= size
				runes++
				continue
			}
		}
		break
	}
	if runes > s.maxPiece {
		// Longer than any abbreviation: an ordinary word (the common case, decided early).
		return beforePlain, abbrevNone
	}
	if ws == d {
		if isListNumber(p, start, d) {
			return beforeList, abbrevNone
		}
		return beforePlain, abbrevNone
	}
	// Earlier pieces joined by a period, optionally with a space after it (т.е., т. е., куб.м.).
	var pieceStarts [5]int
	pieces := 1
	pieceStarts[0] = ws
	if isInitial(p[ws:d]) {
		// А. Б. Фамилия, А.Б.Фамилия, им. Л. Н. Гумилёва: a single capital is an initial.
		return beforeInitial, abbrevNone
	}
	for pieces < len(pieceStarts) {
		k := pieceStarts[pieces-1]
		sep := 0
		switch {
		case k-1 > start && p[k-1] == '.':
			sep = 1
		case k-2 > start && p[k-1] == ' ' && p[k-2] == '.':
			sep = 2
		}
		if sep == 0 {
			break
		}
		pe := k - sep
		ps := pe
		n := 0
		for ps > start && n <= 4 {
			r, size := utf8.DecodeLastRuneInString(p[:ps])
			if !isLetter(r) {
				break
			}
			ps -= size
			n++
		}
		if n == 0 || n > 4 {
			if n > 4 || (ps > start && p[ps-1] == '@') {
				// a domain such as example.kz: the last piece is no abbreviation
				if sep == 1 {
					return beforeURL, abbrevNone
				}
			}
			break
		}
		pieceStarts[pieces] = ps
		pieces++
	}
	if ws > start && p[ws-1] == '@' {
		return beforeURL, abbrevNone
	}
	// Longest key first: "в т.ч" before "т.ч" before "ч".
	for k := pieces - 1; k >= 0; k-- {
		ks := pieceStarts[k]
		if pw, pws := precedingWord(p, start, ks); pw != "" {
			if class, ok := s.lookup(p, start, pws, pw, p[ks:d]); ok {
				return beforeAbbrev, class
			}
		}
		if class, ok := s.lookup(p, start, ks, "", p[ks:d]); ok {
			return beforeAbbrev, class
		}
		if k == 1 && isLatin(firstRune(p[ws:d])) && ws-pieceStarts[1] > 2 {
			// "example.ch", "site.co": a Latin word of two or more letters, a period and a
			// Latin tail that is no compound of the table is a domain, not an abbreviation.
			return beforeURL, abbrevNone
		}
	}
	return beforePlain, abbrevNone
}

// lookup finds a table abbreviation, written as word + " " + text and beginning at offset at of
// p, without allocating.
func (s *Segmenter) lookup(p string, start, at int, word, text string) (abbrevClass, bool) {
	var k keyBuf
	if word != "" {
		if !k.appendLower(word) || !k.appendByte(' ') {
			return abbrevNone, false
		}
	}
	if !k.appendLower(text) {
		return abbrevNone, false
	}
	e, ok := s.abbrevs[string(k.bytes())]
	if !ok {
		return abbrevNone, false
	}
	if first, _ := utf8.DecodeRuneInString(p[at:]); isUpper(first) && !e.titled && !sentenceStart(p, start, at) {
		return abbrevNone, false
	}
	return e.class, true
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
	if p == "" {
		return dst
	}
	var (
		find    = termFinder{p: p, pos: [4]int{-1, -1, -1, -1}}
		spans   []span
		matched bool // spans are computed on the first candidate that needs them
		si      int
		start   int
		n       = len(p)
	)
	for i := find.next(0); i < n; i = find.next(i) {
		c := scanCluster(p, i)
		i = c.end
		if c.end >= n {
			break
		}
		if !s.isBoundary(p, start, c) {
			continue
		}
		// Inside a matched quotation or bracket the sentence goes on; a cluster that closes the
		// pair ("…продолжатся»." or "…?»") is outside it.
		if !matched {
			matchPairs(p, sc)
			spans, matched = sc.spans, true
		}
		for si < len(spans) && spans[si].end <= c.end {
			si++
		}
		if si < len(spans) && spans[si].open < c.end {
			continue
		}
		dst = append(dst, p[start:c.end])
		start = skipSpace(p, c.end)
		i = start
	}
	if start < n {
		dst = append(dst, p[start:])
	}
	return dst
}

// termFinder finds the next sentence-ending mark with one vectorized byte search per mark kind,
// remembering each kind's next position, so the text between marks is skipped at memory speed.
type termFinder struct {
	p   string
	pos [4]int // next offset of '.', '?', '!', and the lead byte 0xE2; len(p) when none, -1 before the first search
}

var termBytes = [4]byte{'.', '?', '!', 0xE2}

// next returns the offset of the first sentence-ending mark at or after i, or len(p).
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
		if best == n || terminatorAt(f.p, best) > 0 {
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
