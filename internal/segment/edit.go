package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitAt cuts a sentence at a rune offset into two, each trimmed of white space at its ends.
// It fails (ok false) when the offset is outside (0, length) or either part would be empty:
// a cut there would make no second segment.
func SplitAt(s string, at int) (left, right string, ok bool) {
	if at <= 0 || at >= utf8.RuneCountInString(s) {
		return "", "", false
	}
	i, n := 0, 0
	for i = range s {
		if n == at {
			break
		}
		n++
	}
	left, right = strings.TrimRightFunc(s[:i], unicode.IsSpace), strings.TrimLeftFunc(s[i:], unicode.IsSpace)
	if left == "" || right == "" {
		return "", "", false
	}
	return left, right, true
}

// JoinSentences makes one sentence of two neighbours of a paragraph, with one space between
// them: the separator Split drops within a paragraph is white space, and one space is what a
// reader sees.
func JoinSentences(a, b string) string { return a + " " + b }

// squeeze is a paragraph's text without white space: two segmentations of the same paragraph
// squeeze to the same string.
func squeeze(sentences []string) string {
	var b strings.Builder
	for _, s := range sentences {
		for _, r := range s {
			if !unicode.IsSpace(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// KeepCuts gives each paragraph of next whose text (white space aside) equals a paragraph of
// current the sentences current cut it into. A publisher's joins and splits are kept that
// way across later revisions of other paragraphs, instead of being undone by the segmenter;
// a paragraph that changed is segmented afresh. next is changed in place and returned.
func KeepCuts(current [][]string, next []Paragraph) []Paragraph {
	byText := make(map[string][]string, len(current))
	for _, p := range current {
		byText[squeeze(p)] = p
	}
	for i, p := range next {
		if old, ok := byText[squeeze(p.Sentences)]; ok {
			next[i].Sentences = append([]string(nil), old...)
		}
	}
	return next
}
