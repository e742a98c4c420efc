package store

import (
	"context"
	"fmt"

	"tilmash/internal/workflow"
)

// ApprovedBefore maps each of segIDs to the text last approved for it in
// lang — on the segment itself or, after a source change, on the segment it
// derives from — so a reviewer sees what changed since. Segments never
// approved are absent.
func (s *Store) ApprovedBefore(ctx context.Context, lang string, segIDs []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(segIDs) == 0 {
		return out, nil
	}
	db := s.read(ctx)
	var segs []Segment
	if err := db.Select("id, derived_from_id").Where("id IN ?", segIDs).Find(&segs).Error; err != nil {
		return nil, fmt.Errorf("load segments: %w", err)
	}
	ids := append([]int64(nil), segIDs...)
	parent := map[int64]int64{}
	for _, sg := range segs {
		if sg.DerivedFromID != nil {
			parent[sg.ID] = *sg.DerivedFromID
			ids = append(ids, *sg.DerivedFromID)
		}
	}
	var evs []Event
	err := db.Select("segment_id, text").Where("segment_id IN ? AND lang = ? AND to_state = ?", ids, lang, string(workflow.Approved)).
		Order("id").Find(&evs).Error
	if err != nil {
		return nil, fmt.Errorf("load approvals in %s: %w", lang, err)
	}
	last := map[int64]string{}
	for _, e := range evs {
		last[e.SegmentID] = e.Text // oldest first, so the latest wins
	}
	for _, id := range segIDs {
		if t, ok := last[id]; ok {
			out[id] = t
		} else if t, ok := last[parent[id]]; ok {
			out[id] = t
		}
	}
	return out, nil
}
