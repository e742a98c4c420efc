package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/workflow"
)

// ArchiveDocument takes a document off the dashboard and the work lists
// (the review queue of every document); its releases stay public and it
// can be brought back (UnarchiveDocument). Archiving an archived document
// changes nothing.
func (a *App) ArchiveDocument(ctx context.Context, actor workflow.Actor, docID int64) (DocumentView, error) {
	return a.setArchived(ctx, actor, docID, true)
}

// UnarchiveDocument brings an archived document back to the work lists.
func (a *App) UnarchiveDocument(ctx context.Context, actor workflow.Actor, docID int64) (DocumentView, error) {
	return a.setArchived(ctx, actor, docID, false)
}

func (a *App) setArchived(ctx context.Context, actor workflow.Actor, docID int64, archive bool) (DocumentView, error) {
	if !actor.CanManageDocuments() {
		return DocumentView{}, apperr.New(apperr.Forbidden, "%s may not archive documents", actor.Name)
	}
	err := a.db.Write(ctx, func(tx Tx) error {
		doc, err := tx.LockDocument(docID)
		if err != nil {
			return err
		}
		if (doc.ArchivedAt != nil) == archive {
			return nil
		}
		if !archive {
			return tx.SetArchived(docID, nil, nil)
		}
		now, by := a.now(), actor.ID
		return tx.SetArchived(docID, &now, &by)
	})
	if err != nil {
		return DocumentView{}, fmt.Errorf("archive document %d: %w", docID, err)
	}
	return a.Document(ctx, docID)
}

// DeletedDocument is what a deletion removed: rows per table.
type DeletedDocument struct {
	ID      int64            `json:"id"`
	Removed map[string]int64 `json:"removed"`
}

// DeleteDocument removes a document that was never released, with every
// row of it (revisions, segments, translations, their history) in one
// transaction; the memory entries its approved translations made stay. A
// document with releases, even withdrawn ones, is refused: its public
// URLs and their history would go with it. Archive it instead.
func (a *App) DeleteDocument(ctx context.Context, actor workflow.Actor, docID int64) (DeletedDocument, error) {
	if !actor.CanManageDocuments() {
		return DeletedDocument{}, apperr.New(apperr.Forbidden, "%s may not delete documents", actor.Name)
	}
	out := DeletedDocument{ID: docID}
	err := a.db.Write(ctx, func(tx Tx) error {
		if _, err := tx.LockDocument(docID); err != nil {
			return err
		}
		n, err := tx.CountReleases(docID)
		if err != nil {
			return err
		}
		if n > 0 {
			return apperr.New(apperr.Conflict,
				"document %d has %d release(s) and cannot be deleted: archive it instead to take it off the work lists", docID, n).
				With("releases", n)
		}
		out.Removed, err = tx.DeleteDocument(docID)
		return err
	})
	if err != nil {
		return DeletedDocument{}, fmt.Errorf("delete document %d: %w", docID, err)
	}
	return out, nil
}
