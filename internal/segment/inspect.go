package segment

import (
	"fmt"
	"sort"
	"strconv"
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
	KindInvisible        = "invisible"
)

// Warning is a text-hygiene finding on import. Nothing is changed because of it: the text is kept
// as typed (in NFC) and the finding is shown to the people who can fix the source.
//
// Args carries the values Message interpolates, so an interface can phrase the warning in its
// own language. The keys per kind:
//
//	kind               Args keys
//	combining_mark     code_point ("U+0306"), base (the letter before it), context
//	missing_space      context; mark ("," ";" ":") when the gap follows that mark inside a sentence
//	mixed_script       word
//	double_space       count, context
//	unbalanced_quotes  mark, context, opens, closes (the paragraph's counts of « and »)
//	invisible          code_point, name (Unicode name), count (in the paragraph), context;
//	                   where ("start" or "end") for a no-break space at a paragraph edge
//
// Counts are decimal; context is the quoted stretch of the paragraph, as in Message.
type Warning struct {
	Paragraph int               `json:"paragraph"`      // numbered as Split numbers paragraphs, from 1
	Offset    int               `json:"offset"`         // in characters (runes) from the start of the paragraph, from 0
	Kind      string            `json:"kind"`           // one of the Kind constants
	Message   string            `json:"message"`        // an English sentence quoting the context
	Args      map[string]string `json:"args,omitempty"` // the values Message interpolates, see above
}

// Inspect reports text-hygiene warnings on text (normalized first), with the Russian rules
// deciding where sentences end. Warnings come in paragraph order, then by offset.
func Inspect(text string) []Warning { return For("ru").Inspect(text) }

// Inspect reports text-hygiene warnings using this segmenter's sentence rules: stray combining
// marks, a sentence end with no space after it, words mixing Latin and Cyrillic letters, several
// spaces in a row, quotation marks without a partner, and invisible characters (see
// inspectInvisible and inspectEdges).
func (s *Segmenter) Inspect(text string) []Warning {
	var (
		out []Warning
		sc  scratch
	)
	sc.report = true
	text = Normalize(text)
	paras := s.splitNormalized(text)
	edges := inspectEdges(nil, text) // in paragraph order, usually none
	for _, p := range paras {
		from := len(out)
		for len(edges) > 0 && edges[0].Paragraph == p.Number {
			out, edges = append(out, edges[0]), edges[1:]
		}
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
		invisible    []invisibleSeen
	)
	endWord := func(end int) {
		if wordStart >= 0 && latin && cyril {
			w := t[wordStart:end]
			out = append(out, warn(p, wordStart, KindMixedScript,
				fmt.Sprintf("The word %q mixes Latin and Cyrillic letters.", w), "word", w))
		}
		wordStart, latin, cyril = -1, false, false
	}
	for i, r := range t {
		if r == '\t' || (r >= 0xad && isInvisible(r)) {
			invisible = countInvisible(invisible, r, i)
		}
		isMark := unicode.In(r, unicode.Mn, unicode.Me)
		if isMark && strayMark(base) {
			code, ctx := fmt.Sprintf("U+%04X", r), around(t, i, i+utf8.RuneLen(r))
			out = append(out, warn(p, i, KindCombiningMark,
				fmt.Sprintf("Stray combining mark %s after %q in %q; retype the letter without it.", code, string(base), ctx),
				"code_point", code, "base", string(base), "context", ctx))
		}
		if unicode.IsSpace(r) {
			if spaces == 0 {
				spaceStart = i
			}
			spaces++
		} else {
			if spaces >= 2 {
				ctx := around(t, spaceStart, i)
				out = append(out, warn(p, spaceStart, KindDoubleSpace,
					fmt.Sprintf("%d spaces in a row in %q.", spaces, ctx), "count", strconv.Itoa(spaces), "context", ctx))
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
	return inspectInvisible(out, p, invisible)
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
			ctx := around(t, k, k)
			out = append(out, warn(p, k, KindMissingSpace,
				fmt.Sprintf("No space after the end of a sentence in %q.", ctx), "context", ctx))
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
			ctx := around(t, i+1, i+1)
			out = append(out, warn(p, i+1, KindMissingSpace,
				fmt.Sprintf("No space after %q in %q.", string(c), ctx), "mark", string(c), "context", ctx))
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
		ctx := around(t, b, b+size)
		out = append(out, warn(p, b, KindUnbalancedQuotes,
			fmt.Sprintf("The quotation mark %q in %q has no partner (the paragraph has %d « and %d »).", string(r), ctx, opens, closes),
			"mark", string(r), "context", ctx, "opens", strconv.Itoa(opens), "closes", strconv.Itoa(closes)))
	}
	return out
}

// warn makes a Warning; kv are its Args as key, value pairs.
func warn(p Paragraph, byteOffset int, kind, message string, kv ...string) Warning {
	args := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i]] = kv[i+1]
	}
	return Warning{
		Paragraph: p.Number,
		Offset:    utf8.RuneCountInString(p.Text[:byteOffset]),
		Kind:      kind,
		Message:   message,
		Args:      args,
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
