package qa

import (
	"fmt"
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
	switch {
	case tgt == endNone:
		c.add(IDSentenceEnd, fmt.Sprintf("The source ends with %q but the target has no closing punctuation.", srcMark), "source_mark", srcMark)
	case src == endNone:
		c.add(IDSentenceEnd, fmt.Sprintf("The target ends with %q but the source has no closing punctuation.", tgtMark), "target_mark", tgtMark)
	default:
		c.add(IDSentenceEnd, fmt.Sprintf("The source ends with %q but the target ends with %q.", srcMark, tgtMark),
			"source_mark", srcMark, "target_mark", tgtMark)
	}
}
