package store

import (
	"context"
	"fmt"

	"tilmash/internal/record"
)

// Blockers lists, in text order, the first limit segments of a document's
// current revision that are not approved in lang: missing, translated,
// rejected or outdated.
func (s *Store) Blockers(ctx context.Context, docID int64, lang string, limit int) ([]record.Blocker, error) {
	out := []record.Blocker{}
	err := s.read(ctx).Raw(`SELECT rs.segment_id AS segment_id, rs.paragraph AS paragraph, rs.position AS position,
		COALESCE(t.state, '') AS state
		FROM documents d
		JOIN revisions r ON r.document_id = d.id AND r.number = d.revision
		JOIN revision_segments rs ON rs.revision_id = r.id
		LEFT JOIN translations t ON t.segment_id = rs.segment_id AND t.lang = ?
		WHERE d.id = ? AND (t.id IS NULL OR t.state <> 'approved')
		ORDER BY rs.ordinal LIMIT ?`, lang, docID, limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list the segments that block document %d in %s: %w", docID, lang, err)
	}
	return out, nil
}
