package tm

import "unicode"

// token is a word (a run of letters, digits and marks) or one other non-space character.
type token struct {
	start, end int
	folded     string
}

func tokenize(s string) []token {
	var out []token
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, token{start, end, string(fold(s[start:end], nil))})
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if start < 0 {
				start = i
			}
		case isSpace(r):
			flush(i)
		default:
			flush(i)
			end := i + len(string(r))
			out = append(out, token{i, end, string(fold(s[i:end], nil))})
		}
	}
	flush(len(s))
	return out
}

// diffWords marks the words of source that are not in a longest common subsequence of the words of
// query: what the translator has to change. Consecutive differing words make one span.
func diffWords(source, query string) []Span {
	a, b := tokenize(source), tokenize(query)
	// lcs[i][j] is the LCS length of a[i:] and b[j:]
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i].folded == b[j].folded {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	var spans []Span
	i, j := 0, 0
	prevDiff := false
	for i < len(a) {
		switch {
		case j < len(b) && a[i].folded == b[j].folded:
			i, j = i+1, j+1
			prevDiff = false
			continue
		case j < len(b) && lcs[i*w+j+1] >= lcs[(i+1)*w+j]:
			j++
			continue
		}
		if prevDiff {
			spans[len(spans)-1].End = a[i].end
		} else {
			spans = append(spans, Span{a[i].start, a[i].end})
		}
		prevDiff = true
		i++
	}
	return spans
}
