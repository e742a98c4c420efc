package segment

import (
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
	// abbrevPostfix abbreviations follow a number or a name (2015 г., 2 млн., Алматинской обл.):
	// the period ends a sentence only when a word that begins sentences and is never a name
	// follows (В, Это, Однако ...), never before a name or a number.
	abbrevPostfix
	// abbrevList abbreviations close an enumeration (и т.д., и др.): the period ends a sentence
	// before a capital letter and not before a lowercase word or a number.
	abbrevList
)

// abbrevEntry is one table abbreviation. titled entries are written with a capital in the table
// (Mr., Dr.); the others only count with a capital at the start of a sentence ("Ул. Абая"), so
// that a name such as "Макс." is not taken for "макс.".
type abbrevEntry struct {
	class  abbrevClass
	titled bool
}

// ruleSet is the data a Segmenter is built from; one per language.
type ruleSet struct {
	// Abbreviations are written as they appear in text ("т. е.", "и т.д.", "куб.м."); case, the
	// final period and spaces after inner periods do not matter.
	prefix, postfix, list []string
	// starters are words that begin sentences and are never names (pronouns, prepositions,
	// conjunctions, sentence adverbs), lowercase.
	starters []string
}

// Segmenter splits paragraphs into sentences by the rules of one language. It is immutable and
// safe for concurrent use.
type Segmenter struct {
	lang     string
	abbrevs  map[string]abbrevEntry
	starters map[string]bool
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
	s := &Segmenter{lang: lang, abbrevs: map[string]abbrevEntry{}, starters: map[string]bool{}}
	for _, group := range []struct {
		class abbrevClass
		words []string
	}{{abbrevPrefix, rules.prefix}, {abbrevPostfix, rules.postfix}, {abbrevList, rules.list}} {
		for _, w := range group.words {
			first, _ := utf8.DecodeRuneInString(w)
			key := abbrevKey(w)
			s.abbrevs[key] = abbrevEntry{group.class, unicode.IsUpper(first)}
			for _, piece := range strings.FieldsFunc(key, func(r rune) bool { return r == '.' || r == ' ' }) {
				s.maxPiece = max(s.maxPiece, utf8.RuneCountInString(piece))
			}
		}
	}
	for _, w := range rules.starters {
		s.starters[strings.ToLower(w)] = true
	}
	return s
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
