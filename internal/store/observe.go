package store

import (
	"context"
	"fmt"

	"tilmash/internal/metrics"
)

// SegmentStates counts the segments of every document's current revision by
// target language and state; a segment with no translation row is untranslated.
func (s *Store) SegmentStates(ctx context.Context) ([]metrics.StateCount, error) {
	var rows []struct {
		Lang  string
		State string
		N     int
	}
	err := s.read(ctx).Raw(`SELECT l.tag AS lang, COALESCE(t.state, 'untranslated') AS state, COUNT(*) AS n
		FROM documents d
		JOIN revisions r ON r.document_id = d.id AND r.number = d.revision
		JOIN revision_segments rs ON rs.revision_id = r.id
		JOIN languages l ON NOT l.is_source
		LEFT JOIN translations t ON t.segment_id = rs.segment_id AND t.lang = l.tag
		GROUP BY l.tag, COALESCE(t.state, 'untranslated')`).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count segments by state: %w", err)
	}
	out := make([]metrics.StateCount, len(rows))
	for i, r := range rows {
		out[i] = metrics.StateCount{Lang: r.Lang, State: r.State, N: r.N}
	}
	return out, nil
}

// MemoryEntries counts translation-memory units by target language.
func (s *Store) MemoryEntries(ctx context.Context) (map[string]int, error) {
	var rows []struct {
		Lang string
		N    int
	}
	if err := s.read(ctx).Raw(`SELECT target_lang AS lang, COUNT(*) AS n FROM memory_entries GROUP BY target_lang`).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("count memory entries: %w", err)
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.Lang] = r.N
	}
	return out, nil
}
