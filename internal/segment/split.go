package segment

import "strings"

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
	number := 0
	for len(text) > 0 {
		var line string
		line, text = nextLine(text)
		line = trimSpace(line)
		if line == "" {
			continue
		}
		number++
		from := len(all)
		all = s.appendSentences(all, line, &sc)
		paras = append(paras, Paragraph{Number: number, Text: line, Sentences: all[from:len(all):len(all)]})
	}
	return paras
}

// Sentences splits one paragraph into sentences. The paragraph is trimmed but not normalized;
// call Normalize first for text from outside.
func (s *Segmenter) Sentences(paragraph string) []string {
	var sc scratch
	return s.appendSentences(nil, trimSpace(paragraph), &sc)
}
