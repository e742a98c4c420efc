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
		from := make([]planFrom, src.count)
		for i := range from {
			from[i] = planFrom{kind: segment.Added}
		}
		plan, err := buildPlan(tx, src.paragraphs, from)
		if err != nil {
			return err
		}
		warnings, err := warningsJSON(src.warnings)
		if err != nil {
			return err
		}
		return storeRevision(tx, now, actor, doc.ID, 1, src.text, warnings, plan)
	})
	if err != nil {
		return DocumentView{}, fmt.Errorf("import document: %w", err)
	}
	a.observer.Imported("text")
	return a.Document(ctx, doc.ID)
}
