package qa

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldedWords is a text split into words folded for comparison (lower
// case, ё as е), kept in one buffer.
type foldedWords struct {
	text  string
	raw   []span // offsets into text
	buf   []byte
	spans []span // offsets into buf
}

func (fw *foldedWords) word(i int) string { return string(fw.buf[fw.spans[i].start:fw.spans[i].end]) }

func (fw *foldedWords) rawWord(i int) string { return fw.text[fw.raw[i].start:fw.raw[i].end] }

// fold splits s into folded words; abbr reports per word whether it was all
// upper case (two letters or more).
func (fw *foldedWords) fold(s string, abbr *[]bool) {
	fw.text, fw.buf, fw.spans = s, fw.buf[:0], fw.spans[:0]
	fw.raw = words(s, fw.raw[:0])
	for _, w := range fw.raw {
		start := len(fw.buf)
		letters, upper := 0, 0
		for _, r := range s[w.start:w.end] {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
			r = unicode.ToLower(r)
			if r == 'ё' {
				r = 'е'
			}
			fw.buf = utf8.AppendRune(fw.buf, r)
		}
		fw.spans = append(fw.spans, span{start, len(fw.buf)})
		if abbr != nil {
			*abbr = append(*abbr, letters >= 2 && upper == letters)
		}
	}
}

// contains reports whether phrase occurs in the text words, each word
// compared by the profile's matching rule.
func (c *checker) contains(text *foldedWords, phrase string) bool {
	var pw foldedWords
	var abbr []bool
	pw.fold(phrase, &abbr)
	n := len(pw.spans)
	if n == 0 {
		return false
	}
next:
	for i := 0; i+n <= len(text.spans); i++ {
		for k := 0; k < n; k++ {
			if abbr[k] {
				// Abbreviations compare exactly: "MID" is forbidden, "mid-2030" is not.
				if text.rawWord(i+k) != pw.rawWord(k) {
					continue next
				}
				continue
			}
			tw := text.buf[text.spans[i+k].start:text.spans[i+k].end]
			if !c.wordMatches(string(tw), pw.word(k)) {
				continue next
			}
		}
		return true
	}
	return false
}

// wordMatches compares a folded text word with a folded term word.
func (c *checker) wordMatches(text, term string) bool {
	if text == term {
		return true
	}
	switch c.p.match {
	case matchSuffix:
		rest, ok := strings.CutPrefix(text, term)
		if !ok {
			return false
		}
		for _, s := range c.p.suffixes {
			if rest == s {
				return true
			}
		}
		return false
	case matchContains:
		return utf8.RuneCountInString(term) >= 2 && strings.Contains(text, term)
	default:
		n := utf8.RuneCountInString(term)
		switch {
		case n < 3:
			return false
		case n >= 5:
			_, size := utf8.DecodeLastRuneInString(term)
			term = term[:len(term)-size]
		}
		return strings.HasPrefix(text, term)
	}
}

// checkGlossary reports forbidden renderings of the source's terms (errors)
// and required renderings that are missing (warnings), once per term.
func checkGlossary(c *checker) {
	if len(c.in.Terms) == 0 {
		return
	}
	var text foldedWords
	text.fold(c.in.Target, nil)
	var forbidden, missing []string
	seen := make(map[[2]string]bool, len(c.in.Terms))
	for _, h := range c.in.Terms {
		key := [2]string{h.Term.Source, h.Term.Target}
		if seen[key] {
			continue
		}
		seen[key] = true
		for _, f := range h.Term.Forbidden {
			if c.contains(&text, f) {
				forbidden = append(forbidden, fmt.Sprintf("The target uses %q, which the glossary forbids for %q; use %q.", f, h.Term.Source, h.Term.Target))
			}
		}
		if h.Term.Target != "" && !c.contains(&text, h.Term.Target) {
			missing = append(missing, fmt.Sprintf("The glossary gives %q for %q, but the target does not contain it.", h.Term.Target, h.Form))
		}
	}
	for _, m := range forbidden {
		c.add(IDGlossaryForbidden, m)
	}
	for _, m := range missing {
		c.add(IDGlossaryMissing, m)
	}
}
