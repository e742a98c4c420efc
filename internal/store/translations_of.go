package store

import (
	"fmt"

	"gorm.io/gorm"

	"tilmash/internal/record"
)

// translationsOf loads the translations of segments in languages, by language and segment.
func translationsOf(tx *gorm.DB, segs []record.Placed, langs []string) (map[string]map[int64]Translation, error) {
	ids := make([]int64, len(segs))
	for i, sg := range segs {
		ids[i] = sg.ID
	}
	var trs []Translation
	if len(ids) > 0 {
		if err := tx.Where("segment_id IN ? AND lang IN ?", ids, langs).Find(&trs).Error; err != nil {
			return nil, fmt.Errorf("load translations: %w", err)
		}
	}
	out := make(map[string]map[int64]Translation, len(langs))
	for _, l := range langs {
		out[l] = map[int64]Translation{}
	}
	for _, t := range trs {
		out[t.Lang][t.SegmentID] = t
	}
	return out, nil
}
