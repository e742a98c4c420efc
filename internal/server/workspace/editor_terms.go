package workspace

import (
	"strconv"

	"tilmash/internal/glossary"
)

// sourcePart is a run of a segment's source: plain text, or a glossary term
// with its required rendering, which the editor shows on focus and hover
// and gives screen readers as the term's description (issue 14 point 7).
type sourcePart struct {
	Text   string
	Term   bool
	ID     string // the rendering's element id, for aria-describedby
	Target string
	Note   string
}

// markTerms cuts source at the glossary hits (in text order, not
// overlapping, byte offsets as glossary.Match gives them); ids of the
// renderings are prefix-k.
func markTerms(source string, hits []glossary.Hit, prefix string) []sourcePart {
	if len(hits) == 0 {
		return []sourcePart{{Text: source}}
	}
	var out []sourcePart
	at := 0
	for k, h := range hits {
		if h.Start < at || h.End > len(source) || h.Start >= h.End {
			continue // overlapping or out of range: left as text
		}
		if h.Start > at {
			out = append(out, sourcePart{Text: source[at:h.Start]})
		}
		out = append(out, sourcePart{Text: source[h.Start:h.End], Term: true, ID: prefix + "-" + strconv.Itoa(k),
			Target: h.Term.Target, Note: h.Term.Note})
		at = h.End
	}
	if at < len(source) {
		out = append(out, sourcePart{Text: source[at:]})
	}
	return out
}
