package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/record"
	"tilmash/internal/segment"
	"tilmash/internal/workflow"
)

// CreateDocument imports a Russian text as revision 1 of a new document.
func (a *App) CreateDocument(ctx context.Context, actor workflow.Actor, title, text string) (DocumentView, error) {
	if !actor.CanManageDocuments() {
		return DocumentView{}, apperr.New(apperr.Forbidden, "%s may not import documents", actor.Name)
	}
	title, err := cleanTitle(title)
	if err != nil {
		return DocumentView{}, err
	}
	src, err := parseSource(text)
	if err != nil {
		return DocumentView{}, err
	}
	var doc record.Document
	err = a.db.Write(ctx, func(tx Tx) error {
		now := a.now()
		doc = record.Document{Title: title, SourceLang: language.Source, Revision: 1, CreatedBy: actor.ID, CreatedAt: now}
		if err := tx.InsertDocument(&doc); err != nil {
			return err
		}
		links := make([]segment.Link, src.count)
		for i := range links {
			links[i] = segment.Link{Old: -1}
		}
		return storeRevision(tx, now, actor, doc.ID, 1, src, nil, links)
	})
	if err != nil {
		return DocumentView{}, fmt.Errorf("import document: %w", err)
	}
	a.observer.Imported("text")
	return a.Document(ctx, doc.ID)
}
