package segment

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrevClass says how a period after an abbreviation behaves.
type abbrevClass uint8

const (
	abbrevNone abbrevClass = iota
	// abbrevPrefix abbreviations always introduce something (ул. Абая, проф. Иванов, т.е. о ...,
	// см. список): their period never ends a sentence.
	abbrevPrefix
	// abbrevPostfix abbreviations follow a number or a name (3 окт., 15 янв.): the
	// period ends a sentence only when a word that begins sentences and is never a name follows
	// (В, Это, Однако ...), never before a name or a number.
	abbrevPostfix
	// abbrevList abbreviations close an enumeration (и т.д., и др.): the period ends a sentence
	// before a capital letter and not before a lowercase word or a number.
	abbrevList
	// abbrevEra closes a date (до н.э.): the period ends a sentence before a sentence starter,
	// or before any capitalized word once the sentence has its finite verb ("Город основан в
	// III в. до н. э. Римская ..." ends; "В 49 г. до н. э. Цезарь перешёл ..." goes on).
	abbrevEra
	// abbrevDate is a year or a century after a number (2019 г., 1941–1945 гг., XIX в.): the
	// period ends a sentence before a capitalized word only when the sentence already has its
	// finite verb outside a relative clause. "открыли в мае 2019 г. Новый корпус" ends;
	// "В 2019 г. Казахстан представил" and "Дом, где родился Толстой, 1898 г. В ..." go on.
	abbrevDate
	// abbrevAmount is an amount after a number (500 руб., 3 млн.): it behaves as abbrevPostfix.
	abbrevAmount
	// abbrevUnit is a unit of measure after a number (18 км., 400 м., 30 мин.): units are
	// written without a period, so one after them ends the sentence before any capital.
	abbrevUnit
	// abbrevPlace is the last word of a place name (Алматинской обл., Медеуский р-н): it ends
	// a sentence as an era does, before a starter or, once the sentence has its finite verb,
	// before any capitalized word ("Люди приходят во владимирской обл. Депутату ..." ends;
	// "В Алматинской обл. Казахстан построил ..." goes on).
	abbrevPlace
)

// abbrevEntry is one table abbreviation, with the class that applies in each position. Entries
// only count with a capital at the start of a sentence ("Ул. Абая") unless they are titles (Mr.,
// Дж., Рис.), so that a name such as "Макс." is not taken for "макс.".
type abbrevEntry struct {
	class abbrevClass // lowercase, or capitalized at the start of a sentence
	// capital applies to the abbreviation written with a capital inside a sentence ("Майкл Дж.
	// Фокс", "см. Рис. 2"); abbrevNone: a capitalized word there is no abbreviation.
	capital abbrevClass
	// number applies right after a number ("2019 г.", "5 км."); abbrevNone: as class.
	number abbrevClass
}

// ruleSet is the data a Segmenter is built from; one per language.
type ruleSet struct {
	// Abbreviations are written as they appear in text ("т. е.", "и т.д.", "куб.м."); case, the
	// final period and spaces after inner periods do not matter, except that entries written
	// with a capital are titles, which count with a capital anywhere in a sentence.
	prefix, postfix, list, eras, places []string
	// titles are prefix abbreviations that also count with a capital inside a sentence (Дж.,
	// Проф., Св., Рис.); their lowercase form keeps the class it has in the other lists, and is
	// no abbreviation when they have none ("вступил в полк. Там ...").
	titles []string
	// After a number: dates (2019 г.), units (5 км.) and amounts (500 руб., 3 млн.; these end a
	// sentence only before a starter, as postfix abbreviations do).
	dates, units, amounts []string
	// multipliers after a number make the unit or amount after them count as after a number
	// ("1 тыс. экз."); lowercase, without the period.
	multipliers []string
	// starters are words that begin sentences and are never names (pronouns, prepositions,
	// conjunctions, sentence adverbs), lowercase.
	starters []string
	// headings are words that number a heading or a list item at the start of a sentence
	// ("Глава IV. Общие положения", "Статья 5. Сфера действия"); the period after the number
	// does not end the sentence. Lowercase.
	headings []string
	// verbs tell whether a sentence already has its finite verb (see abbrevDate): a word is a
	// finite verb when it is listed in verbWords or ends with one of verbEndings (with at least
	// two letters before the ending) and is not listed in notVerbs. Lowercase.
	verbEndings, verbWords, notVerbs []string
	// relatives open a relative clause after a comma (", где родился Толстой,"); a verb inside
	// one is not the sentence's own. Lowercase.
	relatives []string
	// emoticonEyes may precede a run of ")" or "(" to make an emoticon (":)", ";-)", "=)))"); a
	// bare run of two or more is one too ("))", "((("). An emoticon before a capital letter ends
	// the sentence in user-written text: "Спасибо :) Увидимся завтра."
	emoticonEyes []string
	// lowerAfterStrong: a ? or ! followed by a space and directly by a lowercase word ends the
	// sentence ("Круто! люблю такие фото"). Russian user-written text and verse often begin a
	// sentence in lowercase, while a sentence going on after ? or ! is set off by a dash or a
	// closing quote ("«Куда?» — спросил он", "«Когда начнём?» и посмотрел"), which keep, and
	// "!.." trails off as an ellipsis does.
	lowerAfterStrong bool
	// tagMarks begin a @mention or a #hashtag (ASCII). Tags after the last sentence of a
	// paragraph belong to it, as emoji do ("Бывает. @xxxxxx @xxxxxx"); a tag that words follow
	// begins a sentence ("… руководить. @xxxxxx если и вы …"). Empty: no tags.
	tagMarks string
	// wordFinals and inflections tell a whole word from an abbreviation missing from the
	// tables, before a period that a lowercase word follows (see Segmenter.fullWord): letters
	// that end words and never abbreviations, and endings of inflected words of five or more
	// letters. Empty: a period before a lowercase word never ends a sentence.
	wordFinals  string
	inflections []string
	// numberBrackets are bracket pairs, opener then closer ("()[]"), whose number alone after a
	// sentence end belongs to the sentence before: "Антикиллер 2: Антитеррор. (2003)." is one
	// sentence, a year or a note number is never one of its own. Empty: no such rule.
	numberBrackets string
	// lookalikes are pairs of a Latin letter and the letter of the language's own script it
	// looks like ("cс" "oо" ...), lowercase. In a word that is otherwise in that script, a
	// look-alike is read as its twin for the abbreviation lookup only ("1 cт.л." with a Latin c
	// is "1 ст.л."); the text is never changed. Empty: no folding.
	lookalikes string
}

// Segmenter splits paragraphs into sentences by the rules of one language. It is immutable and
// safe for concurrent use.
type Segmenter struct {
	lang      string
	abbrevs   map[string]abbrevEntry
	starters  map[string]bool
	headings  map[string]bool
	relatives map[string]bool
	// multipliers: see ruleSet.
	multipliers map[string]bool
	verbWords   map[string]bool // true: a finite verb; false: listed as no verb
	// verbEndings are the verb endings, longest first.
	verbEndings []string
	eyes        []string
	// lowerAfterStrong, tagMarks, wordFinals, inflections: see ruleSet.
	lowerAfterStrong bool
	tagMarks         string
	wordFinals       string
	inflections      []string
	numberBrackets   string
	// fold maps a lowercase ASCII look-alike to its twin (see ruleSet.lookalikes); zero: none.
	fold    [128]rune
	folding bool
	eyeEnd  [256]bool // the last bytes of eyes: a lone bracket after any other byte is no emoticon
	// maxPiece is the longest run of letters between the periods of any table abbreviation; a
	// longer word before a period is no abbreviation, and the scanner stops looking.
	maxPiece int
}

// segmenters are built once at start-up and never changed.
var segmenters = map[string]*Segmenter{
	"ru": newSegmenter("ru", russianRules),
	"en": newSegmenter("en", englishRules),
	"kk": newSegmenter("kk", kazakhRules),
	"":   newSegmenter("und", genericRules),
}

// For returns the segmenter of a source language tag: "ru" gets the Russian rules, "en" and "kk"
// their own tables, any other tag a generic rule set (punctuation, numbers, initials, addresses
// and a few international abbreviations). Region and script subtags are ignored ("ru-KZ" is "ru").
func For(lang string) *Segmenter {
	base := strings.ToLower(lang)
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	if s, ok := segmenters[base]; ok {
		return s
	}
	return segmenters[""]
}

// Lang is the language whose rules the segmenter applies ("und" for the generic set).
func (s *Segmenter) Lang() string { return s.lang }

func newSegmenter(lang string, rules ruleSet) *Segmenter {
	s := &Segmenter{
		lang: lang, abbrevs: map[string]abbrevEntry{}, starters: set(rules.starters),
		headings: set(rules.headings), relatives: set(rules.relatives),
		multipliers: set(rules.multipliers), verbWords: map[string]bool{},
		eyes: rules.emoticonEyes, lowerAfterStrong: rules.lowerAfterStrong, tagMarks: rules.tagMarks,
		wordFinals: rules.wordFinals, inflections: rules.inflections,
		numberBrackets: rules.numberBrackets,
	}
	for pair := []rune(rules.lookalikes); len(pair) >= 2; pair = pair[2:] {
		if pair[0] >= utf8.RuneSelf {
			panic("segment: a look-alike must be an ASCII letter: " + string(pair[:2]))
		}
		s.fold[pair[0]] = pair[1]
		s.folding = true
	}
	for _, group := range []struct {
		class abbrevClass
		words []string
	}{{abbrevPrefix, rules.prefix}, {abbrevPostfix, rules.postfix}, {abbrevList, rules.list}, {abbrevEra, rules.eras}, {abbrevPlace, rules.places}} {
		for _, w := range group.words {
			first, _ := utf8.DecodeRuneInString(w)
			e := s.entry(w)
			e.class = group.class
			if unicode.IsUpper(first) {
				e.capital = group.class
			}
			s.abbrevs[abbrevKey(w)] = e
		}
	}
	for _, w := range rules.titles {
		e := s.entry(w)
		e.capital = abbrevPrefix
		s.abbrevs[abbrevKey(w)] = e
	}
	for _, group := range []struct {
		class abbrevClass
		words []string
	}{{abbrevDate, rules.dates}, {abbrevUnit, rules.units}, {abbrevAmount, rules.amounts}} {
		for _, w := range group.words {
			e := s.entry(w)
			e.number = group.class
			if e.class == abbrevNone {
				e.class = abbrevPrefix
			}
			s.abbrevs[abbrevKey(w)] = e
		}
	}
	for _, w := range rules.verbWords {
		s.verbWords[strings.ToLower(w)] = true
	}
	for _, w := range rules.notVerbs {
		s.verbWords[strings.ToLower(w)] = false
	}
	for _, e := range s.eyes {
		s.eyeEnd[e[len(e)-1]] = true
	}
	s.verbEndings = append([]string(nil), rules.verbEndings...)
	sort.SliceStable(s.verbEndings, func(i, j int) bool { return len(s.verbEndings[i]) > len(s.verbEndings[j]) })
	return s
}

// entry returns the table entry of w so far (zero when new) and counts its pieces for maxPiece.
func (s *Segmenter) entry(w string) abbrevEntry {
	key := abbrevKey(w)
	for _, piece := range strings.FieldsFunc(key, func(r rune) bool { return r == '.' || r == ' ' }) {
		s.maxPiece = max(s.maxPiece, utf8.RuneCountInString(piece))
	}
	return s.abbrevs[key]
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

// abbrevKey brings a table entry to the form the scanner builds from text: lowercase, no final
// period, no spaces after inner periods ("И т. д." -> "и т.д").
func abbrevKey(w string) string {
	w = strings.ToLower(strings.TrimSpace(w))
	w = strings.TrimSuffix(w, ".")
	var b strings.Builder
	for i, r := range w {
		if unicode.IsSpace(r) && i > 0 && w[i-1] == '.' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// maxKeyBytes bounds the abbreviation keys the scanner builds, so a lookup never allocates and a
// long run of letters and periods costs constant time per period.
const maxKeyBytes = 48

// keyBuf builds a lowercase lookup key in a fixed array.
type keyBuf struct {
	b [maxKeyBytes]byte
	n int
}

func (k *keyBuf) reset() { k.n = 0 }

// appendLower adds src lowercased, dropping spaces; false when the key would be too long.
func (k *keyBuf) appendLower(src string) bool {
	for i := 0; i < len(src); {
		r, size := runeAt(src, i)
		i += size
		switch {
		case r == ' ':
			continue
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if k.n == maxKeyBytes {
				return false
			}
			k.b[k.n] = byte(r)
			k.n++
			continue
		case 0x0410 <= r && r < 0x0430: // А-Я
			r += 0x20
		case 0x0400 <= r && r < 0x0410: // Ѐ-Џ
			r += 0x50
		case r >= 0x0430 && r < 0x0460:
		default:
			r = unicode.ToLower(r)
		}
		if k.n+utf8.RuneLen(r) > maxKeyBytes {
			return false
		}
		k.n += utf8.EncodeRune(k.b[k.n:], r)
	}
	return true
}

func (k *keyBuf) appendByte(c byte) bool {
	if k.n >= maxKeyBytes {
		return false
	}
	k.b[k.n] = c
	k.n++
	return true
}

func (k *keyBuf) bytes() []byte { return k.b[:k.n] }
