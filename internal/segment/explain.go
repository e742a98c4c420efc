package segment

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Boundary is one candidate sentence end of a paragraph and the rule that decided it.
type Boundary struct {
	Offset int    // of the first mark (or of the emoticon), in characters from the paragraph start
	Mark   string // the marks considered: ".", "?!»", "…", ":)"
	Split  bool   // whether a sentence ends after Mark
	Rule   string // a stable name: "abbreviation-date", "emoticon", "inside-pair", ...
	Reason string // an English sentence naming the table entry, word or shape that decided
	// Context is the paragraph around the candidate with "|" where the sentence would end.
	Context string
}

// Explained is a paragraph with its sentences, as Split returns it, and every candidate
// sentence end that was considered in it, in order.
type Explained struct {
	Paragraph
	Boundaries []Boundary
}

// Explain splits text exactly as Split does and tells, for every candidate sentence end, the rule
// that split or kept it: which abbreviation of which table, which starter word, which verb, which
// heading number or emoticon. It is the tool for a complaint about one segment; Split and Stream
// do not pay for it.
func (s *Segmenter) Explain(text string) []Explained {
	var (
		out []Explained
		sc  scratch
	)
	for l := range paragraphs(Normalize(text)) {
		line := l.text
		e := Explained{Paragraph: Paragraph{Number: l.number, Text: line}}
		e.Sentences = s.segment(nil, line, &sc, func(c cluster, d decision) {
			name, reason := s.reason(line, c, d)
			if d.rule >= ruleAbbrevPrefix && d.rule <= ruleAbbrevPlace {
				reason += s.lookalikeNote(line[d.from:d.to])
			}
			if d.bracket[1] > 0 {
				reason += fmt.Sprintf("; inside the bracket %s, which begins with a capital and so holds sentences of its own", quoteShort(line[d.bracket[0]:d.bracket[1]]))
			}
			e.Boundaries = append(e.Boundaries, Boundary{
				Offset:  utf8.RuneCountInString(line[:c.start]),
				Mark:    line[c.start:c.end],
				Split:   d.split,
				Rule:    name,
				Reason:  reason,
				Context: context(line, c.end),
			})
		})
		out = append(out, e)
	}
	return out
}

// reason names the rule of decision d on cluster c of paragraph p and says why in a sentence.
func (s *Segmenter) reason(p string, c cluster, d decision) (name, text string) {
	tok := p[d.from:d.to]
	if d.to == c.start && c.start < len(p) && p[c.start] == '.' {
		tok += "." // the abbreviation, initial or number with its period
	}
	word := p[d.word[0]:d.word[1]]
	next := describeNext(p, c.end)
	switch d.rule {
	case ruleParagraphEnd:
		return "paragraph-end", "only closing marks follow up to the end of the paragraph"
	case ruleTrailing:
		return "trailing-symbols", "only symbols, emoji, @mentions or #hashtags follow up to the end of the paragraph; they stay with this sentence"
	case ruleLeading:
		return "leading-marks", "sentence goes on: the marks open the sentence, which would otherwise be marks alone"
	case ruleNoSpace:
		return "no-space", "no space after the mark, and no capital letter follows"
	case ruleNoSpaceAddr:
		return "no-space-address", "no space after the mark, inside a web or e-mail address"
	case ruleNoSpaceCaps:
		return "no-space-caps", fmt.Sprintf("no space after the mark, and %q has no lowercase letter (a name such as ASP.NET)", word)
	case ruleNoSpaceLatin:
		return "no-space-latin", fmt.Sprintf("no space after the mark, and Latin letters on both sides (%q: a domain or a product name)", word)
	case ruleStrong:
		return "question-exclamation", splitOrNot(d, fmt.Sprintf("%q before %s", c.text(p), next))
	case ruleStrongLower:
		return "question-exclamation-lowercase", fmt.Sprintf("sentence ends: %q directly before %s, with no dash or closing quote to continue the sentence", c.text(p), next)
	case ruleCloserPeriod:
		return "period-after-closer", splitOrNot(d, fmt.Sprintf("a period after a closing quote or bracket, before %s", next))
	case ruleEllipsis:
		return "ellipsis", splitOrNot(d, fmt.Sprintf("an ellipsis before %s", next))
	case rulePlain:
		if f := lookAhead(p, c.end); !d.split && s.wordFinals != "" && f.class == nextLower && f.space &&
			onlyEllipsis(p[skipSpace(p, c.end):f.at]) && d.from < c.start && isLower(firstRune(p[d.from:])) {
			return "plain-word", fmt.Sprintf("sentence goes on: a period after %q before %s; the word is not whole by the word finals, starters or inflections tables, so it may be an abbreviation missing from them", lastToken(p, c.start), next)
		}
		return "plain-word", splitOrNot(d, fmt.Sprintf("a period after %q, which is no abbreviation, initial or list number, before %s", lastToken(p, c.start), next))
	case ruleLowerAfterWord:
		return "word-before-lowercase", fmt.Sprintf("sentence ends: a period after %q, a whole word by its ending (word finals, starters or inflections table) or a closing bracket or quote, directly before %s", lastToken(p, c.start), next)
	case ruleURL:
		return "address", splitOrNot(d, fmt.Sprintf("a period after the address %q, before %s", tok, next))
	case ruleAbbrevPrefix:
		return "abbreviation-prefix", fmt.Sprintf("%q is a prefix abbreviation of the table: it introduces what follows and never ends a sentence", tok)
	case ruleAbbrevPostfix:
		return "abbreviation-postfix", s.starterReason(d, tok, "a postfix abbreviation of the table", word, next)
	case ruleAbbrevAmount:
		return "abbreviation-amount", s.starterReason(d, tok, "an amount after a number (amounts table)", word, next)
	case ruleAbbrevList:
		return "abbreviation-list", splitOrNot(d, fmt.Sprintf("%q closes an enumeration (list abbreviation of the table), before %s", tok, next))
	case ruleAbbrevEra, ruleAbbrevDate, ruleAbbrevPlace:
		name, what := "abbreviation-date", "a date after a number (dates table)"
		switch d.rule {
		case ruleAbbrevEra:
			name, what = "abbreviation-era", "an era (eras table)"
		case ruleAbbrevPlace:
			name, what = "abbreviation-place", "the last word of a place name (places table)"
		}
		switch {
		case d.split && d.word[0] < c.start:
			return name, fmt.Sprintf("sentence ends: %q is %s and the sentence already has its finite verb %q, before %s", tok, what, word, next)
		case d.split:
			return name, fmt.Sprintf("sentence ends: %q is %s, before the sentence starter %q", tok, what, word)
		}
		return name, fmt.Sprintf("sentence goes on: %q is %s, before %s, and the sentence has no finite verb yet outside relative clauses", tok, what, next)
	case ruleAbbrevUnit:
		return "abbreviation-unit", splitOrNot(d, fmt.Sprintf("%q is a unit after a number (units table), before %s", tok, next))
	case ruleInitial:
		return "initial", s.starterReason(d, tok, "an initial", word, next)
	case ruleListNumber:
		return "list-number", fmt.Sprintf("%q is a list number at the start of a sentence or after a colon", tok)
	case ruleHeading:
		return "heading-number", fmt.Sprintf("%q numbers a heading (a Roman numeral, §, № or a word of the headings table at the start)", tok)
	case ruleRoman:
		return "roman-ordinal", splitOrNot(d, fmt.Sprintf("%q is a Roman numeral after a word (an ordinal, as in Пётр I), before %s", tok, next))
	case ruleInsidePair:
		return "inside-pair", fmt.Sprintf("sentence goes on: inside the quotation or bracket %s", quoteShort(tok))
	case ruleNumberBracket:
		return "bracketed-number", fmt.Sprintf("sentence goes on: the bracket %q after the mark holds only a number and ends at a sentence mark or the paragraph end: a year or a note number of this sentence, never a sentence of its own", tok)
	case ruleEmoticon:
		return "emoticon", splitOrNot(d, fmt.Sprintf("the emoticon %q before %s", tok, next))
	}
	return "none", "no rule"
}

// starterReason explains a decision that depends on a sentence starter following.
func (s *Segmenter) starterReason(d decision, tok, what, word, next string) string {
	if d.split {
		return fmt.Sprintf("sentence ends: %q is %s, before the sentence starter %q", tok, what, word)
	}
	if word != "" {
		return fmt.Sprintf("sentence goes on: %q is %s, before %q, which is not in the starters table (it may be a name)", tok, what, word)
	}
	return fmt.Sprintf("sentence goes on: %q is %s, before %s", tok, what, next)
}

func splitOrNot(d decision, why string) string {
	if d.split {
		return "sentence ends: " + why
	}
	return "sentence goes on: " + why
}

// lastToken is the run of non-space characters before offset e (at most 40).
func lastToken(p string, e int) string {
	b := e
	for k := 0; k < 40 && b > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(p[:b])
		if isSpace(r) {
			break
		}
		b -= size
	}
	return p[b:e]
}

// text is the marks of the cluster.
func (c cluster) text(p string) string { return p[c.start:c.end] }

// describeNext says what follows offset e: "the capitalized word «Новый»", "the end of the
// paragraph".
func describeNext(p string, e int) string {
	f := lookAhead(p, e)
	if f.class == nextEnd {
		return "the end of the paragraph"
	}
	word, _, _ := nextWord(p, f.at)
	if word == "" {
		_, size := runeAt(p, f.at)
		word = p[f.at : f.at+size]
	}
	space := ""
	if !f.space {
		space = " with no space before it"
	}
	switch f.class {
	case nextUpper:
		return fmt.Sprintf("the capitalized word %q%s", word, space)
	case nextLower:
		return fmt.Sprintf("the lowercase word %q%s", word, space)
	case nextDigit:
		return fmt.Sprintf("a number%s", space)
	case nextPunct:
		return fmt.Sprintf("the continuing mark %q%s", word, space)
	}
	return fmt.Sprintf("the symbol %q%s", word, space)
}

// context shows up to 24 characters on each side of offset e, with "|" at e.
func context(p string, e int) string {
	const side = 24
	from := e
	for k := 0; k < side && from > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(p[:from])
		from -= size
	}
	to := e
	for k := 0; k < side && to < len(p); k++ {
		_, size := utf8.DecodeRuneInString(p[to:])
		to += size
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	b.WriteString(p[from:e])
	b.WriteString("|")
	b.WriteString(p[e:to])
	if to < len(p) {
		b.WriteString("…")
	}
	return b.String()
}

// quoteShort quotes a pair's text, shortened in the middle when long.
func quoteShort(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return fmt.Sprintf("%q", s)
	}
	r := []rune(s)
	return fmt.Sprintf("%q", string(r[:18])+"…"+string(r[len(r)-18:]))
}
