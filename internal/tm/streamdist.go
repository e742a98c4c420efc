package tm

// foldPiece is how many folded characters a verification feeds the distance at a time: small
// enough that a candidate given up halfway was not folded much further, large enough that the
// piece's overhead is a few percent.
const foldPiece = 32

// distanceTo is the edit distance between the query (sc.pt) and source folded, or any value
// above k once it is certain to exceed k; m is the folded length of source (the key's). The
// source is folded piece by piece as the distance goes, so a candidate given up halfway is
// folded only that far.
func (sc *scratch) distanceTo(source string, m, k int) int {
	f := folder{s: source}
	sc.pt.begin(m)
	for {
		piece, ok := f.next(sc.text, foldPiece)
		sc.text = piece
		if !ok {
			break
		}
		if len(piece) == 0 {
			if sc.pt.left == 0 {
				return sc.pt.score
			}
			break // m is not the folded length: cannot happen, but the answer stays exact
		}
		if !sc.pt.feed(piece, k) {
			if sc.pt.left >= 0 {
				return k + 1
			}
			break
		}
	}
	sc.text = fold(source, sc.text)
	return sc.pt.distance(sc.text, k)
}
