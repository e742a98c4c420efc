package store

import (
	"context"

	"tilmash/internal/workflow"
)

// ClearTranslation takes back the translated or rejected text of version base
// (saved into the wrong segment, say): the segment is untranslated again, with
// no text, and history records a "clear" event holding nothing. The text that
// was cleared stays in the history's earlier events.
func (s *Store) ClearTranslation(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int) (TranslationView, error) {
	return s.act(ctx, segID, lang, func(_ Segment, t Translation) (workflow.Change, string, string, error) {
		ch, err := workflow.Clear(actor, t.Lang, t.current(), base)
		return ch, "", "", err
	}, actor)
}
