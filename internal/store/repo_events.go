package store

import (
	"context"
	"fmt"

	"tilmash/internal/record"
)

// EventsWhere lists, oldest first, the history events of segments in one
// language that moved to state (when state is not "") or were action (when
// action is not ""): the approvals or rejections a page shows beside a
// segment.
func (s *Store) EventsWhere(ctx context.Context, lang string, segIDs []int64, state, action string) ([]record.Event, error) {
	if len(segIDs) == 0 {
		return nil, nil
	}
	q := s.read(ctx).Select("id, segment_id, actor_id, action, from_state, to_state, version, text, comment, at").
		Where("segment_id IN ? AND lang = ?", segIDs, lang)
	if state != "" {
		q = q.Where("to_state = ?", state)
	}
	if action != "" {
		q = q.Where("action = ?", action)
	}
	var evs []Event
	if err := q.Order("id").Find(&evs).Error; err != nil {
		return nil, fmt.Errorf("load history events in %s: %w", lang, err)
	}
	out := make([]record.Event, len(evs))
	for i, e := range evs {
		out[i] = record.Event{ID: e.ID, SegmentID: e.SegmentID, Lang: lang, ActorID: e.ActorID, Action: e.Action, FromState: e.FromState,
			ToState: e.ToState, Version: e.Version, Text: e.Text, Comment: e.Comment, At: e.At}
	}
	return out, nil
}
