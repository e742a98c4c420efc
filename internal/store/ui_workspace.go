package store

import (
	"context"
	"encoding/json"
	"fmt"

	"tilmash/internal/segment"
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

// SourceWarnings lists the hygiene warnings of a document's current revision.
func (s *Store) SourceWarnings(ctx context.Context, docID int64) ([]segment.Warning, error) {
	rev, err := s.currentRevision(ctx, docID, "revisions.warnings")
	if err != nil {
		return nil, err
	}
	out := []segment.Warning{}
	if rev.Warnings != "" {
		if err := json.Unmarshal([]byte(rev.Warnings), &out); err != nil {
			return nil, fmt.Errorf("read warnings of document %d: %w", docID, err)
		}
	}
	return out, nil
}

// SourceText is the Russian text of a document's current revision, as it
// was imported (after NFC), for a publisher to correct.
func (s *Store) SourceText(ctx context.Context, docID int64) (string, error) {
	rev, err := s.currentRevision(ctx, docID, "revisions.text")
	return rev.Text, err
}

// currentRevision reads columns of a document's current revision.
func (s *Store) currentRevision(ctx context.Context, docID int64, columns string) (Revision, error) {
	var rev Revision
	err := s.read(ctx).Select(columns).Joins("JOIN documents d ON d.id = revisions.document_id AND d.revision = revisions.number").
		Where("revisions.document_id = ?", docID).Take(&rev).Error
	if err != nil {
		return Revision{}, notFound(err, "document %d not found", docID)
	}
	return rev, nil
}
