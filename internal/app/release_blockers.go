package app

import (
	"context"

	"tilmash/internal/workflow"
)

// Blocker is a segment that keeps a full release back: not approved in
// the language, with its place in the text and its state.
type Blocker struct {
	SegmentID int64          `json:"segment_id"`
	Paragraph int            `json:"paragraph"`
	Position  int            `json:"position"`
	State     workflow.State `json:"state"`
}

// ReleaseBlockers lists, in text order, at most limit segments of a
// document's current revision that are not approved in lang.
func (a *App) ReleaseBlockers(ctx context.Context, docID int64, lang string, limit int) ([]Blocker, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, err
	}
	rows, err := a.db.Blockers(ctx, docID, l.Tag, limit)
	if err != nil {
		return nil, err
	}
	out := make([]Blocker, len(rows))
	for i, r := range rows {
		st := workflow.State(r.State)
		if r.State == "" {
			st = workflow.Untranslated
		}
		out[i] = Blocker{SegmentID: r.SegmentID, Paragraph: r.Paragraph, Position: r.Position, State: st}
	}
	return out, nil
}
