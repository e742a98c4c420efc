package segment

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Warning kinds.
const (
	KindCombiningMark    = "combining_mark"
	KindMissingSpace     = "missing_space"
	KindMixedScript      = "mixed_script"
	KindDoubleSpace      = "double_space"
	KindUnbalancedQuotes = "unbalanced_quotes"
)

// Warning is a text-hygiene finding on import. Nothing is changed because of it: the text is kept
// as typed (in NFC) and the finding is shown to the people who can fix the source.
type Warning struct {
	Paragraph int    `json:"paragraph"` // numbered as Split numbers paragraphs, from 1
	Offset    int    `json:"offset"`    // in characters (runes) from the start of the paragraph, from 0
	Kind      string `json:"kind"`      // one of the Kind constants
	Message   string `json:"message"`   // an English sentence quoting the context
}

// Inspect reports text-hygiene warnings on text (normalized first), with the Russian rules
// deciding where sentences end. Warnings come in paragraph order, then by offset.
func Inspect(text string) []Warning { return For("ru").Inspect(text) }

// Inspect reports text-hygiene warnings using this segmenter's sentence rules: stray combining
// marks, a sentence end with no space after it, words mixing Latin and Cyrillic letters, several
// spaces in a row, and quotation marks without a partner.
func (s *Segmenter) Inspect(text string) []Warning {
	var (
		out []Warning
		sc  scratch
	)
	sc.report = true
	for _, p := range s.Split(text) {
		from := len(out)
		out = inspectRunes(out, p)
		out = inspectGaps(out, p)
		out = inspectQuotes(out, p, &sc)
		part := out[from:]
		sort.SliceStable(part, func(i, j int) bool { return part[i].Offset < part[j].Offset })
	}
	return out
}

// inspectRunes finds combining marks, mixed-script words and runs of spaces in one pass.
func inspectRunes(out []Warning, p Paragraph) []Warning {
	t := p.Text
	var (
		base         rune // last rune that is not a combining mark
		wordStart    = -1
		latin, cyril bool
		spaceStart   = -1
		spaces       int
	)
	endWord := func(end int) {
		if wordStart >= 0 && latin && cyril {
			w := t[wordStart:end]
			out = append(out, warn(p, wordStart, KindMixedScript,
				fmt.Sprintf("The word %q mixes Latin and Cyrillic letters.", w)))
		}
		wordStart, latin, cyril = -1, false, false
	}
	for i, r := range t {
		isMark := unicode.In(r, unicode.Mn, unicode.Me)
		if isMark && strayMark(base) {
			out = append(out, warn(p, i, KindCombiningMark,
				fmt.Sprintf("Stray combining mark U+%04X after %q in %q; retype the letter without it.",
					r, string(base), around(t, i, i+utf8.RuneLen(r)))))
		}
		if unicode.IsSpace(r) {
			if spaces == 0 {
				spaceStart = i
			}
			spaces++
		} else {
			if spaces >= 2 {
				out = append(out, warn(p, spaceStart, KindDoubleSpace,
					fmt.Sprintf("%d spaces in a row in %q.", spaces, around(t, spaceStart, i))))
			}
			spaces = 0
		}
		if unicode.IsLetter(r) || isMark {
			if wordStart < 0 {
				wordStart = i
			}
			latin = latin || unicode.Is(unicode.Latin, r)
			cyril = cyril || unicode.Is(unicode.Cyrillic, r)
		} else {
			endWord(i)
		}
		if !isMark {
			base = r
		}
	}
	endWord(len(t))
	return out
}

// strayMark: a combining mark after this base is an accident. Scripts such as Arabic or
// Devanagari write vowels with combining marks; after NFC, Latin, Cyrillic and Greek letters
// only keep a mark that has no precomposed form (й + ̆), and nothing should carry one after a
// space or a digit.
func strayMark(base rune) bool {
	if !unicode.IsLetter(base) {
		return true
	}
	return unicode.In(base, unicode.Latin, unicode.Cyrillic, unicode.Greek)
}

// inspectGaps reports sentence ends that the segmenter split with no white space after them, and
// a comma, semicolon or colon glued to the next word ("слово,слово").
func inspectGaps(out []Warning, p Paragraph) []Warning {
	t := p.Text
	at := 0
	for i, s := range p.Sentences {
		// Sentences are substrings of the paragraph, in order, separated by white space only.
		k := skipSpace(t, at)
		if i > 0 && k == at {
			out = append(out, warn(p, k, KindMissingSpace,
				fmt.Sprintf("No space after the end of a sentence in %q.", around(t, k, k))))
		}
		at = k + len(s)
	}
	for i := 1; i+1 < len(t); i++ {
		c := t[i]
		if c != ',' && c != ';' && c != ':' {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(t[:i])
		after, _ := utf8.DecodeRuneInString(t[i+1:])
		if unicode.IsLetter(before) && unicode.IsLetter(after) {
			out = append(out, warn(p, i+1, KindMissingSpace,
				fmt.Sprintf("No space after %q in %q.", string(c), around(t, i+1, i+1))))
		}
	}
	return out
}

// inspectQuotes reports quotation marks that have no partner in their paragraph.
func inspectQuotes(out []Warning, p Paragraph, sc *scratch) []Warning {
	matchPairs(p.Text, sc)
	if len(sc.unmatched) == 0 {
		return out
	}
	t := p.Text
	opens, closes := strings.Count(t, "«"), strings.Count(t, "»")
	for _, b := range sc.unmatched {
		r, size := utf8.DecodeRuneInString(t[b:])
		out = append(out, warn(p, b, KindUnbalancedQuotes,
			fmt.Sprintf("The quotation mark %q in %q has no partner (the paragraph has %d « and %d »).",
				string(r), around(t, b, b+size), opens, closes)))
	}
	return out
}

func warn(p Paragraph, byteOffset int, kind, message string) Warning {
	return Warning{
		Paragraph: p.Number,
		Offset:    utf8.RuneCountInString(p.Text[:byteOffset]),
		Kind:      kind,
		Message:   message,
	}
}

// around quotes t[from:to] widened to the whole words on either side (at most 40 characters each
// way), for a message.
func around(t string, from, to int) string {
	for n := 0; from > 0 && n < 40; n++ {
		r, size := utf8.DecodeLastRuneInString(t[:from])
		if unicode.IsSpace(r) {
			break
		}
		from -= size
	}
	for n := 0; to < len(t) && n < 40; n++ {
		r, size := utf8.DecodeRuneInString(t[to:])
		if unicode.IsSpace(r) {
			break
		}
		to += size
	}
	return t[from:to]
}
