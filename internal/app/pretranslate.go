package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
)

// Pretranslate fills the untranslated segments of a document's current
// revision from exact (100 %) memory matches. The texts are saved as the
// actor's translations, marked with origin "tm", and still need review.
func (a *App) Pretranslate(ctx context.Context, actor workflow.Actor, docID int64, lang string) (int, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return 0, err
	}
	if !actor.CanTranslate(l.Tag) {
		return 0, apperr.New(apperr.Forbidden, "%s may not translate into %s", actor.Name, l.Tag)
	}
	// Built before the transaction: the lookups inside it read no table.
	if err := a.db.LoadMemory(ctx); err != nil {
		return 0, err
	}
	filled := 0
	var changed []workflow.Action
	err = a.db.Write(ctx, func(tx Tx) error {
		filled, changed = 0, changed[:0]
		doc, err := tx.LockDocument(docID)
		if err != nil {
			return err
		}
		segs, err := tx.PlacedSegments(docID)
		if err != nil {
			return err
		}
		ids := make([]int64, len(segs))
		for i, sg := range segs {
			ids[i] = sg.ID
		}
		// One query for the translations of the whole revision, not one a segment.
		have, err := tx.TranslationsIn(ids, l.Tag)
		if err != nil {
			return err
		}
		for _, sg := range segs {
			t, ok := have[sg.ID]
			if !ok {
				t = record.Translation{SegmentID: sg.ID, Lang: l.Tag, State: string(workflow.Untranslated)}
			}
			if workflow.State(t.State) != workflow.Untranslated {
				continue
			}
			best, err := a.db.Lookup(ctx, l.Tag, sg.Source, 1, 100)
			if err != nil {
				return err
			}
			if len(best.Suggestions) == 0 {
				continue
			}
			text := cleanText(best.Suggestions[0].Target)
			ch, err := workflow.Edit(actor, l.Tag, current(t), t.Version, text)
			if err != nil {
				return err
			}
			if err := a.apply(tx, actor, &t, decision{change: ch, text: text}, "tm", sg.Source, doc.Title); err != nil {
				return err
			}
			if ch.Changed {
				changed = append(changed, ch.Action)
			}
			filled++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("pretranslate document %d into %s: %w", docID, l.Tag, err)
	}
	for _, action := range changed {
		a.observer.TranslationChanged(string(action), l.Tag)
	}
	return filled, nil
}
