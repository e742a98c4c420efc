package glossary

import (
	"cmp"
	"slices"
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
var russianEndings = []string{
	// nouns
	"а", "я", "о", "е", "ь", "ы", "и", "у", "ю",
	"ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях", "ами", "ями", "ов", "ев",
	"ия", "ие", "ии", "ию", "ий", "ием", "ией", "иям", "иях", "иями",
	"ья", "ье", "ьи", "ью", "ьям", "ьях", "ьями", "ьев", "ьей",
	// adjectives and participles
	"ый", "ая", "яя", "ое", "ее", "ые", "ую", "юю",
	"ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ыми", "ими",
}

// ending is an ending with its length in runes.
type ending struct {
	text  string
	runes int
}

// endingsByLast groups the endings by their last letter (а..я, indexed
// from 'а'), longest first, so a word is compared only with the endings it
// could have.
var endingsByLast = func() (m [32][]ending) {
	for _, e := range russianEndings {
		last, _ := utf8.DecodeLastRuneInString(e)
		m[last-'а'] = append(m[last-'а'], ending{e, utf8.RuneCountInString(e)})
	}
	for _, list := range m {
		slices.SortFunc(list, func(a, b ending) int {
			return cmp.Or(cmp.Compare(b.runes, a.runes), cmp.Compare(a.text, b.text))
		})
	}
	return m
}()

// stemLen returns the length in bytes of the stem of a folded word. Only
// words ending in a Cyrillic letter are stemmed; numbers and Latin words are
// compared whole.
func stemLen(word []byte) int {
	last, _ := utf8.DecodeLastRune(word)
	if last < 'а' || last > 'я' {
		return len(word)
	}
	list := endingsByLast[last-'а']
	n := utf8.RuneCount(word)
	for _, e := range list {
		if n-e.runes >= minStemRunes && len(word) >= len(e.text) && string(word[len(word)-len(e.text):]) == e.text {
			return len(word) - len(e.text)
		}
	}
	return len(word)
}
