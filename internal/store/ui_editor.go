package store

import (
	"context"
	"fmt"

	"tilmash/internal/workflow"
)

// Rejecters maps each of segIDs to the name of the reviewer who last rejected
// it in lang, so the editor can say who wrote the comment. Segments never
// rejected are absent. Only reject events count: others that leave the state
// rejected (a partial release's publish_partial) name someone else.
func (s *Store) Rejecters(ctx context.Context, lang string, segIDs []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(segIDs) == 0 {
		return out, nil
	}
	var evs []Event
	err := s.read(ctx).Select("segment_id, actor_id").
		Where("segment_id IN ? AND lang = ? AND action = ?", segIDs, lang, string(workflow.ActionReject)).
		Order("id").Find(&evs).Error
	if err != nil {
		return nil, fmt.Errorf("load rejections in %s: %w", lang, err)
	}
	names, err := s.UserNames(ctx)
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		out[e.SegmentID] = names[e.ActorID] // oldest first, so the latest wins
	}
	return out, nil
}
