package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
)

// ReviseDocument stores a new source text as the next revision of a document
// whose current revision is base (what the publisher read; any other answers
// a conflict naming the current one). Unchanged sentences keep their segment,
// translations and history; a sentence an earlier revision had comes back with
// its translations as they were; changed ones become new segments whose old
// translations are carried over as outdated. A text equal to the current one
// makes no revision.
func (a *App) ReviseDocument(ctx context.Context, actor workflow.Actor, docID int64, base int, text string) (DocumentView, error) {
	if !actor.CanManageDocuments() {
		return DocumentView{}, apperr.New(apperr.Forbidden, "%s may not revise documents", actor.Name)
	}
	src, err := parseSource(text)
	if err != nil {
		return DocumentView{}, err
	}
	err = a.db.Write(ctx, func(tx Tx) error {
		doc, rev, err := lockBase(tx, docID, base)
		if err != nil {
			return err
		}
		if rev.Text == src.text {
			return nil
		}
		plan, err := planRevision(tx, doc.ID, &src)
		if err != nil {
			return err
		}
		warnings, err := warningsJSON(src.warnings)
		if err != nil {
			return err
		}
		if err := storeRevision(tx, a.now(), actor, doc.ID, doc.Revision+1, src.text, warnings, plan); err != nil {
			return err
		}
		return tx.SetRevision(doc.ID, doc.Revision+1)
	})
	if err != nil {
		return DocumentView{}, fmt.Errorf("revise document %d: %w", docID, a.nameRevisionAuthor(ctx, err))
	}
	return a.Document(ctx, docID)
}

// lockBase loads a document to revise it, and its current revision, which
// must be base: a revision made on a stale text would undo what the other
// publisher did without a word.
func lockBase(tx Tx, docID int64, base int) (record.Document, record.Revision, error) {
	doc, err := tx.LockDocument(docID)
	if err != nil {
		return doc, record.Revision{}, err
	}
	rev, err := tx.CurrentRevision(doc)
	if err != nil {
		return doc, rev, err
	}
	if base != doc.Revision {
		msg := fmt.Sprintf("the document changed: the current revision is %d; reload it and make your change again", doc.Revision)
		if base == 0 {
			msg = fmt.Sprintf("name the revision you read as base_revision (the current one is %d)", doc.Revision)
		}
		return doc, rev, (&apperr.Error{Code: apperr.Conflict, Message: msg}).
			With("current_revision", doc.Revision).With("base_revision", base).
			With("revision_author_id", rev.AuthorID).With("revision_at", rev.CreatedAt)
	}
	return doc, rev, nil
}

// nameRevisionAuthor adds the name of the current revision's author to a
// conflict from lockBase, read after the transaction ended.
func (a *App) nameRevisionAuthor(ctx context.Context, err error) error {
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.Conflict {
		return err
	}
	id, ok := e.Details["revision_author_id"].(int64)
	if !ok {
		return err
	}
	names, nerr := a.db.UserNames(ctx)
	if nerr != nil {
		return err
	}
	e2 := e.With("revision_author", names[id])
	delete(e2.Details, "revision_author_id")
	return e2
}
