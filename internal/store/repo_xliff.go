package store

import (
	"fmt"

	"tilmash/internal/record"
)

// TranslationsOfSegments lists the translations in lang of the given segments.
func (t *Tx) TranslationsOfSegments(segIDs []int64, lang string) ([]record.Translation, error) {
	out := make([]record.Translation, 0, len(segIDs))
	// In chunks: SQLite bounds the variables of one statement.
	for start := 0; start < len(segIDs); start += 500 {
		chunk := segIDs[start:min(start+500, len(segIDs))]
		var rows []Translation
		if err := t.db.Where("segment_id IN ? AND lang = ?", chunk, lang).Find(&rows).Error; err != nil {
			return nil, fmt.Errorf("load %s translations of %d segments: %w", lang, len(segIDs), err)
		}
		for _, tr := range rows {
			out = append(out, translationRecord(tr))
		}
	}
	return out, nil
}

// SegmentParents maps every segment a document ever had to the segment it
// derives from, 0 for one that derives from none.
func (t *Tx) SegmentParents(docID int64) (map[int64]int64, error) {
	var all []Segment
	if err := t.db.Select("id, derived_from_id").Where("document_id = ?", docID).Find(&all).Error; err != nil {
		return nil, fmt.Errorf("load segments of document %d: %w", docID, err)
	}
	parent := make(map[int64]int64, len(all))
	for _, sg := range all {
		parent[sg.ID] = 0
		if sg.DerivedFromID != nil {
			parent[sg.ID] = *sg.DerivedFromID
		}
	}
	return parent, nil
}
