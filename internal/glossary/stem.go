package glossary

import (
	"bytes"
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// minStemRunes is the shortest stem an ending may leave: "хаба" → "хаб", but
// "дня" stays whole.
const minStemRunes = 3

// russianEndings are the inflectional endings of Russian nouns and adjectives
// (with ё folded to е). The stemmer strips the longest one that leaves at
// least minStemRunes letters, so "Повестка", "Повестки", "Повестку" and
// "Повесткой" all become "повестк". Derivational suffixes stay: the stem only
// has to be the same for the forms of one word, not a linguist's stem.
var russianEndings = sortedLongestFirst([]string{
	// nouns
	"а", "я", "о", "е", "ь", "ы", "и", "у", "ю",
	"ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях", "ами", "ями", "ов", "ев",
	"ия", "ие", "ии", "ию", "ий", "ием", "ией", "иям", "иях", "иями", "ий",
	"ья", "ье", "ьи", "ью", "ьям", "ьях", "ьями", "ьев", "ьей",
	// adjectives and participles
	"ый", "ая", "яя", "ое", "ее", "ые", "ую", "юю",
	"ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ыми", "ими",
})

func sortedLongestFirst(list []string) [][]byte {
	list = slices.Clone(list)
	slices.SortFunc(list, func(a, b string) int {
		return cmp.Or(cmp.Compare(utf8.RuneCountInString(b), utf8.RuneCountInString(a)), cmp.Compare(a, b))
	})
	list = slices.Compact(list)
	out := make([][]byte, len(list))
	for i, s := range list {
		out[i] = []byte(s)
	}
	return out
}

// stemLen returns the length in bytes of the stem of a folded word. Only
// words ending in a Cyrillic letter are stemmed; numbers and Latin words are
// compared whole.
func stemLen(word []byte) int {
	last, _ := utf8.DecodeLastRune(word)
	if !unicode.Is(unicode.Cyrillic, last) {
		return len(word)
	}
	n := utf8.RuneCount(word)
	for _, end := range russianEndings {
		if bytes.HasSuffix(word, end) && n-utf8.RuneCount(end) >= minStemRunes {
			return len(word) - len(end)
		}
	}
	return len(word)
}
