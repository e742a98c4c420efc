package app

import (
	"context"
	"fmt"
	"unicode/utf8"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
	"tilmash/internal/segment"
	"tilmash/internal/workflow"
)

// Why a split or join is refused (the "reason" of an apperr.BadCut).
const (
	CutOutOfRange      = "out_of_range"      // a split offset at 0, at the end or past it
	CutEmptyPart       = "empty_part"        // a split leaving only white space on one side
	CutLastSegment     = "last_segment"      // a join of the document's last segment
	CutAcrossParagraph = "across_paragraphs" // a join of a paragraph's last segment with the next paragraph
)

// JoinSegments makes one segment of segID and the next one of the same
// paragraph, in a new revision of a document whose current revision is base.
// The joined segment carries both translations, joined, as outdated; every
// other segment is untouched. Segments of two paragraphs are never joined: a
// paragraph is what a release lays out, and a segment must sit in one.
func (a *App) JoinSegments(ctx context.Context, actor workflow.Actor, docID, segID int64, base int) (DocumentView, error) {
	return a.resegment(ctx, actor, docID, segID, base, "join", func(cur []record.Placed, i int) ([]string, []planFrom, error) {
		switch {
		case i+1 >= len(cur):
			return nil, nil, (&apperr.Error{Code: apperr.BadCut, Message: fmt.Sprintf("segment %d is the document's last: there is no next one to join", segID)}).
				With("reason", CutLastSegment)
		case cur[i+1].Paragraph != cur[i].Paragraph:
			return nil, nil, (&apperr.Error{Code: apperr.BadCut, Message: fmt.Sprintf("segment %d ends paragraph %d: segments of two paragraphs are not joined", segID, cur[i].Paragraph)}).
				With("reason", CutAcrossParagraph)
		}
		return []string{segment.JoinSentences(cur[i].Source, cur[i+1].Source)},
			[]planFrom{{kind: segment.Changed, sources: []record.Placed{cur[i], cur[i+1]}}}, nil
	})
}

// SplitSegment cuts segID in two at a character (rune) offset of its source,
// in a new revision of a document whose current revision is base. Both halves
// carry the old translation as outdated; every other segment is untouched.
func (a *App) SplitSegment(ctx context.Context, actor workflow.Actor, docID, segID int64, base, at int) (DocumentView, error) {
	return a.resegment(ctx, actor, docID, segID, base, "split", func(cur []record.Placed, i int) ([]string, []planFrom, error) {
		src := cur[i].Source
		n := utf8.RuneCountInString(src)
		if at <= 0 || at >= n {
			return nil, nil, (&apperr.Error{Code: apperr.BadCut, Message: fmt.Sprintf("a split needs an offset between 1 and %d (the source has %d characters), not %d", n-1, n, at)}).
				With("reason", CutOutOfRange).With("length", n)
		}
		left, right, ok := segment.SplitAt(src, at)
		if !ok {
			return nil, nil, (&apperr.Error{Code: apperr.BadCut, Message: fmt.Sprintf("a split at %d leaves one side empty", at)}).
				With("reason", CutEmptyPart).With("length", n)
		}
		from := planFrom{kind: segment.Changed, sources: []record.Placed{cur[i]}}
		return []string{left, right}, []planFrom{from, from}, nil
	})
}

// recut replaces the segment at index i of the current revision by new
// sentences, each with where it comes from.
type recut func(cur []record.Placed, i int) ([]string, []planFrom, error)

// resegment stores a revision with the same text as the current one but one
// segment recut: the same plan and writes as a text revision.
func (a *App) resegment(ctx context.Context, actor workflow.Actor, docID, segID int64, base int, what string, cut recut) (DocumentView, error) {
	if err := workflow.MayResegment(actor); err != nil {
		return DocumentView{}, err
	}
	err := a.db.Write(ctx, func(tx Tx) error {
		doc, rev, err := lockBase(tx, docID, base)
		if err != nil {
			return err
		}
		cur, err := tx.PlacedSegments(docID)
		if err != nil {
			return err
		}
		at := -1
		for i, p := range cur {
			if p.ID == segID {
				at = i
			}
		}
		if at < 0 {
			return apperr.New(apperr.NotFound, "segment %d is not in the current revision of document %d", segID, docID)
		}
		sentences, origins, err := cut(cur, at)
		if err != nil {
			return err
		}
		var paragraphs []segment.Paragraph
		var from []planFrom
		add := func(p int, s string, f planFrom) {
			if len(paragraphs) == 0 || paragraphs[len(paragraphs)-1].Number != p {
				paragraphs = append(paragraphs, segment.Paragraph{Number: p})
			}
			last := &paragraphs[len(paragraphs)-1]
			last.Sentences = append(last.Sentences, s)
			from = append(from, f)
		}
		for i := 0; i < len(cur); i++ {
			if i != at {
				add(cur[i].Paragraph, cur[i].Source, planFrom{kind: segment.Kept, reuse: cur[i].ID})
				continue
			}
			for k, s := range sentences {
				add(cur[i].Paragraph, s, origins[k])
			}
			if what == "join" {
				i++
			}
		}
		plan, err := buildPlan(tx, paragraphs, from)
		if err != nil {
			return err
		}
		for i := range plan.Segments {
			for k := range plan.Segments[i].Carry {
				c := &plan.Segments[i].Carry[k]
				c.Comment = fmt.Sprintf("segment %d: %s; %s", segID, what, c.Comment)
			}
		}
		if err := storeRevision(tx, a.now(), actor, doc.ID, doc.Revision+1, rev.Text, rev.Warnings, plan); err != nil {
			return err
		}
		return tx.SetRevision(doc.ID, doc.Revision+1)
	})
	if err != nil {
		return DocumentView{}, fmt.Errorf("%s segment %d of document %d: %w", what, segID, docID, a.nameRevisionAuthor(ctx, err))
	}
	return a.Document(ctx, docID)
}
