package workspace

import "unicode"

// diffPart is a run of a word diff: Op is "=" (kept), "-" (removed) or "+" (added).
type diffPart struct {
	Op   string
	Text string
}

// maxDiffTokens bounds the quadratic table; longer texts show as replaced whole.
const maxDiffTokens = 1500

// wordDiff compares two texts word by word (spaces are tokens too, so the
// parts join back to the texts), for the reviewer's view of what changed
// since the last approval.
func wordDiff(old, cur string) []diffPart {
	a, b := tokens(old), tokens(cur)
	if len(a) > maxDiffTokens || len(b) > maxDiffTokens {
		return merge([]diffPart{{"-", old}, {"+", cur}})
	}
	// lcs[i][j] is the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []diffPart
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, diffPart{"=", a[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, diffPart{"-", a[i]})
			i++
		default:
			out = append(out, diffPart{"+", b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, diffPart{"-", a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, diffPart{"+", b[j]})
	}
	return merge(out)
}

// tokens splits text into alternating runs of spaces and non-spaces.
func tokens(s string) []string {
	var out []string
	start, inSpace := 0, false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if i > start && sp != inSpace {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// merge joins neighbouring parts of one kind and drops empty ones.
func merge(parts []diffPart) []diffPart {
	var out []diffPart
	for _, p := range parts {
		if p.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == p.Op {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}
