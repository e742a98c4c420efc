package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tilmash/internal/record"
	"tilmash/internal/textfold"
)

// ListDocuments pages through the documents a query selects, newest
// activity first: how many there are in all, and q.Limit of them from
// q.Offset. Filtering, ordering and paging are SQL's, so a list of
// thousands reads one page of rows.
func (s *Store) ListDocuments(ctx context.Context, q record.DocumentQuery) (int, []record.Document, error) {
	db := s.read(ctx)
	var total int64
	if err := s.documentsWhere(db.Model(&Document{}), q).Count(&total).Error; err != nil {
		return 0, nil, fmt.Errorf("count documents: %w", err)
	}
	if q.Limit == 0 || total == 0 {
		return int(total), []record.Document{}, nil
	}
	var docs []Document
	err := s.documentsWhere(db.Model(&Document{}), q).
		Select(documentColumns).
		Order("activity_at DESC").Order("id DESC").Offset(q.Offset).Limit(q.Limit).Find(&docs).Error
	if err != nil {
		return 0, nil, fmt.Errorf("list documents: %w", err)
	}
	out := make([]record.Document, len(docs))
	for i, d := range docs {
		out[i] = documentRecord(d)
	}
	return int(total), out, nil
}

// notApproved is a condition on a document (the outer "documents") that a
// segment of its current revision is not approved in one language (bound
// once): untranslated, translated, rejected or outdated.
const notApproved = `EXISTS (SELECT 1 FROM revisions r
	JOIN revision_segments rs ON rs.revision_id = r.id
	LEFT JOIN translations t ON t.segment_id = rs.segment_id AND t.lang = ?
	WHERE r.document_id = documents.id AND r.number = documents.revision AND (t.id IS NULL OR t.state <> 'approved'))`

// hasSegments is a condition that a document's current revision is not empty.
const hasSegments = `EXISTS (SELECT 1 FROM revisions r JOIN revision_segments rs ON rs.revision_id = r.id
	WHERE r.document_id = documents.id AND r.number = documents.revision)`

// documentsWhere adds q's conditions to a query of documents.
func (s *Store) documentsWhere(db *gorm.DB, q record.DocumentQuery) *gorm.DB {
	if q.Archived {
		db = db.Where("archived_at IS NOT NULL")
	} else {
		db = db.Where("archived_at IS NULL")
	}
	for _, w := range q.Words {
		db = db.Where(s.dialect.containsSQL("search_text"), textfold.Fold(w))
	}
	switch q.Filter {
	case record.FilterNeedsWork: // some segment not approved in one of the languages
		or := s.db.Session(&gorm.Session{NewDB: true}).Where("1 = 0")
		for _, l := range q.Langs {
			or = or.Or(notApproved, l)
		}
		db = db.Where(or)
	case record.FilterReady: // every segment approved in one of the languages
		or := s.db.Session(&gorm.Session{NewDB: true}).Where("1 = 0")
		for _, l := range q.Langs {
			or = or.Or("NOT "+notApproved, l)
		}
		db = db.Where(hasSegments).Where(or)
	}
	return db
}
