package segment

import "unicode/utf8"

// beforePeriod classifies the token that ends just before the period at d and returns where it
// begins.
func (s *Segmenter) beforePeriod(p string, start, d int) (before, abbrevClass, int) {
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
		return beforePlain, abbrevNone, ws
	}
	if ws == d {
		ns := numberStart(p, start, d)
		switch {
		case ns == d:
		case isListNumber(p, start, d):
			return beforeList, abbrevNone, ns
		case s.headingAt(p, start, ns, false):
			return beforeHeading, abbrevNone, ns
		}
		return beforePlain, abbrevNone, ns
	}
	if isRoman(p[ws:d]) {
		if s.headingAt(p, start, ws, true) {
			return beforeHeading, abbrevNone, ws
		}
		if romanAfterWord(p, start, ws, d) {
			return beforeRoman, abbrevNone, ws
		}
	}
	// Earlier pieces joined by a period, optionally with a space after it (т.е., т. е., куб.м.).
	var pieceStarts [5]int
	pieces := 1
	pieceStarts[0] = ws
	// А. Б. Фамилия, А.Б.Фамилия, им. Л. Н. Гумилёва: a single capital is an initial, unless it
	// ends a dotted abbreviation of the table (P.S., U.S.).
	initial := isInitial(p[ws:d])
	if initial && !(ws-1 > start && p[ws-1] == '.') {
		return beforeInitial, abbrevNone, ws
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
					return beforeURL, abbrevNone, ws
				}
			}
			break
		}
		pieceStarts[pieces] = ps
		pieces++
	}
	if ws > start && p[ws-1] == '@' {
		return beforeURL, abbrevNone, ws
	}
	// Longest key first: "в т.ч" before "т.ч" before "ч".
	for k := pieces - 1; k >= 0; k-- {
		if initial && k == 0 {
			return beforeInitial, abbrevNone, ws
		}
		ks := pieceStarts[k]
		if pw, pws := precedingWord(p, start, ks); pw != "" {
			if class, ok := s.lookup(p, start, pws, pw, p[ks:d]); ok {
				return beforeAbbrev, class, pws
			}
		}
		if class, ok := s.lookup(p, start, ks, "", p[ks:d]); ok {
			return beforeAbbrev, class, ks
		}
		if k == 1 && !initial && isLatin(firstRune(p[ws:d])) && ws-pieceStarts[1] > 2 {
			// "example.ch", "site.co": a Latin word of two or more letters, a period and a
			// Latin tail that is no compound of the table is a domain, not an abbreviation.
			return beforeURL, abbrevNone, ws
		}
	}
	return beforePlain, abbrevNone, ws
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
	e, ok := lookupKey(s, s.abbrevs, &k) // "1 cт.л." with a Latin c too
	if !ok {
		return abbrevNone, false
	}
	class := e.class
	if first, _ := utf8.DecodeRuneInString(p[at:]); isUpper(first) && (class == abbrevNone || !sentenceStart(p, start, at)) {
		// Capitalized inside a sentence: a title ("Майкл Дж. Фокс") or no abbreviation at all
		// ("Вопрос задал Макс.").
		class = e.capital
	}
	if e.number != abbrevNone && (numberBefore(p, start, at) || s.multiplierBefore(p, start, at)) {
		class = e.number
	}
	return class, class != abbrevNone
}

// multiplierBefore: a number and a multiplier with its period stand right before offset at, with
// one space between: "1 тыс. экз.", "25 кв. м.".
func (s *Segmenter) multiplierBefore(p string, start, at int) bool {
	if at-2 <= start || p[at-1] != ' ' || p[at-2] != '.' {
		return false
	}
	e := at - 2
	b := e
	for n := 0; b > start; n++ {
		r, size := lastRune(p[:b])
		if !isLetter(r) {
			break
		}
		if n == 4 {
			return false
		}
		b -= size
	}
	var k keyBuf
	if b == e || !k.appendLower(p[b:e]) || !numberBefore(p, start, b) {
		return false
	}
	multiplier, _ := lookupKey(s, s.multipliers, &k) // "1 тыc. экз." with a Latin c too
	return multiplier
}
