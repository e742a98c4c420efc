package tm

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFolderPiecesMatchFold: a text folded piece by piece, at any piece size, is the text folded
// at once, and a text with a rune that needs NFC is refused to the slow path, as foldFast refuses it.
func TestFolderPiecesMatchFold(t *testing.T) {
	alphabet := []rune("аБвЁё ЖЯ\t\n\u00a0\u2003AzÀ-«»…№,.\u0301ӘҒ\U0001F600\u0483")
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 5000 {
		text := string(randRunes(rng, alphabet, rng.IntN(60)))
		want, wantOK := foldFast(text, nil)
		if wantOK && !slices.Equal(want, fold(text, nil)) {
			t.Fatalf("foldFast(%q) = %q, fold gives %q", text, string(want), string(fold(text, nil)))
		}
		limit := 1 + i%9
		f := folder{s: text}
		var got []rune
		ok := true
		for {
			piece, pieceOK := f.next(nil, limit)
			if !pieceOK {
				ok = false
				break
			}
			if len(piece) == 0 {
				break
			}
			if len(piece) < limit && f.i < len(text) {
				t.Fatalf("%q: a piece of %d runes before the end, limit %d", text, len(piece), limit)
			}
			got = append(got, piece...)
		}
		if ok != wantOK || (ok && !slices.Equal(got, want)) {
			t.Fatalf("%q in pieces of %d: %q ok=%v, want %q ok=%v", text, limit, string(got), ok, string(want), wantOK)
		}
	}
}

// TestFoldSmallTable: the table foldFast reads is foldRune for every rune it covers.
func TestFoldSmallTable(t *testing.T) {
	for r := range rune(len(foldSmall)) {
		if foldSmall[r] != foldRune(r) {
			t.Fatalf("foldSmall[U+%04X] = %d, foldRune gives %d", r, foldSmall[r], foldRune(r))
		}
	}
}
