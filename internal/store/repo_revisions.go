package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tilmash/internal/record"
)

// earlierSegments lists the segments of a document that its current revision
// does not place, most recent first: the sentences a revision may restore.
func earlierSegments(db *gorm.DB, docID int64) ([]record.Placed, error) {
	var out []record.Placed
	err := db.Raw(`SELECT s.id AS id, s.source AS source FROM segments s
WHERE s.document_id = ? AND s.id NOT IN (
  SELECT rs.segment_id FROM revision_segments rs
  JOIN revisions r ON r.id = rs.revision_id
  JOIN documents d ON d.id = r.document_id AND d.revision = r.number
  WHERE d.id = ?)
ORDER BY s.id DESC`, docID, docID).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("load earlier segments of document %d: %w", docID, err)
	}
	return out, nil
}

func segmentTranslations(db *gorm.DB, segID int64) ([]record.Translation, error) {
	var trs []Translation
	if err := db.Where("segment_id = ?", segID).Order("lang").Find(&trs).Error; err != nil {
		return nil, fmt.Errorf("load translations of segment %d: %w", segID, err)
	}
	out := make([]record.Translation, len(trs))
	for i, tr := range trs {
		out[i] = translationRecord(tr)
	}
	return out, nil
}

// EarlierSegments lists the segments of a document that its current revision
// does not place, most recent first.
func (t *Tx) EarlierSegments(docID int64) ([]record.Placed, error) {
	return earlierSegments(t.db, docID)
}

// EarlierSegments lists the segments of a document that its current revision
// does not place, most recent first.
func (s *Store) EarlierSegments(ctx context.Context, docID int64) ([]record.Placed, error) {
	return earlierSegments(s.read(ctx), docID)
}

// SegmentTranslations lists a segment's translations in every language.
func (s *Store) SegmentTranslations(ctx context.Context, segID int64) ([]record.Translation, error) {
	return segmentTranslations(s.read(ctx), segID)
}

// DocumentEvents lists the events of one action on the segments of a
// document's current revision, oldest first.
func (s *Store) DocumentEvents(ctx context.Context, docID int64, action string) ([]record.Event, error) {
	var rows []Event
	err := s.read(ctx).Raw(`SELECT e.* FROM events e
JOIN revision_segments rs ON rs.segment_id = e.segment_id
JOIN revisions r ON r.id = rs.revision_id
JOIN documents d ON d.id = r.document_id AND d.revision = r.number
WHERE d.id = ? AND e.action = ?
ORDER BY e.id`, docID, action).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("load %s events of document %d: %w", action, docID, err)
	}
	out := make([]record.Event, len(rows))
	for i, e := range rows {
		out[i] = record.Event{ID: e.ID, SegmentID: e.SegmentID, Lang: e.Lang, ActorID: e.ActorID, Action: e.Action,
			FromState: e.FromState, ToState: e.ToState, Version: e.Version, Text: e.Text, Comment: e.Comment, At: e.At}
	}
	return out, nil
}
