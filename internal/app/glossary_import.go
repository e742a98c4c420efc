package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
)

// GlossaryImportResult counts what a glossary import did with the file's
// terms: each is imported (added), updated, or a duplicate.
type GlossaryImportResult struct {
	Imported   int `json:"imported"`   // terms added
	Updated    int `json:"updated"`    // terms whose target, note or forbidden variants the file changed
	Duplicates int `json:"duplicates"` // terms already in the glossary as they are, or repeated in the file
	// Removed counts the terms a replacing import dropped first.
	Removed  int  `json:"removed"`
	Replaced bool `json:"replaced"`
}

// ImportTerms imports a glossary file's terms into a target language's
// glossary in one transaction. By default it merges (glossary.Merge), so
// that importing the same file twice changes nothing the second time;
// replace drops the language's glossary first and imports the file as it
// is, but for repeats inside it.
func (a *App) ImportTerms(ctx context.Context, actor workflow.Actor, lang string, terms []glossary.Term, replace bool) (GlossaryImportResult, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return GlossaryImportResult{}, err
	}
	if err := canEditGlossary(actor, l.Tag); err != nil {
		return GlossaryImportResult{}, err
	}
	incoming := make([]glossary.Term, len(terms))
	for i, t := range terms {
		r, err := termRecord(l.Tag, t)
		if err != nil {
			return GlossaryImportResult{}, fmt.Errorf("term %d: %w", i+1, err)
		}
		incoming[i] = termOf(r)
	}
	var res GlossaryImportResult
	err = a.db.Write(ctx, func(tx Tx) error {
		res = GlossaryImportResult{Replaced: replace}
		rows, err := tx.Terms(l.Tag)
		if err != nil {
			return err
		}
		existing := make([]glossary.Term, len(rows))
		for i, r := range rows {
			existing[i] = termOf(r)
		}
		if replace {
			if err := tx.DeleteTerms(l.Tag); err != nil {
				return err
			}
			res.Removed, existing = len(existing), nil
		}
		plan := glossary.Merge(existing, incoming)
		for _, t := range plan.Update {
			ok, err := tx.UpdateTerm(l.Tag, termToRecord(l.Tag, t))
			if err != nil {
				return err
			}
			if !ok {
				return apperr.New(apperr.Conflict, "term %d of the %s glossary went away during the import; import again", t.ID, l.Tag)
			}
		}
		if len(plan.Add) > 0 {
			add := make([]record.Term, len(plan.Add))
			for i, t := range plan.Add {
				add[i] = termToRecord(l.Tag, t)
			}
			if err := tx.InsertTerms(l.Tag, add); err != nil {
				return err
			}
		}
		res.Imported, res.Updated, res.Duplicates = len(plan.Add), len(plan.Update), plan.Duplicates
		return nil
	})
	if err != nil {
		return GlossaryImportResult{}, fmt.Errorf("import %s glossary: %w", l.Tag, err)
	}
	return res, nil
}

// termToRecord is a cleaned term of lang's glossary as the store writes it.
func termToRecord(lang string, t glossary.Term) record.Term {
	return record.Term{ID: t.ID, TargetLang: lang, Source: t.Source, Target: t.Target, Note: t.Note, Forbidden: t.Forbidden}
}
