package qa

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// letterScript classifies a letter by the scripts the checks care about.
func letterScript(r rune) script {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return scriptLatin
	case r < 0x80:
		return scriptUnknown
	case r >= 'Ѐ' && r <= 'ӿ':
		if r >= 0x482 && r <= 0x489 { // ҂ and combining marks
			return scriptUnknown
		}
		return scriptCyrillic
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
		return scriptArabic
	}
	return scriptUnknown
}

// wordGroup gathers the words one kind of script finding is about, so a
// pasted sentence gets one finding naming a few of its words, not one per
// word.
type wordGroup struct {
	id     string
	script script // the foreign script, or the wrong letter for arabic-letters
	letter rune   // the wrong letter, for arabic-letters
	whole  bool   // every word is written entirely in the foreign script
	words  []string
	first  Finding // the finding for the first word alone
}

// wordGroups collects findings by kind in order of first appearance.
type wordGroups []*wordGroup

func (gs *wordGroups) add(id string, s script, letter rune, word string, whole bool, single func() Finding) {
	for _, g := range *gs {
		if g.id == id && g.script == s && g.letter == letter {
			g.words = append(g.words, word)
			g.whole = g.whole && whole
			return
		}
	}
	*gs = append(*gs, &wordGroup{id: id, script: s, letter: letter, whole: whole, words: []string{word}, first: single()})
}

// listedWords is how many words a collapsed finding names.
const listedWords = 3

// quoteWords lists the first few words as «a», «b», «c», … for a message.
func quoteWords(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i == listedWords {
			b.WriteString(", …")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("«" + w + "»")
	}
	return b.String()
}

// emit adds one finding per group: the detailed message when the group has
// a single word, else a count and the first few words.
func (gs wordGroups) emit(c *checker, collapsed func(g *wordGroup, n int, list string) string) {
	for _, g := range gs {
		n, list := len(g.words), quoteWords(g.words)
		args := map[string]string{"count": strconv.Itoa(n)}
		if n == 1 {
			for k, v := range g.first.Args {
				args[k] = v
			}
			c.addArgs(g.id, g.first.Message, args)
			continue
		}
		args["words"] = list
		for k, v := range g.first.Args {
			if k != "word" {
				args[k] = v
			}
		}
		if g.id != IDArabicLetters {
			// Which letter comes first differs by word; only the group's kind is common.
			delete(args, "letter")
			delete(args, "letter_code")
			delete(args, "expected")
			delete(args, "expected_code")
		}
		c.addArgs(g.id, collapsed(g, n, list), args)
	}
}

// checkScript reports letters of the wrong script: Cyrillic or Arabic
// letters in a Latin-script target, Latin letters typed inside Cyrillic or
// Arabic words (whole Latin words such as "VUCA" or "UNDP" are fine there),
// and Cyrillic letters in an Arabic-script target. One finding per kind: a
// single word is described letter by letter, several are counted and the
// first few named.
func checkScript(c *checker) {
	t := c.in.Target
	var groups wordGroups
	var latinWords, nativeWords int // for a Cyrillic- or Arabic-script language
	var inAddress [][]int           // the byte ranges of e-mail and web addresses, Latin anywhere
	if mayHaveAddress(t) {
		inAddress = addressPattern.FindAllStringIndex(t, -1)
	}
	for _, w := range c.targetWords() {
		word := t[w.start:w.end]
		var counts [4]int
		for _, r := range word {
			counts[letterScript(r)]++
		}
		latin, cyr, arab := counts[scriptLatin], counts[scriptCyrillic], counts[scriptArabic]
		switch {
		case latin > 0 && cyr == 0 && arab == 0 && !isAcronym(word) && !within(inAddress, w.start):
			latinWords++
		case counts[c.p.script] > 0:
			nativeWords++
		}
		foreign := func(s script, mixed bool) {
			groups.add(IDScript, s, 0, word, !mixed, func() Finding { return foreignLetters(word, s, mixed, c.p.name) })
		}
		switch c.p.script {
		case scriptLatin:
			if cyr > 0 {
				foreign(scriptCyrillic, latin > 0)
			} else if arab > 0 {
				foreign(scriptArabic, latin > 0)
			}
		case scriptCyrillic:
			switch {
			case cyr > 0 && latin > 0:
				groups.add(IDScriptMixed, scriptCyrillic, 0, word, false, func() Finding { return latinInCyrillic(word, c.p) })
			case arab > 0:
				foreign(scriptArabic, cyr > 0)
			}
		case scriptArabic:
			switch {
			case cyr > 0:
				foreign(scriptCyrillic, arab > 0)
			case arab > 0 && latin > 0:
				groups.add(IDScriptMixed, scriptArabic, 0, word, false, func() Finding {
					r := firstOf(word, scriptLatin)
					return Finding{Message: fmt.Sprintf("The word %q mixes the Latin letter %s with Arabic letters.", word, runeName(r)),
						Args: letterArgs(word, r)}
				})
			}
		}
	}
	// Whole Latin words are let through one by one (names, "VUCA"), but a
	// target made of them is a text in another alphabet: a pasted English
	// sentence, or Kazakh typed in a Latin transliteration.
	if c.p.script != scriptLatin && latinWords >= minLatinWords && latinWords > nativeWords {
		c.add(IDScriptWhole, fmt.Sprintf("%d of the target's %d words are in Latin letters; %s is written in %s letters here.",
			latinWords, latinWords+nativeWords, c.p.name, scriptNames[c.p.script]),
			"count", strconv.Itoa(latinWords), "total", strconv.Itoa(latinWords+nativeWords), "language", c.p.name, "script", scriptNames[c.p.script])
	}
	groups.emit(c, func(g *wordGroup, n int, list string) string {
		switch {
		case g.id == IDScriptMixed:
			return fmt.Sprintf("%d words mix Latin letters with %s letters: %s", n, scriptNames[g.script], endSentence(list))
		case g.whole:
			return fmt.Sprintf("%d words are in %s letters, which %s does not use: %s", n, scriptNames[g.script], c.p.name, endSentence(list))
		}
		return fmt.Sprintf("%d words have %s letters, which %s does not use: %s", n, scriptNames[g.script], c.p.name, endSentence(list))
	})
}

// minLatinWords is how many Latin words a Cyrillic- or Arabic-script target
// needs before it is taken for a text in another alphabet.
const minLatinWords = 3

// within reports whether byte offset i falls in one of ranges.
func within(ranges [][]int, i int) bool {
	for _, r := range ranges {
		if i >= r[0] && i < r[1] {
			return true
		}
	}
	return false
}

// isAcronym reports a word of capital letters (and digits), such as "UNDP"
// or "G20": names that stay Latin in any alphabet.
func isAcronym(word string) bool {
	letters := 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// endSentence closes a message ending in a word list with a full stop,
// unless the list ends in "…".
func endSentence(list string) string {
	if strings.HasSuffix(list, "…") {
		return list
	}
	return list + "."
}

var scriptNames = map[script]string{scriptLatin: "Latin", scriptCyrillic: "Cyrillic", scriptArabic: "Arabic"}

// letterArgs are the Args naming a word and one of its letters.
func letterArgs(word string, r rune, kv ...string) map[string]string {
	args := map[string]string{"word": word, "letter": string(r), "letter_code": codePoint(r)}
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i]] = kv[i+1]
	}
	return args
}

// foreignLetters describes a word with letters of script s in a text whose
// language writes another script.
func foreignLetters(word string, s script, mixed bool, lang string) Finding {
	if !mixed {
		return Finding{Message: fmt.Sprintf("The word %q is written in %s letters, which %s does not use.", word, scriptNames[s], lang),
			Args: map[string]string{"word": word, "script": scriptNames[s], "language": lang}}
	}
	r := firstOf(word, s)
	args := letterArgs(word, r, "script", scriptNames[s], "language", lang)
	if s == scriptCyrillic {
		if l, ok := cyrillicToLatin[r]; ok {
			args["expected"], args["expected_code"] = string(l), codePoint(l)
			return Finding{Message: fmt.Sprintf("The word %q contains the Cyrillic letter %s; %s needs the Latin %s.", word, runeName(r), lang, runeName(l)), Args: args}
		}
	}
	return Finding{Message: fmt.Sprintf("The word %q contains the %s letter %s, which %s does not use.", word, scriptNames[s], runeName(r), lang), Args: args}
}

// latinInCyrillic describes Latin letters typed in a Cyrillic word.
func latinInCyrillic(word string, p *profile) Finding {
	r := firstOf(word, scriptLatin)
	args := letterArgs(word, r)
	if cyr, ok := p.lookalikes[r]; ok {
		args["expected"], args["expected_code"] = string(cyr), codePoint(cyr)
		return Finding{Message: fmt.Sprintf("The word %q has the Latin letter %s among Cyrillic letters; type the Cyrillic %s.", word, runeName(r), runeName(cyr)), Args: args}
	}
	return Finding{Message: fmt.Sprintf("The word %q mixes the Latin letter %s with Cyrillic letters.", word, runeName(r)), Args: args}
}

// firstOf returns the first letter of script s in word.
func firstOf(word string, s script) rune {
	for _, r := range word {
		if letterScript(r) == s {
			return r
		}
	}
	return 0
}

// checkArabicLetters reports Arabic-script letters of the wrong variety for
// the language: Arabic ي and ك in Dari, ك in Pashto, Persian ی and ک in
// Arabic. One finding per wrong letter, naming the words that have it.
func checkArabicLetters(c *checker) {
	if len(c.p.arabicFixes) == 0 {
		return
	}
	t := c.in.Target
	var groups wordGroups
	for _, w := range c.targetWords() {
		word := t[w.start:w.end]
	runes:
		for _, r := range word {
			for _, f := range c.p.arabicFixes {
				if r == f.wrong {
					groups.add(IDArabicLetters, scriptArabic, r, word, false, func() Finding {
						return Finding{
							Message: fmt.Sprintf("The word %q has the letter %s; %s writes %s%s.", word, runeName(r), c.p.name, runeName(f.want), f.hint),
							Args:    letterArgs(word, r, "expected", string(f.want), "expected_code", codePoint(f.want), "language", c.p.name),
						}
					})
					break runes
				}
			}
		}
	}
	groups.emit(c, func(g *wordGroup, n int, list string) string {
		for _, f := range c.p.arabicFixes {
			if f.wrong == g.letter {
				return fmt.Sprintf("%d words have the letter %s; %s writes %s%s: %s", n, runeName(f.wrong), c.p.name, runeName(f.want), f.hint, endSentence(list))
			}
		}
		return ""
	})
}
