package store

import (
	"fmt"
	"time"
)

// SetArchived archives a document (at and by set) or brings it back (at nil).
func (t *Tx) SetArchived(docID int64, at *time.Time, by *int64) error {
	err := t.db.Model(&Document{}).Where("id = ?", docID).
		Updates(map[string]any{"archived_at": at, "archived_by": by, "activity_at": t.now()}).Error
	if err != nil {
		return fmt.Errorf("archive document %d: %w", docID, err)
	}
	return nil
}

// CountReleases counts the releases of a document, withdrawn ones too.
func (t *Tx) CountReleases(docID int64) (int, error) {
	var n int64
	if err := t.db.Model(&Release{}).Where("document_id = ?", docID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count releases of document %d: %w", docID, err)
	}
	return int(n), nil
}

// documentRows are the statements that delete what belongs to a document
// (bound to its id), children before parents, so the foreign keys never
// see an orphan even where cascading is off. A table that comes to hold
// rows of a document needs its statement here; TestDeleteDocumentLeavesNoRows
// counts every table of the schema.
var documentRows = []struct{ table, sql string }{
	{"comments", "DELETE FROM comments WHERE document_id = ?"},
	{"events", "DELETE FROM events WHERE segment_id IN (SELECT id FROM segments WHERE document_id = ?)"},
	{"translations", "DELETE FROM translations WHERE segment_id IN (SELECT id FROM segments WHERE document_id = ?)"},
	{"revision_segments", "DELETE FROM revision_segments WHERE revision_id IN (SELECT id FROM revisions WHERE document_id = ?)"},
	{"segments", "DELETE FROM segments WHERE document_id = ?"},
	{"revisions", "DELETE FROM revisions WHERE document_id = ?"},
	{"documents", "DELETE FROM documents WHERE id = ?"},
}

// DeleteDocument removes a document and every row of it: its revisions,
// segments, translations and their history. The memory entries its
// approved translations made stay, as imported units do (no translation
// to follow). A document with releases is the caller's to refuse first:
// the releases would go with it (CountReleases).
func (t *Tx) DeleteDocument(docID int64) (map[string]int64, error) {
	err := t.db.Exec(`UPDATE memory_entries SET translation_id = NULL WHERE translation_id IN
		(SELECT t.id FROM translations t JOIN segments s ON s.id = t.segment_id WHERE s.document_id = ?)`, docID).Error
	if err != nil {
		return nil, fmt.Errorf("keep the memory of document %d: %w", docID, err)
	}
	removed := make(map[string]int64, len(documentRows))
	for _, d := range documentRows {
		res := t.db.Exec(d.sql, docID)
		if res.Error != nil {
			return nil, fmt.Errorf("delete the %s of document %d: %w", d.table, docID, res.Error)
		}
		removed[d.table] = res.RowsAffected
	}
	return removed, nil
}
