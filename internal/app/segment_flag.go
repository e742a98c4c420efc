package app

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
	"tilmash/internal/xmltext"
)

// SplitFlag is a translator's word that a segment was cut wrong.
//
// It is recorded as a history event of the segment × language (action
// flag_split), so that segment comments (issue 14 point 6) can take flags
// over as comments by reading those events; until then the document's
// publishers see the flags of its current segments on the source page, and a
// flag is done with once the segment is joined or split (it leaves the
// current revision).
type SplitFlag struct {
	Segment int64     `json:"segment"`
	Source  string    `json:"source"`
	Lang    string    `json:"lang"`
	Note    string    `json:"note"`
	Actor   string    `json:"actor"`
	At      time.Time `json:"at"`
}

// FlagSplit records that actor, working on lang, finds segment segID of
// document docID cut wrong.
func (a *App) FlagSplit(ctx context.Context, actor workflow.Actor, docID, segID int64, lang, note string) (SplitFlag, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return SplitFlag{}, err
	}
	if err := workflow.MayFlagSplit(actor, l.Tag); err != nil {
		return SplitFlag{}, err
	}
	if !utf8.ValidString(note) || utf8.RuneCountInString(note) > limits.FlagNoteRunes {
		return SplitFlag{}, apperr.New(apperr.Invalid, "the note must be valid UTF-8 of at most %d characters", limits.FlagNoteRunes)
	}
	note = cleanText(note)
	if err := xmltext.Check("the note", note); err != nil {
		return SplitFlag{}, err
	}
	flag := SplitFlag{Segment: segID, Lang: l.Tag, Note: note, Actor: actor.Name, At: a.now()}
	err = a.db.Write(ctx, func(tx Tx) error {
		if _, err := tx.LockDocument(docID); err != nil {
			return err
		}
		cur, err := tx.PlacedSegments(docID)
		if err != nil {
			return err
		}
		for _, p := range cur {
			if p.ID == segID {
				flag.Source = p.Source
			}
		}
		if flag.Source == "" {
			return apperr.New(apperr.NotFound, "segment %d is not in the current revision of document %d", segID, docID)
		}
		trs, err := tx.SegmentTranslations(segID)
		if err != nil {
			return err
		}
		t := record.Translation{State: string(workflow.Untranslated)}
		for _, tr := range trs {
			if tr.Lang == l.Tag {
				t = tr
			}
		}
		if err := tx.InsertEvent(record.Event{SegmentID: segID, Lang: l.Tag, ActorID: actor.ID, Action: string(workflow.ActionFlagSplit),
			FromState: t.State, ToState: t.State, Version: t.Version, Text: t.Text, Comment: note, At: flag.At}); err != nil {
			return err
		}
		// The flag reaches the publishers as a comment about the source:
		// counted on their dashboard, shown in every language's editor, and
		// resolved by whoever recuts the segment.
		c := record.Comment{SegmentID: segID, DocumentID: docID, AuthorID: actor.ID, Text: flagComment(note), CreatedAt: flag.At}
		return tx.InsertComment(&c)
	})
	if err != nil {
		return SplitFlag{}, fmt.Errorf("flag segment %d: %w", segID, err)
	}
	return flag, nil
}

// SplitFlags lists the "split wrong" flags on the segments of a document's
// current revision, oldest first.
func (a *App) SplitFlags(ctx context.Context, docID int64) ([]SplitFlag, error) {
	evs, err := a.db.DocumentEvents(ctx, docID, string(workflow.ActionFlagSplit))
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return []SplitFlag{}, nil
	}
	names, err := a.db.UserNames(ctx)
	if err != nil {
		return nil, err
	}
	segs, err := a.db.CurrentSegments(ctx, docID)
	if err != nil {
		return nil, err
	}
	src := make(map[int64]string, len(segs))
	for _, s := range segs {
		src[s.ID] = s.Source
	}
	out := make([]SplitFlag, len(evs))
	for i, e := range evs {
		out[i] = SplitFlag{Segment: e.SegmentID, Source: src[e.SegmentID], Lang: e.Lang, Note: strings.TrimSpace(e.Comment), Actor: names[e.ActorID], At: e.At}
	}
	return out, nil
}

// flagComment is the comment a "split wrong" flag leaves: the scissors say
// what it is about in any language, the note in the translator's words.
func flagComment(note string) string {
	if note == "" {
		return "✂"
	}
	return "✂ " + note
}
