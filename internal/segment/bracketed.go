package segment

// maxBracketedNumber bounds the bytes read inside a bracket that may hold a number alone, so the
// check costs constant time per candidate sentence end.
const maxBracketedNumber = 24

// bracketedNumberAlone: after the sentence end at e, past spaces, comes a bracket of the rules
// ("()[]") that holds only a number ("(2003)", "[12]", "(1941–1945)", "(3,5)"), followed by
// the end of the paragraph or by sentence marks and a space: "Антикиллер 2:
// Антитеррор. (2003)." Such a bracket is the year or the note number of the sentence before
// (a film, a book, a quotation) and never a sentence of its own; it returns the bracket.
func (s *Segmenter) bracketedNumberAlone(p string, e int) (from, to int, ok bool) {
	i := skipSpace(p, e)
	if i == e || i >= len(p) {
		return 0, 0, false
	}
	closer := byte(0)
	for k := 0; k+1 < len(s.numberBrackets); k += 2 {
		if p[i] == s.numberBrackets[k] {
			closer = s.numberBrackets[k+1]
		}
	}
	if closer == 0 {
		return 0, 0, false
	}
	j := i + 1
	digits, lastDigit := 0, false
	for ; j < len(p) && j-i <= maxBracketedNumber && p[j] != closer; j++ {
		c := p[j]
		switch {
		case c >= '0' && c <= '9':
			digits++
			lastDigit = true
			continue
		case lastDigit && (c == '.' || c == ',' || c == '-' || c == '/'):
		case lastDigit && j+3 <= len(p) && (p[j:j+3] == "–" || p[j:j+3] == "—"):
			j += 2 // a range: 1941–1945
		default:
			return 0, 0, false
		}
		lastDigit = false
	}
	if j >= len(p) || p[j] != closer || digits == 0 || !lastDigit {
		return 0, 0, false
	}
	to = j + 1
	k := to
	for ; k < len(p) && k-to < 4; k++ {
		if c := p[k]; c != '.' && c != '!' && c != '?' {
			break
		}
	}
	if k+3 <= len(p) && p[k:k+3] == "…" {
		k += 3
	}
	if k == len(p) {
		return i, to, true
	}
	// A mark, then a space: the bracket closes the sentence ("(2009). Жанр боевик"). Words
	// after the bracket without a mark make it part of a sentence of its own ("(2) Текст").
	r, _ := runeAt(p, k)
	return i, to, k > to && isSpace(r)
}
