package qa

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// repeat is a word written twice in a row, separated only by spaces.
type repeat struct {
	word string // the first of the two, as written
	key  string // its lower-case form
	pair string // both words and the space between, as written
}

// repeats returns the words of s that are followed, after nothing but
// white space, by the same word in any case ("в В"). Words of digits only
// are left to the number checks.
func repeats(s string, ws []span) []repeat {
	var out []repeat
	for i := 1; i < len(ws); i++ {
		a, b := ws[i-1], ws[i]
		if strings.TrimFunc(s[a.end:b.start], unicode.IsSpace) != "" {
			continue
		}
		wa, wb := s[a.start:a.end], s[b.start:b.end]
		if strings.IndexFunc(wa, unicode.IsLetter) < 0 || !sameWord(wa, wb) {
			continue
		}
		out = append(out, repeat{word: wa, key: foldWord(wa), pair: withoutBidi(s[a.start:b.end])})
	}
	return out
}

// sameWord compares two words ignoring case (and ё/е, as toLower does).
func sameWord(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if toLower(ra) != toLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func foldWord(w string) string { return strings.Map(toLower, w) }

// checkRepeatedWords warns of a word typed twice ("в в", "the The"), the
// slip a spell checker does not catch. A repetition the source has too
// (a name, a quoted slogan) is the source's, not the translator's.
func checkRepeatedWords(c *checker) {
	tr := repeats(c.in.Target, c.targetWords())
	if len(tr) == 0 {
		return
	}
	inSource := map[string]bool{}
	for _, r := range repeats(c.in.Source, words(c.in.Source, nil)) {
		inSource[r.key] = true
	}
	var first *repeat
	count := 0
	for i := range tr {
		if inSource[tr[i].key] {
			continue
		}
		count++
		if first == nil {
			first = &tr[i]
		}
	}
	if first == nil {
		return
	}
	ctx := first.pair
	msg := fmt.Sprintf("The word %q is repeated: %q.", first.word, ctx)
	if count > 1 {
		msg = fmt.Sprintf("Words are repeated in %d places, the first %q: %q.", count, first.word, ctx)
	}
	c.add(IDRepeatedWord, msg, "word", first.word, "count", strconv.Itoa(count), "context", ctx)
}
