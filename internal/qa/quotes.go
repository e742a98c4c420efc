package qa

import (
	"fmt"
	"strconv"
	"strings"
)

// quoteMarks counts the quotation marks of s: double marks of any style
// (« », “ ”, „ “, " "), how many of them are left unpaired, and the ‘ ’
// pairs English uses for a quote inside a quote where Russian nests „ “ or
// « » in « ». A lone ’ is an apostrophe and does not count.
func quoteMarks(s string) (marks, unpaired, single int) {
	if !strings.ContainsAny(s, "«»„“”\"‹›‘") {
		return 0, 0, 0
	}
	for _, r := range s {
		if family(r) == '"' && (closerOf[r] != 0 || isCloser(r)) {
			marks++
		}
	}
	for _, p := range bracketProblems(s) {
		if family(p.r) == '"' {
			unpaired++
		}
	}
	return marks, unpaired, min(strings.Count(s, "‘"), strings.Count(s, "’"))
}

// targetPairs counts the balanced pairs of quotation marks of a target.
func targetPairs(s string) int {
	marks, unpaired, single := quoteMarks(s)
	return (marks-unpaired)/2 + single
}

// sourcePairs counts the quoted phrases of a Russian source generously: an
// unpaired mark counts as a pair, because Russian typography writes one »
// where two quotes close together («Госкорпорации «Правительство для
// граждан»), and the translation rightly closes both.
func sourcePairs(s string) int {
	marks, _, single := quoteMarks(s)
	return (marks+1)/2 + single
}

// checkQuotes warns when the target has more pairs of quotation marks than
// the source: a name or a phrase quoted that the source does not quote.
// The style may change freely (« » becomes “ ” in English), and unbalanced
// marks are the bracket check's. Fewer pairs are not reported: a
// translation rightly drops the quotes of a company name ("АО
// «Казахтелеком»" is "Kazakhtelecom JSC").
func checkQuotes(c *checker) {
	t := targetPairs(c.in.Target)
	if t == 0 {
		return
	}
	s := sourcePairs(c.in.Source)
	if t <= s {
		return
	}
	msg := fmt.Sprintf("The target has %d pairs of quotation marks, the source %d.", t, s)
	if s == 0 {
		msg = "The target has quotation marks the source does not have."
	}
	c.add(IDQuotesAdded, msg, "source_count", strconv.Itoa(s), "target_count", strconv.Itoa(t))
}
