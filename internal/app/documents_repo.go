package app

import (
	"context"
	"time"

	"tilmash/internal/record"
)

// DocumentReader reads documents outside a transaction.
type DocumentReader interface {
	// Document loads one document; a missing one is an apperr.NotFound.
	Document(ctx context.Context, id int64) (record.Document, error)
	// Documents lists every document, newest first.
	Documents(ctx context.Context) ([]record.Document, error)
	// ListDocuments pages through the documents q selects, newest activity
	// first, in SQL: the total, and q.Limit of them from q.Offset.
	ListDocuments(ctx context.Context, q record.DocumentQuery) (total int, page []record.Document, err error)
	// Blockers lists, in text order, the first limit segments of a
	// document's current revision not approved in lang.
	Blockers(ctx context.Context, docID int64, lang string, limit int) ([]record.Blocker, error)
	// Revision loads revision number of a document.
	Revision(ctx context.Context, docID int64, number int) (record.Revision, error)
	// CurrentSegments lists the segments of a document's current revision in order.
	CurrentSegments(ctx context.Context, docID int64) ([]record.Placed, error)
	// StateCounts counts, for each document of ids, the segments of its
	// current revision and its translations per language and state, in a
	// query or two whatever the number of documents.
	StateCounts(ctx context.Context, ids []int64) (map[int64]record.DocumentStates, error)
	// EarlierSegments lists the segments of a document that its current
	// revision does not place, most recent first.
	EarlierSegments(ctx context.Context, docID int64) ([]record.Placed, error)
	// SegmentTranslations lists a segment's translations in every language.
	SegmentTranslations(ctx context.Context, segID int64) ([]record.Translation, error)
	// DocumentEvents lists the events of one action on the segments of a
	// document's current revision, oldest first.
	DocumentEvents(ctx context.Context, docID int64, action string) ([]record.Event, error)
}

// DocumentWriter writes documents inside a transaction.
type DocumentWriter interface {
	// LockDocument loads a document to change it; a missing one is an apperr.NotFound.
	LockDocument(id int64) (record.Document, error)
	InsertDocument(d *record.Document) error
	// SetRevision makes revision number the document's current one.
	SetRevision(docID int64, number int) error
	// CurrentRevision loads the current revision of a document.
	CurrentRevision(doc record.Document) (record.Revision, error)
	// PlacedSegments lists the segments of a document's current revision in order.
	PlacedSegments(docID int64) ([]record.Placed, error)
	// EarlierSegments lists the segments of a document that its current
	// revision does not place, most recent first.
	EarlierSegments(docID int64) ([]record.Placed, error)
	InsertRevision(r *record.Revision) error
	InsertSegment(s *record.Segment) error
	Place(p record.Placement) error
	// SegmentTranslations lists a segment's translations in every language.
	SegmentTranslations(segID int64) ([]record.Translation, error)
	InsertTranslation(t *record.Translation) error
	InsertEvent(e record.Event) error
	// SetArchived archives a document (at and by set) or brings it back (nil).
	SetArchived(docID int64, at *time.Time, by *int64) error
	// CountReleases counts a document's releases, withdrawn ones too.
	CountReleases(docID int64) (int, error)
	// DeleteDocument removes a document and every row of it but the memory
	// entries it made, answering the rows removed per table.
	DeleteDocument(docID int64) (map[string]int64, error)
}
