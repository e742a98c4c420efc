package qa

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// endClass is the kind of punctuation a sentence ends with.
type endClass string

const (
	endNone     endClass = ""
	endQuestion endClass = "?"
	endExclaim  endClass = "!"
	endEllipsis endClass = "…"
	endStop     endClass = "."
)

// sentenceEnd returns the class of the last punctuation of s, looking past
// closing quotes, brackets, spaces and bidi marks, and the mark as written.
func sentenceEnd(s string, p *profile) (endClass, string) {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || isBidiControl(r) || strings.ContainsRune("»”“\"'’)]}›", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case r == '?' || (r != utf8.RuneError && strings.ContainsRune(p.questionMarks, r)):
		return endQuestion, string(r)
	case r == '!':
		return endExclaim, "!"
	case r == '…':
		return endEllipsis, "…"
	case strings.HasSuffix(s, "..."):
		return endEllipsis, "..."
	case r == '.' || (r != utf8.RuneError && strings.ContainsRune(p.fullStops, r)):
		return endStop, string(r)
	}
	return endNone, ""
}

// checkSentenceEnd compares the final ?, !, … or . of source and target.
// A question must stay a question; Arabic-script targets may write "؟".
func checkSentenceEnd(c *checker) {
	src, srcMark := sentenceEnd(c.in.Source, generic)
	tgt, tgtMark := sentenceEnd(c.in.Target, c.p)
	if src == tgt {
		return
	}
	var msg string
	switch {
	case tgt == endNone:
		msg = fmt.Sprintf("The source ends with %q but the target has no closing punctuation.", srcMark)
	case src == endNone:
		msg = fmt.Sprintf("The target ends with %q but the source has no closing punctuation.", tgtMark)
	default:
		msg = fmt.Sprintf("The source ends with %q but the target ends with %q.", srcMark, tgtMark)
	}
	c.add(IDSentenceEnd, msg)
}

// bracket pairs; “ opens in English and closes „ in German-style quoting.
var closerOf = map[rune]rune{
	'(': ')', '[': ']', '{': '}', '«': '»', '„': '“', '“': '”', '‹': '›', '"': '"',
}

// isCloser lists characters that close a pair (“ is handled apart).
func isCloser(r rune) bool { return strings.ContainsRune(")]}»”›", r) }

// bracketProblem is an unclosed opener or an unexpected closer.
type bracketProblem struct {
	pos      int
	r        rune
	unclosed bool
}

// family groups quotation marks together, because a translation changes
// their style («» → “”) but should keep their balance.
func family(r rune) rune {
	switch r {
	case '(', ')':
		return '('
	case '[', ']':
		return '['
	case '{', '}':
		return '{'
	}
	return '"'
}

// bracketProblems finds the unbalanced quotes and brackets of s.
func bracketProblems(s string) []bracketProblem {
	type open struct {
		pos int
		r   rune
	}
	var stack []open
	var problems []bracketProblem
	for i, r := range s {
		top := rune(0)
		if len(stack) > 0 {
			top = stack[len(stack)-1].r
		}
		switch {
		case r == '"' && top == '"', r == '“' && top == '„', r == '”' && (top == '“' || top == '„'):
			stack = stack[:len(stack)-1]
		case r == '"', r == '“', r == '„', r == '«', r == '(', r == '[', r == '{', r == '‹':
			stack = append(stack, open{i, r})
		case isCloser(r):
			// Close the nearest matching opener; openers above it were left open.
			j := len(stack) - 1
			for j >= 0 && closerOf[stack[j].r] != r && !(r == '”' && stack[j].r == '„') {
				j--
			}
			if j < 0 {
				problems = append(problems, bracketProblem{pos: i, r: r})
				continue
			}
			for _, o := range stack[j+1:] {
				problems = append(problems, bracketProblem{pos: o.pos, r: o.r, unclosed: true})
			}
			stack = stack[:j]
		}
	}
	for _, o := range stack {
		problems = append(problems, bracketProblem{pos: o.pos, r: o.r, unclosed: true})
	}
	return problems
}

// signature summarises problems by family, so a target that mirrors an
// unbalanced source is not blamed for it.
func signature(ps []bracketProblem) string {
	counts := map[string]int{}
	for _, p := range ps {
		counts[fmt.Sprintf("%c%v", family(p.r), p.unclosed)]++
	}
	return fmt.Sprint(counts)
}

// checkBrackets reports unbalanced quotes and brackets in the target,
// unless the source is unbalanced in the same way.
func checkBrackets(c *checker) {
	tp := bracketProblems(c.in.Target)
	if len(tp) == 0 {
		return
	}
	if sp := bracketProblems(c.in.Source); len(sp) > 0 && signature(sp) == signature(tp) {
		return
	}
	for _, p := range tp {
		if p.unclosed {
			c.add(IDBrackets, fmt.Sprintf("The target opens %q without closing it: %q.", string(p.r), contextAfter(c.in.Target, p.pos)))
		} else {
			c.add(IDBrackets, fmt.Sprintf("The target closes %q without opening it, after %q.", string(p.r), contextBefore(c.in.Target, p.pos)))
		}
	}
}

// checkSpaces reports leading, trailing and repeated spaces.
func checkSpaces(c *checker) {
	t := c.in.Target
	if r, _ := utf8.DecodeRuneInString(t); unicode.IsSpace(r) {
		c.add(IDSpaces, "The target starts with a space.")
	}
	if r, _ := utf8.DecodeLastRuneInString(t); unicode.IsSpace(r) {
		c.add(IDSpaces, "The target ends with a space.")
	}
	trimmed := strings.TrimLeftFunc(t, unicode.IsSpace)
	offset := len(t) - len(trimmed)
	trimmed = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	first, count, run := -1, 0, 0
	for i, r := range trimmed {
		if !unicode.IsSpace(r) {
			run = 0
			continue
		}
		run++
		if run == 2 {
			count++
			if first < 0 {
				first = offset + i
			}
		}
	}
	switch {
	case count == 1:
		c.add(IDSpaces, fmt.Sprintf("The target has a double space after %q.", contextBefore(t, first)))
	case count > 1:
		c.add(IDSpaces, fmt.Sprintf("The target has double spaces in %d places, the first after %q.", count, contextBefore(t, first)))
	}
}

// checkUntranslated warns when the target is the source copied.
func checkUntranslated(c *checker) {
	src, tgt := strings.TrimSpace(c.in.Source), strings.TrimSpace(c.in.Target)
	if src == tgt && strings.IndexFunc(src, unicode.IsLetter) >= 0 {
		c.add(IDUntranslated, "The target is the same as the source; it looks untranslated.")
	}
}

// minRatioLength is the shortest source whose length ratio is judged:
// titles and names vary too much.
const minRatioLength = 40

// checkLength warns when the target is unusually long or short for the
// language. Each glossary term of the source counts as long as its required
// rendering would make it, because an abbreviation such as "РК"
// legitimately grows into "Republic of Kazakhstan".
func checkLength(c *checker) {
	src := utf8.RuneCountInString(strings.TrimSpace(c.in.Source))
	if src < minRatioLength {
		return
	}
	lo, hi := c.p.ratio[0], c.p.ratio[1]
	typical := math.Sqrt(lo * hi)
	expected := float64(src)
	for _, h := range c.in.Terms {
		expected += float64(utf8.RuneCountInString(h.Term.Target))/typical - float64(utf8.RuneCountInString(h.Form))
	}
	if expected < 1 {
		return
	}
	tgt := utf8.RuneCountInString(strings.TrimSpace(c.in.Target))
	ratio := float64(tgt) / expected
	if ratio >= lo && ratio <= hi {
		return
	}
	side := "long"
	if ratio < lo {
		side = "short"
	}
	how := ""
	if len(c.in.Terms) > 0 {
		how = ", glossary terms counted at the length of their renderings"
	}
	c.add(IDLength, fmt.Sprintf("The target is %.2f times as long as the source (%d against %d characters%s); %.2f to %.2f is usual for %s, so it may be too %s.",
		ratio, tgt, src, how, lo, hi, c.p.name, side))
}
