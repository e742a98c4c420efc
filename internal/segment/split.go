package segment

import (
	"iter"
	"strings"
)

// Paragraph is one non-empty line of the source, trimmed of white space at both ends, with its
// sentences. Number counts non-empty lines from 1.
type Paragraph struct {
	Number    int
	Text      string
	Sentences []string
}

// Split normalizes text (see Normalize) and returns its non-empty paragraphs with their
// sentences. Sentences are substrings of the paragraph, none empty, none with white space at
// either end; joined with the white space between them they give back the paragraph.
func (s *Segmenter) Split(text string) []Paragraph { return s.splitNormalized(Normalize(text)) }

// nextLine cuts the first line off text (Normalize leaves only \n as a line end).
func nextLine(text string) (line, rest string) {
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		return text[:i], text[i+1:]
	}
	return text, ""
}

// paragraphLine is one paragraph of a normalized text as paragraphs yields it.
type paragraphLine struct {
	number int    // as Split numbers paragraphs, from 1
	raw    string // the line as written
	text   string // trimmed of white space at both ends: the paragraph
}

// paragraphs yields the non-empty lines of a normalized text: the one
// definition of a paragraph that Split, Explain and the hygiene checks share.
func paragraphs(text string) iter.Seq[paragraphLine] {
	return func(yield func(paragraphLine) bool) {
		number := 0
		for len(text) > 0 {
			var raw string
			raw, text = nextLine(text)
			trimmed := trimSpace(raw)
			if trimmed == "" {
				continue
			}
			number++
			if !yield(paragraphLine{number: number, raw: raw, text: trimmed}) {
				return
			}
		}
	}
}

// splitNormalized is Split of a text already normalized.
func (s *Segmenter) splitNormalized(text string) []Paragraph {
	var (
		// At most one paragraph per line; sentences average well over 64 bytes in press text.
		// Sizing both up front saves the copying and garbage of growing them.
		paras = make([]Paragraph, 0, strings.Count(text, "\n")+1)
		sc    scratch
		// All sentences share one backing array; each paragraph keeps a capped window of it, so a
		// document costs a few allocations, not one per paragraph.
		all = make([]string, 0, len(text)/64+1)
	)
	for l := range paragraphs(text) {
		from := len(all)
		all = s.appendSentences(all, l.text, &sc)
		paras = append(paras, Paragraph{Number: l.number, Text: l.text, Sentences: all[from:len(all):len(all)]})
	}
	return paras
}

// Sentences splits one paragraph into sentences. The paragraph is trimmed but not normalized;
// call Normalize first for text from outside.
func (s *Segmenter) Sentences(paragraph string) []string {
	var sc scratch
	return s.appendSentences(nil, trimSpace(paragraph), &sc)
}
