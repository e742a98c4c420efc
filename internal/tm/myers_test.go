package tm

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func TestDistanceMatchesLevenshtein(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabets := [][]rune{[]rune("ab"), []rune("abcд "), []rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюя ,.")}
	var pt pattern
	for i := range 3000 {
		alpha := alphabets[i%len(alphabets)]
		a := randRunes(rng, alpha, rng.IntN(200))
		b := randRunes(rng, alpha, rng.IntN(200))
		if rng.IntN(3) == 0 { // related texts exercise small distances
			b = mutate(rng, a, alpha, rng.IntN(10))
		}
		want := levenshtein(a, b)
		pt.reset(a)
		if got := pt.distance(b, len(a)+len(b)); got != want {
			t.Fatalf("distance(%q, %q) = %d, want %d", string(a), string(b), got, want)
		}
		// with a cutoff the answer is exact up to k and only "more than k" beyond
		k := rng.IntN(want + 3)
		got := pt.distance(b, k)
		if (want <= k && got != want) || (want > k && got <= k) {
			t.Fatalf("distance(%q, %q, k=%d) = %d, want %d", string(a), string(b), k, got, want)
		}
	}
}

func randRunes(rng *rand.Rand, alpha []rune, n int) []rune {
	out := make([]rune, n)
	for i := range out {
		out[i] = alpha[rng.IntN(len(alpha))]
	}
	return out
}

func mutate(rng *rand.Rand, a, alpha []rune, edits int) []rune {
	b := append([]rune(nil), a...)
	for range edits {
		switch pos := rng.IntN(len(b) + 1); rng.IntN(3) {
		case 0:
			b = append(b[:pos], append([]rune{alpha[rng.IntN(len(alpha))]}, b[pos:]...)...)
		case 1:
			if pos < len(b) {
				b = append(b[:pos], b[pos+1:]...)
			}
		default:
			if pos < len(b) {
				b[pos] = alpha[rng.IntN(len(alpha))]
			}
		}
	}
	return b
}

// TestDistanceToMatchesDistance: the distance computed while folding a source piece by piece is
// the distance to the source folded at once, exact up to k and above k beyond, for patterns of one
// block and of several, and for sources that need NFC (the slow path).
func TestDistanceToMatchesDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alpha := []rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюя ,.АБВ\t\u00a0")
	var sc scratch
	for range 3000 {
		q := randRunes(rng, alpha, rng.IntN(150))
		src := randRunes(rng, alpha, rng.IntN(200))
		if rng.IntN(3) == 0 {
			src = mutate(rng, q, alpha, rng.IntN(12))
		}
		if rng.IntN(10) == 0 {
			src = append(src, 'e', '\u0301') // needs NFC
		}
		source := string(src)
		sc.q = fold(string(q), sc.q)
		sc.pt.reset(sc.q)
		folded := fold(source, nil)
		want := levenshtein(sc.q, folded)
		k := rng.IntN(want + 5)
		got := sc.distanceTo(source, len(folded), k)
		if (want <= k && got != want) || (want > k && got <= k) {
			t.Fatalf("distanceTo(%q, %q, k=%d) = %d, want %d", string(sc.q), source, k, got, want)
		}
	}
}

// BenchmarkDistance: the whole matrix (no cutoff) of a pattern of one, two and five blocks
// against unrelated texts of its length, the verification of a candidate that fails late.
func BenchmarkDistance(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	alpha := []rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюя ,.")
	for _, n := range []int{50, 100, 300} {
		var pt pattern
		pt.reset(randRunes(rng, alpha, n))
		texts := make([][]rune, 64)
		for i := range texts {
			texts[i] = randRunes(rng, alpha, n)
		}
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				pt.distance(texts[i%len(texts)], n)
				i++
			}
			b.SetBytes(int64(n)) // characters, not bytes: MB/s reads as million characters a second
		})
	}
}
