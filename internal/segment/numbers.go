package segment

// numberStart returns where the number of digits and inner periods ("12", "2.3") that ends at d
// begins; d when no digit ends there. It looks back at most a dozen bytes.
func numberStart(p string, start, d int) int {
	ns := d
	for ns > start && d-ns < 12 {
		c := p[ns-1]
		if !(c >= '0' && c <= '9' || c == '.' && ns < d) {
			break
		}
		ns--
	}
	for ns < d && p[ns] == '.' {
		ns++
	}
	return ns
}

// numberBefore: a number stands right before offset at, with at most two spaces between: a year,
// a range, a decade or a Roman century ("2019 г.", "1941–1945 гг.", "1990-х гг.", "XIX в.",
// "2020г.").
func numberBefore(p string, start, at int) bool {
	i := at
	for k := 0; k < 2 && i > start; k++ {
		r, size := lastRune(p[:i])
		if !isSpace(r) {
			break
		}
		i -= size
	}
	if i <= start {
		return false
	}
	r, _ := lastRune(p[:i])
	if r >= '0' && r <= '9' {
		return true
	}
	j, n := i, 0
	for j > start && n <= 8 {
		r, size := lastRune(p[:j])
		if !isLetter(r) {
			break
		}
		j -= size
		n++
	}
	if n == 0 || n > 8 {
		return false
	}
	if isRoman(p[j:i]) {
		return true
	}
	// a case ending after a hyphen: 1990-х, 60-е
	return n <= 2 && j-2 >= start && p[j-1] == '-' && p[j-2] >= '0' && p[j-2] <= '9'
}

// isRoman: w is a Roman numeral of up to eight letters, in Latin capitals (or the Cyrillic Х
// that Russian typists often put for X).
func isRoman(w string) bool {
	if w == "" || len(w) > 16 {
		return false
	}
	for _, r := range w {
		switch r {
		case 'I', 'V', 'X', 'L', 'C', 'D', 'M', 'Х':
		default:
			return false
		}
	}
	return true
}

// romanAfterWord: the Roman numeral p[ws:d] follows a Cyrillic word and a space, as the ordinal
// of a ruler does ("Петра I", "королю Твртко I"). A single letter counts only as I, V or X, so
// that a Latin initial after a Russian word is not taken for a numeral.
func romanAfterWord(p string, start, ws, d int) bool {
	if d-ws == 1 && p[ws] != 'I' && p[ws] != 'V' && p[ws] != 'X' {
		return false
	}
	if ws-1 <= start || p[ws-1] != ' ' {
		return false
	}
	r, _ := lastRune(p[:ws-1])
	return isLetter(r) && !isLatin(r) && r < 0x0530
}

// headingAt: the number at ns heads the sentence, after "§" or "№" ("§ 3.", "№5.") or after a
// heading word ("Глава IV.", "Рис. 3."), with nothing but opening marks before; bare allows the
// number alone at the start ("IV. Общие положения").
func (s *Segmenter) headingAt(p string, start, ns int, bare bool) bool {
	i := ns
	for k := 0; k < 2 && i > start; k++ {
		r, size := lastRune(p[:i])
		if !isSpace(r) {
			break
		}
		i -= size
	}
	if i == ns && bare && sentenceStart(p, start, ns) {
		return true
	}
	if i <= start {
		return false
	}
	r, size := lastRune(p[:i])
	if r == '§' || r == '№' {
		return sentenceStart(p, start, i-size)
	}
	e := i
	if r == '.' {
		e--
	}
	j, n := e, 0
	for j > start && n <= maxLook {
		r, size := lastRune(p[:j])
		if !isWordRune(r) {
			break
		}
		j -= size
		n++
	}
	if j == e || n > maxLook {
		return false
	}
	var k keyBuf
	return k.appendLower(p[j:e]) && s.headings[string(k.bytes())] && sentenceStart(p, start, j)
}
