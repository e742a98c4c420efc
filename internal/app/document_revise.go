package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/segment"
	"tilmash/internal/workflow"
)

// ReviseDocument stores a new source text as the next revision. Unchanged
// sentences keep their segment, translations and history; changed ones become
// new segments whose old translations are carried over as outdated. A text
// equal to the current one makes no revision.
func (a *App) ReviseDocument(ctx context.Context, actor workflow.Actor, docID int64, text string) (DocumentView, error) {
	if !actor.CanManageDocuments() {
		return DocumentView{}, apperr.New(apperr.Forbidden, "%s may not revise documents", actor.Name)
	}
	src, err := parseSource(text)
	if err != nil {
		return DocumentView{}, err
	}
	err = a.db.Write(ctx, func(tx Tx) error {
		doc, err := tx.LockDocument(docID)
		if err != nil {
			return err
		}
		rev, err := tx.CurrentRevision(doc)
		if err != nil {
			return err
		}
		if rev.Text == src.text {
			return nil
		}
		old, err := tx.PlacedSegments(doc.ID)
		if err != nil {
			return err
		}
		oldTexts := make([]string, len(old))
		for i, o := range old {
			oldTexts[i] = o.Source
		}
		newTexts := make([]string, 0, src.count)
		for _, p := range src.paragraphs {
			newTexts = append(newTexts, p.Sentences...)
		}
		links := segment.Align(oldTexts, newTexts)
		if err := storeRevision(tx, a.now(), actor, doc.ID, doc.Revision+1, src, old, links); err != nil {
			return err
		}
		return tx.SetRevision(doc.ID, doc.Revision+1)
	})
	if err != nil {
		return DocumentView{}, fmt.Errorf("revise document %d: %w", docID, err)
	}
	return a.Document(ctx, docID)
}
