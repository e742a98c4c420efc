package qa

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"tilmash/internal/glossary"
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

// fold splits s into folded words (raw, when not nil, are its words
// already split); abbr, when not nil, gets per word whether it was all upper
// case (two letters or more).
func (fw *foldedWords) fold(s string, raw []span, abbr *[]bool) {
	fw.text, fw.buf, fw.spans = s, fw.buf[:0], fw.spans[:0]
	if raw == nil {
		raw = words(s, fw.raw[:0])
	}
	fw.raw = raw
	if cap(fw.buf) < len(s) {
		fw.buf = make([]byte, 0, len(s))
	}
	if abbr != nil {
		*abbr = (*abbr)[:0]
	}
	for _, w := range fw.raw {
		start := len(fw.buf)
		letters, upper := 0, 0
		for _, r := range s[w.start:w.end] {
			if isLetter(r) {
				letters++
				if isUpper(r) {
					upper++
				}
			}
			fw.buf = utf8.AppendRune(fw.buf, toLower(r))
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
	pw := &c.phrase
	pw.fold(phrase, nil, &c.phraseAbbr)
	abbr := c.phraseAbbr
	n := len(pw.spans)
	if n == 0 {
		return false
	}
next:
	for i := 0; i+n <= len(text.spans); i++ {
		for k := 0; k < n; k++ {
			if abbr[k] {
				// Abbreviations compare case-sensitively: "MID" is forbidden,
				// "mid-2030" is not; "UN's" still has "UN".
				if !c.abbrMatches(text.rawWord(i+k), pw.rawWord(k)) {
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

// abbrMatches compares a text word with an abbreviation: exactly, or with
// one of the profile's suffixes ("UN's") where the language adds them
// without a hyphen.
func (c *checker) abbrMatches(text, abbr string) bool {
	if text == abbr {
		return true
	}
	rest, ok := strings.CutPrefix(text, abbr)
	if !ok || c.p.match != matchSuffix {
		return false
	}
	for _, s := range c.p.suffixes {
		if rest == s {
			return true
		}
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
	text := &c.folded
	text.fold(c.in.Target, c.targetWords(), nil)
	var forbidden, missing []Finding
	for i, h := range c.in.Terms {
		if seenBefore(c.in.Terms[:i], h.Term) {
			continue
		}
		for _, f := range h.Term.Forbidden {
			if c.contains(text, f) {
				forbidden = append(forbidden, Finding{
					Message: fmt.Sprintf("The target uses %q, which the glossary forbids for %q; use %q.", f, h.Term.Source, h.Term.Target),
					Args:    map[string]string{"variant": f, "term": h.Term.Source, "rendering": h.Term.Target},
				})
			}
		}
		if h.Term.Target != "" && !c.contains(text, h.Term.Target) {
			missing = append(missing, Finding{
				Message: fmt.Sprintf("The glossary gives %q for %q, but the target does not contain it.", h.Term.Target, h.Form),
				Args:    map[string]string{"rendering": h.Term.Target, "form": h.Form},
			})
		}
	}
	for _, f := range forbidden {
		c.addArgs(IDGlossaryForbidden, f.Message, f.Args)
	}
	for _, f := range missing {
		c.addArgs(IDGlossaryMissing, f.Message, f.Args)
	}
}

// seenBefore reports whether an earlier hit was for the same term; a
// segment has few hits, so a scan beats a map.
func seenBefore(earlier []glossary.Hit, t glossary.Term) bool {
	for _, h := range earlier {
		if h.Term.Source == t.Source && h.Term.Target == t.Target {
			return true
		}
	}
	return false
}
