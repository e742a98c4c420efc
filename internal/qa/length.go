package qa

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

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
