package store

import (
	"fmt"
	"slices"
)

// touch notes that the transaction wrote history for a segment.
func (t *Tx) touch(segID int64) {
	if t.touched == nil {
		t.touched = make(map[int64]struct{})
	}
	t.touched[segID] = struct{}{}
}

// activityChunk bounds the segment ids one UPDATE binds (SQLite allows
// 32,766 parameters; an import of 30,000 segments takes a few statements).
const activityChunk = 500

// bumpActivity sets activity_at, the dashboard's order, of the documents
// whose segments the transaction touched: once per transaction rather than
// per event, so a save pays one UPDATE and an import of thousands of
// segments a handful.
func (t *Tx) bumpActivity() error {
	if len(t.touched) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(t.touched))
	for id := range t.touched {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	now := t.now()
	for chunk := range slices.Chunk(ids, activityChunk) {
		err := t.db.Exec("UPDATE documents SET activity_at = ? WHERE id IN (SELECT DISTINCT document_id FROM segments WHERE id IN ?)",
			now, chunk).Error
		if err != nil {
			return fmt.Errorf("note the activity of documents: %w", err)
		}
	}
	t.touched = nil
	return nil
}
