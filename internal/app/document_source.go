package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/record"
	"tilmash/internal/segment"
	"tilmash/internal/workflow"
	"tilmash/internal/xmltext"
)

// MaxTitleLength bounds a document title, in characters.
const MaxTitleLength = 300

// parsedSource is a source text split and checked, ready to store.
type parsedSource struct {
	text       string
	paragraphs []segment.Paragraph
	warnings   []segment.Warning
	count      int
}

// parseSource normalises a Russian text and splits it into sentences.
func parseSource(text string) (parsedSource, error) {
	if err := sourceXMLSafe(text); err != nil {
		return parsedSource{}, err
	}
	if !utf8.ValidString(text) {
		return parsedSource{}, apperr.New(apperr.Invalid, "the text is not valid UTF-8")
	}
	norm := segment.Normalize(text)
	ps := segment.For(language.Source).Split(norm)
	n := 0
	for _, p := range ps {
		n += len(p.Sentences)
	}
	if n == 0 {
		return parsedSource{}, apperr.New(apperr.Invalid, "the text is empty")
	}
	w := segment.Inspect(norm)
	if w == nil {
		w = []segment.Warning{}
	}
	return parsedSource{text: norm, paragraphs: ps, warnings: w, count: n}, nil
}

func cleanTitle(title string) (string, error) {
	title = strings.TrimSpace(title)
	if err := xmltext.Check("the title", title); err != nil {
		return "", err
	}
	switch {
	case !utf8.ValidString(title):
		return "", apperr.New(apperr.Invalid, "the title is not valid UTF-8")
	case title == "":
		return "", apperr.New(apperr.Invalid, "the document needs a title")
	case utf8.RuneCountInString(title) > MaxTitleLength:
		return "", apperr.New(apperr.Invalid, "the title is longer than %d characters", MaxTitleLength)
	}
	return segment.Normalize(title), nil
}

// storeRevision writes revision number of a document: its segments (reused,
// derived or new, as links say) and, for derived segments, the outdated
// translations carried over from the old ones.
func storeRevision(tx Tx, now time.Time, actor workflow.Actor, docID int64, number int, src parsedSource, old []record.Placed, links []segment.Link) error {
	warnings, err := json.Marshal(src.warnings)
	if err != nil {
		return err
	}
	rev := record.Revision{DocumentID: docID, Number: number, Text: src.text, Warnings: string(warnings), AuthorID: actor.ID, CreatedAt: now}
	if err := tx.InsertRevision(&rev); err != nil {
		return err
	}
	i := 0
	for _, p := range src.paragraphs {
		for pos, sentence := range p.Sentences {
			link := links[i]
			segID := int64(0)
			if link.Same {
				segID = old[link.Old].ID
			} else {
				seg := record.Segment{DocumentID: docID, Source: sentence}
				if link.Old >= 0 {
					from := old[link.Old].ID
					seg.DerivedFromID = &from
				}
				if err := tx.InsertSegment(&seg); err != nil {
					return err
				}
				segID = seg.ID
				if link.Old >= 0 {
					if err := carryOver(tx, old[link.Old].ID, segID, now); err != nil {
						return err
					}
				}
			}
			if err := tx.Place(record.Placement{RevisionID: rev.ID, Ordinal: i, SegmentID: segID, Paragraph: p.Number, Position: pos + 1}); err != nil {
				return err
			}
			i++
		}
	}
	return nil
}

// carryOver copies the translations of a changed segment to its successor as
// outdated, so the translator starts from the old target and sees what changed.
func carryOver(tx Tx, fromID, toID int64, now time.Time) error {
	trs, err := tx.SegmentTranslations(fromID)
	if err != nil {
		return err
	}
	for _, t := range trs {
		ch := workflow.Outdate(workflow.Current{State: workflow.State(t.State), Version: t.Version, Text: t.Text, AuthorID: t.AuthorID})
		if !ch.Changed {
			continue
		}
		nt := record.Translation{SegmentID: toID, Lang: t.Lang, Text: t.Text, State: string(ch.To), Version: 1,
			AuthorID: t.AuthorID, Origin: "revision", UpdatedAt: now}
		if err := tx.InsertTranslation(&nt); err != nil {
			return err
		}
		ev := record.Event{SegmentID: toID, Lang: t.Lang, Action: string(ch.Action), FromState: t.State, ToState: string(ch.To),
			Version: nt.Version, Text: t.Text, Comment: fmt.Sprintf("source changed; carried over from segment %d version %d", fromID, t.Version), At: now}
		if err := tx.InsertEvent(ev); err != nil {
			return err
		}
	}
	return nil
}
