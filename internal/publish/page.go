// Package publish renders releases as standalone public documents: HTML for
// reading and printing, plain text, and JSON. It is pure: the server hands it
// a Page built from a stored release.
package publish

import (
	"time"
)

// Sentence is one released segment; Lang differs from the page's language
// only where a partial release shows the source.
type Sentence struct {
	Text string `json:"text"`
	Lang string `json:"lang"`
}

// Paragraph groups sentences as the source paragraph did.
type Paragraph []Sentence

// Alternate links the same document in another published language.
type Alternate struct {
	Lang       string `json:"lang"`
	NativeName string `json:"name"`
	URL        string `json:"url"`
	Current    bool   `json:"current,omitempty"`
}

// Page is everything a public release page shows.
type Page struct {
	Title       string      `json:"title"`
	Lang        string      `json:"lang"`
	Dir         string      `json:"dir"`
	Number      int         `json:"number"`
	Revision    int         `json:"revision"`
	PublishedAt time.Time   `json:"published_at"`
	URL         string      `json:"url"`
	Paragraphs  []Paragraph `json:"paragraphs"`
	Alternates  []Alternate `json:"alternates"`
	// Labels are the page's few words in the page's own language.
	Labels Labels `json:"-"`
}

// Labels are the fixed words of a public page, given by the caller in the
// release's language.
type Labels struct {
	Release   string // "Release"
	Published string // "Published"
	Languages string // "Other languages"
}

// Group splits sentences into paragraphs: paragraphOf[i] is the source
// paragraph number of texts[i], and a new paragraph starts where it changes.
func Group(paragraphOf []int, texts []Sentence) []Paragraph {
	var out []Paragraph
	last := -1
	for i, s := range texts {
		if i == 0 || paragraphOf[i] != last {
			out = append(out, Paragraph{})
			last = paragraphOf[i]
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}
