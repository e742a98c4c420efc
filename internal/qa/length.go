package qa

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// minRatioLength is the shortest source whose length ratio is judged:
// titles and names vary too much.
const minRatioLength = 40

// extremeFactor: a ratio above extremeFactor times the language's upper
// bound is no matter of style but a pasted document, and an error
// (IDLengthExtreme); below the lower bound divided by extremeFactor the
// warning says the text looks lost.
const extremeFactor = 3

// minExtremeShortLength is the shortest source whose far too short target
// gets the stronger message. A far too short target stays a warning, not an
// error: condensed renderings are legitimate ("Организация Объединённых
// Наций по вопросам образования, науки и культуры" → "UNESCO"), the
// numbers and glossary checks already catch lost content, and a short text
// cannot smuggle a pasted document through "approve all".
const minExtremeShortLength = 100

// checkLength warns when the target is unusually long or short for the
// language, and reports an error (IDLengthExtreme) when it is so far off that
// it cannot be a translation of the source at all. Each glossary term of the source counts as long as its required
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
	id, verdict := IDLength, fmt.Sprintf("so it may be too %s", side)
	switch {
	case ratio > hi*extremeFactor:
		id, verdict = IDLengthExtreme, "far too long, as if something were pasted in by accident"
	case ratio < lo/extremeFactor && src >= minExtremeShortLength:
		// Still a warning: see minExtremeShortLength.
		verdict = "far too short, as if most of the translation were missing"
	}
	args := []string{"ratio", fmt.Sprintf("%.2f", ratio), "target_length", strconv.Itoa(tgt), "source_length", strconv.Itoa(src),
		"low", fmt.Sprintf("%.2f", lo), "high", fmt.Sprintf("%.2f", hi), "language", c.p.name, "side", side}
	if how != "" {
		args = append(args, "glossary", "yes")
	}
	c.add(id, fmt.Sprintf("The target is %.2f times as long as the source (%d against %d characters%s); %.2f to %.2f is usual for %s, %s.",
		ratio, tgt, src, how, lo, hi, c.p.name, verdict), args...)
}
