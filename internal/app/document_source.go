package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/limits"
	"tilmash/internal/record"
	"tilmash/internal/segment"
	"tilmash/internal/workflow"
	"tilmash/internal/xmltext"
)

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
	case utf8.RuneCountInString(title) > limits.TitleRunes:
		return "", apperr.New(apperr.Invalid, "the title is longer than %d characters", limits.TitleRunes)
	}
	return segment.Normalize(title), nil
}

// storeRevision writes revision number of a document as plan says: its
// segments (reused, restored or new), the outdated translations carried
// over to changed ones, and an event for every translation touched.
func storeRevision(tx Tx, now time.Time, actor workflow.Actor, docID int64, number int, text, warnings string, plan revisionPlan) error {
	rev := record.Revision{DocumentID: docID, Number: number, Text: text, Warnings: warnings, AuthorID: actor.ID, CreatedAt: now}
	if err := tx.InsertRevision(&rev); err != nil {
		return err
	}
	note := fmt.Sprintf("revision %d by %s", number, actor.Name)
	for i, ps := range plan.Segments {
		segID := ps.Reuse
		if segID == 0 {
			seg := record.Segment{DocumentID: docID, Source: ps.Source, DerivedFromID: ps.DerivedFrom}
			if err := tx.InsertSegment(&seg); err != nil {
				return err
			}
			segID = seg.ID
		}
		for _, t := range ps.Restore {
			ch := workflow.Restore(workflow.Current{State: workflow.State(t.State), Version: t.Version})
			ev := record.Event{SegmentID: segID, Lang: t.Lang, Action: string(ch.Action), FromState: string(ch.From), ToState: string(ch.To),
				Version: ch.Version, Text: t.Text, Comment: "the source came back as it was; " + note, At: now}
			if err := tx.InsertEvent(ev); err != nil {
				return err
			}
		}
		for _, c := range ps.Carry {
			nt := c.Translation
			nt.SegmentID, nt.UpdatedAt = segID, now
			if err := tx.InsertTranslation(&nt); err != nil {
				return err
			}
			ev := record.Event{SegmentID: segID, Lang: nt.Lang, Action: string(workflow.ActionOutdate), FromState: string(c.From), ToState: nt.State,
				Version: nt.Version, Text: nt.Text, Comment: c.Comment + "; " + note, At: now}
			if err := tx.InsertEvent(ev); err != nil {
				return err
			}
		}
		if err := tx.Place(record.Placement{RevisionID: rev.ID, Ordinal: i, SegmentID: segID, Paragraph: ps.Paragraph, Position: ps.Position}); err != nil {
			return err
		}
	}
	return nil
}

// warningsJSON is how a revision stores its hygiene warnings.
func warningsJSON(ws []segment.Warning) (string, error) {
	b, err := json.Marshal(ws)
	return string(b), err
}
