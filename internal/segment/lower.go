package segment

import (
	"strings"
	"unicode/utf8"
)

// fullWord tells whether the lowercase word w, written before a period that a lowercase word
// follows, is a whole word rather than an abbreviation missing from the tables: its last letter
// is one of the language's word finals (Russian abbreviations are cut before a vowel, so they
// end in a consonant: "примеч.", "междунар."), it is a sentence starter of two or more letters
// ("нет", "так"), or it has at least minInflected letters and ends with an inflection or a
// finite-verb ending ("в горах", "проверил"). A contraction with a hyphen ("гос-ва", "р-на") is
// an abbreviation whatever its last letter.
func (s *Segmenter) fullWord(w string) bool {
	if s.wordFinals == "" || w == "" {
		return false
	}
	if h := strings.LastIndexByte(w, '-'); h >= 0 && utf8.RuneCountInString(w[h+1:]) <= 3 {
		return false
	}
	var k keyBuf
	if !k.appendLower(w) {
		return false
	}
	lw := string(k.bytes())
	n := utf8.RuneCountInString(lw)
	last, _ := utf8.DecodeLastRuneInString(lw)
	if n >= 2 && (strings.ContainsRune(s.wordFinals, last) || s.starters[lw]) {
		return true
	}
	if n < minInflected {
		return false
	}
	for _, e := range s.inflections {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return s.isVerb(lw)
}

// minInflected is the shortest word that an inflection or a verb ending marks as whole: shorter
// ones ("изд.", "физ.", "нов.") are as often abbreviations.
const minInflected = 5

// lowerAfterWord: a period after a whole lowercase word ("никогда не была в горах. они меня
// пугают"), or after a closing bracket or quote, ends the sentence before a lowercase word that
// follows a space directly or after an ellipsis ("яблоко. ...наука должна"), as user-written
// text and verse begin sentences. A dash or an opening mark between them, or a word that may be
// an abbreviation, keeps the sentence going.
func (s *Segmenter) lowerAfterWord(p string, from int, c cluster, f follow) bool {
	if !f.space || f.class != nextLower || !onlyEllipsis(p[skipSpace(p, c.end):f.at]) || linkAt(p, f.at) {
		return false
	}
	if from == c.start {
		// A period after a closing bracket or quote is a full stop: "(примеч. автора). о Боже".
		r, _ := lastRune(p[:from])
		return r == ')' || r == '»'
	}
	return isLower(firstRune(p[from:c.start])) && s.fullWord(p[from:c.start])
}

// linkAt: a web address begins at offset at. A link after a sentence mark belongs to the
// sentence it illustrates ("Подписали уже 1,5 млн человек! https://chn.ge/…"), lowercase as it is.
func linkAt(p string, at int) bool {
	rest := p[at:]
	return strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "www.")
}

// onlyEllipsis: s is empty or only periods and ellipses.
func onlyEllipsis(s string) bool {
	for _, r := range s {
		if r != '.' && r != '…' {
			return false
		}
	}
	return true
}
