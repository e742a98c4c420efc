package app

import (
	"context"

	"tilmash/internal/workflow"
)

// ApprovedBefore maps each of segIDs to the text last approved for it in
// lang — on the segment itself or, after a source change, on the segment it
// derives from — so a reviewer sees what changed since. Segments never
// approved are absent.
func (a *App) ApprovedBefore(ctx context.Context, lang string, segIDs []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(segIDs) == 0 {
		return out, nil
	}
	parent, err := a.db.DerivedFrom(ctx, segIDs)
	if err != nil {
		return nil, err
	}
	ids := append([]int64(nil), segIDs...)
	for _, p := range parent {
		ids = append(ids, p)
	}
	evs, err := a.db.EventsWhere(ctx, lang, ids, string(workflow.Approved), "")
	if err != nil {
		return nil, err
	}
	last := map[int64]string{}
	for _, e := range evs {
		last[e.SegmentID] = e.Text // oldest first, so the latest wins
	}
	for _, id := range segIDs {
		if t, ok := last[id]; ok {
			out[id] = t
		} else if p, ok := parent[id]; ok {
			if t, ok := last[p]; ok {
				out[id] = t
			}
		}
	}
	return out, nil
}

// Rejecters maps each of segIDs to the name of the reviewer who last rejected
// it in lang, so the editor can say who wrote the comment. Segments never
// rejected are absent. Only reject events count: others that leave the state
// rejected (a partial release's publish_partial) name someone else.
func (a *App) Rejecters(ctx context.Context, lang string, segIDs []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(segIDs) == 0 {
		return out, nil
	}
	evs, err := a.db.EventsWhere(ctx, lang, segIDs, "", string(workflow.ActionReject))
	if err != nil {
		return nil, err
	}
	names, err := a.db.UserNames(ctx)
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		out[e.SegmentID] = names[e.ActorID] // oldest first, so the latest wins
	}
	return out, nil
}
