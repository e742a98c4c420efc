package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word classes of the token before a single period
type before uint8

const (
	beforePlain   before = iota // an ordinary word, a closing mark, a symbol
	beforeInitial               // a single capital letter: А. Б. Фамилия, А.Б.Фамилия
	beforeAbbrev                // a table abbreviation; see class
	beforeList                  // a list number at the start of a sentence: "1. Мороженое"
	beforeHeading               // a heading number: "IV. Общие положения", "§ 3.", "Глава 2."
	beforeRoman                 // a Roman numeral after a word: "королю Твртко I."
	beforeURL                   // the tail of a web or e-mail address
)

// isBoundary decides whether the cluster c, inside paragraph p whose current sentence begins at
// start, ends that sentence.
func (s *Segmenter) isBoundary(p string, start int, c cluster, sc *scratch) decision {
	f := lookAhead(p, c.end)
	if f.class == nextEnd {
		return keep(ruleParagraphEnd)
	}
	if sentenceStart(p, start, c.start) {
		// "... Неизлечимостью прекрасен", "…На перемене": marks that open a sentence lead into
		// it; a sentence is never marks alone.
		return keep(ruleLeading)
	}
	if f.class == nextOther && s.trailing(p, f.at) {
		// "Безумно красиво! 😍😍😍", "Бывает. @xxxxxx @xxxxxx": emoji and tags after the last
		// sentence belong to it.
		return keep(ruleTrailing)
	}
	if s.numberBrackets != "" && f.space && f.class == nextDigit {
		if from, to, ok := s.bracketedNumberAlone(p, c.end); ok {
			// "Антикиллер 2: Антитеррор. (2003).": a year or a note number alone is no sentence.
			return keep(ruleNumberBracket).on(from, to)
		}
	}
	if !f.space {
		// A sentence end without a space ("целей.Напомним") must be followed by a capitalized
		// word and must not sit inside an address ("www.Example.com", "site.kz/?Page=1").
		if f.class != nextUpper {
			return keep(ruleNoSpace)
		}
		if inAddress(p, start, c.start) {
			return keep(ruleNoSpaceAddr)
		}
		word, _, capitalized := nextWord(p, f.at)
		if !capitalized {
			return keep(ruleNoSpaceCaps).with(f.at, f.at+len(word))
		}
		// Latin on both sides is a domain, a file or a product name (Gov.Kz, Node.Js) far more
		// often than a typo.
		if before, _ := lastRune(p[:c.start]); isLatin(before) && isLatin(firstRune(word)) {
			return keep(ruleNoSpaceLatin).with(f.at, f.at+len(word))
		}
	}
	switch {
	case c.strong:
		if s.lowerAfterStrong && f.class == nextLower && !c.closed && !c.ellipsis && f.at == skipSpace(p, c.end) && f.space && !linkAt(p, f.at) {
			return split(ruleStrongLower)
		}
		return verdict(plainEnd(f), ruleStrong)
	case c.periodAfterCloser:
		return verdict(plainEnd(f), ruleCloserPeriod)
	case c.ellipsis:
		// "… потерять... 17" goes on to a new sentence; "1...10" is a range.
		return verdict(f.class == nextUpper || f.class == nextOther || f.space && f.class == nextDigit, ruleEllipsis)
	}
	kind, class, from := s.beforePeriod(p, start, c.start)
	var d decision
	switch kind {
	case beforeAbbrev:
		d = s.afterAbbrev(p, start, from, class, f, sc)
	case beforeInitial:
		// "… Иванов И. И. В ходе встречи …": only a word that is never a name ends the sentence.
		d = s.beforeStarter(p, f, ruleInitial)
	case beforeList:
		d = keep(ruleListNumber)
	case beforeHeading:
		d = keep(ruleHeading)
	case beforeRoman:
		// "… боснийскому королю Твртко I. Сын чиновника …": an ordinal of a name.
		d = verdict(f.space && f.class == nextUpper, ruleRoman)
	case beforeURL:
		d = verdict(plainEnd(f), ruleURL)
	default:
		if s.lowerAfterWord(p, from, c, f) {
			d = split(ruleLowerAfterWord)
			break
		}
		d = verdict(plainEnd(f), rulePlain)
	}
	return d.on(from, c.start)
}

// afterAbbrev decides a period after a table abbreviation of the given class, which begins at
// from.
func (s *Segmenter) afterAbbrev(p string, start, from int, class abbrevClass, f follow, sc *scratch) decision {
	switch class {
	case abbrevPostfix:
		return s.beforeStarter(p, f, ruleAbbrevPostfix)
	case abbrevAmount:
		return s.beforeStarter(p, f, ruleAbbrevAmount)
	case abbrevList:
		return verdict(f.class == nextUpper || f.class == nextOther, ruleAbbrevList)
	case abbrevUnit:
		if word, dotted, _ := nextWord(p, f.at); dotted && isInitial(word) {
			return keep(ruleAbbrevUnit).with(f.at, f.at+len(word)) // "5 км. В. Иванов шёл …"
		}
		return verdict(f.space && f.class == nextUpper, ruleAbbrevUnit)
	case abbrevEra, abbrevDate, abbrevPlace:
		r := ruleAbbrevDate
		if class != abbrevDate {
			r = ruleAbbrevEra
			if class == abbrevPlace {
				r = ruleAbbrevPlace
			}
			if d := s.beforeStarter(p, f, r); d.split {
				return d
			}
		}
		if !f.space || f.class != nextUpper {
			return keep(r)
		}
		if word, dotted, _ := nextWord(p, f.at); dotted && isInitial(word) {
			return keep(r).with(f.at, f.at+len(word)) // an initial: "в 1999 г. В. Путин"
		}
		if vf, vt, ok := s.verbBefore(p, start, from, sc); ok {
			return split(r).with(vf, vt)
		}
		return keep(r)
	}
	return keep(ruleAbbrevPrefix)
}

// beforeStarter ends the sentence when a word that begins sentences and is never a name follows.
func (s *Segmenter) beforeStarter(p string, f follow, r rule) decision {
	if !f.space || f.class != nextUpper {
		return keep(r)
	}
	word, dotted, _ := nextWord(p, f.at)
	d := keep(r).with(f.at, f.at+len(word))
	if dotted || word == "" {
		return d
	}
	var k keyBuf
	d.split = k.appendLower(word) && s.starters[string(k.bytes())]
	return d
}

// plainEnd: after an ordinary word a period ends the sentence unless a lowercase word or a
// continuing punctuation mark follows.
func plainEnd(f follow) bool {
	return f.class == nextUpper || f.class == nextDigit || f.class == nextOther
}

// maxTrailing bounds the runes trailing reads, so a long run of emoji or tags after each of many
// sentence ends costs linear time.
const maxTrailing = 128

// trailing: from offset at to the end of the paragraph there are only spaces, symbols (emoji,
// pictographs, their modifiers and joiners) and tags: a tag mark of the rules at the start of a
// word with the letters, digits and "_-." after it ("@xxxxxx", "#сноб_news").
func (s *Segmenter) trailing(p string, at int) bool {
	tag, prevSpace := false, true
	for k := 0; at < len(p); k++ {
		if k == maxTrailing {
			return false
		}
		r, size := runeAt(p, at)
		switch {
		case isSpace(r):
			tag = false
		case tag && (isWordRune(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.'):
		case prevSpace && r < utf8.RuneSelf && strings.IndexByte(s.tagMarks, byte(r)) >= 0:
			tag = true
		case isSymbol(r):
			tag = false
		default:
			return false
		}
		prevSpace = isSpace(r)
		at += size
	}
	return true
}

// isSymbol: an emoji, a pictograph or a mark that modifies or joins them (So, Sk, Mn, Me, Cf).
func isSymbol(r rune) bool {
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || unicode.Is(unicode.Mn, r) ||
		unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r)
}
