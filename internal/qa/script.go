package qa

import (
	"fmt"
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

// checkScript reports letters of the wrong script: Cyrillic or Arabic
// letters in a Latin-script target, Latin letters typed inside Cyrillic or
// Arabic words (whole Latin words such as "VUCA" or "UNDP" are fine there),
// and Cyrillic letters in an Arabic-script target. One finding per word.
func checkScript(c *checker) {
	t := c.in.Target
	for _, w := range c.targetWords() {
		word := t[w.start:w.end]
		var counts [4]int
		for _, r := range word {
			counts[letterScript(r)]++
		}
		latin, cyr, arab := counts[scriptLatin], counts[scriptCyrillic], counts[scriptArabic]
		switch c.p.script {
		case scriptLatin:
			if cyr > 0 {
				c.add(IDScript, foreignLetters(word, scriptCyrillic, latin > 0, c.p.name))
			} else if arab > 0 {
				c.add(IDScript, foreignLetters(word, scriptArabic, latin > 0, c.p.name))
			}
		case scriptCyrillic:
			switch {
			case cyr > 0 && latin > 0:
				c.add(IDScriptMixed, latinInCyrillic(word, c.p))
			case arab > 0:
				c.add(IDScript, foreignLetters(word, scriptArabic, cyr > 0, c.p.name))
			}
		case scriptArabic:
			switch {
			case cyr > 0:
				c.add(IDScript, foreignLetters(word, scriptCyrillic, arab > 0, c.p.name))
			case arab > 0 && latin > 0:
				r := firstOf(word, scriptLatin)
				c.add(IDScriptMixed, fmt.Sprintf("The word %q mixes the Latin letter %s with Arabic letters.", word, runeName(r)))
			}
		}
	}
}

var scriptNames = map[script]string{scriptLatin: "Latin", scriptCyrillic: "Cyrillic", scriptArabic: "Arabic"}

// foreignLetters describes a word with letters of script s in a text whose
// language writes another script.
func foreignLetters(word string, s script, mixed bool, lang string) string {
	r := firstOf(word, s)
	if !mixed {
		return fmt.Sprintf("The word %q is written in %s letters, which %s does not use.", word, scriptNames[s], lang)
	}
	if s == scriptCyrillic {
		if l, ok := cyrillicToLatin[r]; ok {
			return fmt.Sprintf("The word %q contains the Cyrillic letter %s; %s needs the Latin %s.", word, runeName(r), lang, runeName(l))
		}
	}
	return fmt.Sprintf("The word %q contains the %s letter %s, which %s does not use.", word, scriptNames[s], runeName(r), lang)
}

// latinInCyrillic describes Latin letters typed in a Cyrillic word.
func latinInCyrillic(word string, p *profile) string {
	r := firstOf(word, scriptLatin)
	if cyr, ok := p.lookalikes[r]; ok {
		return fmt.Sprintf("The word %q has the Latin letter %s among Cyrillic letters; type the Cyrillic %s.", word, runeName(r), runeName(cyr))
	}
	return fmt.Sprintf("The word %q mixes the Latin letter %s with Cyrillic letters.", word, runeName(r))
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
// Arabic. One finding per word.
func checkArabicLetters(c *checker) {
	if len(c.p.arabicFixes) == 0 {
		return
	}
	t := c.in.Target
	for _, w := range c.targetWords() {
		word := t[w.start:w.end]
	runes:
		for _, r := range word {
			for _, f := range c.p.arabicFixes {
				if r == f.wrong {
					c.add(IDArabicLetters, fmt.Sprintf("The word %q has the letter %s; %s writes %s%s.", word, runeName(r), c.p.name, runeName(f.want), f.hint))
					break runes
				}
			}
		}
	}
}
