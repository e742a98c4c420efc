// Package publish is the domain of releases: which text a release takes
// (Take), how two releases differ (Compare), and how a release is shown to
// the public — standalone HTML, plain text, JSON, a zip of all languages and
// an Atom feed — plus the pure half of webhooks (signature and back-off).
// It imports neither Gin nor GORM: the store and the server hand it data.
package publish

import (
	"strings"
	"time"
	"unicode/utf8"

	"tilmash/internal/language"
)

// Sentence is one released segment; Lang differs from the page's language
// only where a partial release shows the source.
type Sentence struct {
	Text string `json:"text"`
	Lang string `json:"lang"`
}

// Paragraph groups sentences as the source paragraph did.
type Paragraph []Sentence

// onlyLang is the language of every sentence of the paragraph, or "" when
// they differ (or there are none).
func (para Paragraph) onlyLang() string {
	if len(para) == 0 {
		return ""
	}
	for _, s := range para[1:] {
		if s.Lang != para[0].Lang {
			return ""
		}
	}
	return para[0].Lang
}

// Alternate links the same document in another published language.
type Alternate struct {
	Lang       string `json:"lang"`
	NativeName string `json:"name"`
	URL        string `json:"url"`
	Current    bool   `json:"current,omitempty"`
}

// Page is everything a public release page shows.
type Page struct {
	// Title is the document's title as it was imported: in the source language.
	Title       string      `json:"title"`
	Lang        string      `json:"lang"`
	Dir         string      `json:"dir"`
	Number      int         `json:"number"`
	Revision    int         `json:"revision"`
	PublishedAt time.Time   `json:"published_at"`
	URL         string      `json:"url"`
	LatestURL   string      `json:"latest_url,omitempty"`
	Partial     bool        `json:"partial,omitempty"`
	Paragraphs  []Paragraph `json:"paragraphs"`
	Alternates  []Alternate `json:"alternates"`
	// Headline: the first paragraph is the document's headline (IsHeadline),
	// which titles the page in the page's language.
	Headline bool `json:"-"`
	// Labels are the page's few words in the page's own language.
	Labels Labels `json:"-"`
}

// Heading is what a page is titled with: the (translated) first paragraph
// when it is the document's headline, else the document's title, in the
// source language. rest is what the page shows below the heading.
func (p Page) Heading() (heading Sentence, rest []Paragraph) {
	if p.Headline && len(p.Paragraphs) > 1 && len(p.Paragraphs[0]) == 1 {
		return p.Paragraphs[0][0], p.Paragraphs[1:]
	}
	return Sentence{Text: p.Title, Lang: language.Source}, p.Paragraphs
}

// IsHeadline reports whether a document opens with a headline, as press
// texts do: a first paragraph of one sentence that does not end like one,
// followed by more paragraphs. sources are the source sentences in order and
// paragraphOf[i] the paragraph of sources[i]. The source decides, not a
// translation, so every language of a release agrees.
func IsHeadline(sources []string, paragraphOf []int) bool {
	return len(sources) > 1 && len(paragraphOf) == len(sources) &&
		paragraphOf[1] != paragraphOf[0] && !endsSentence(sources[0])
}

// endsSentence reports text ending in a full stop, question or exclamation
// mark (in the scripts of the target languages), or an ellipsis, before any
// closing quotes or brackets.
func endsSentence(text string) bool {
	text = strings.TrimRight(text, " »\"”’)]")
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(".!?…؟۔。", r)
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

// Withdrawal is what a withdrawn release's URL shows instead of the text.
type Withdrawal struct {
	Title       string
	Lang        string
	Dir         string
	Number      int
	PublishedAt time.Time
	WithdrawnAt time.Time
	Reason      string
	// LatestURL is the latest live release of the document in the language, if any.
	LatestURL string
	Labels    Labels
}
