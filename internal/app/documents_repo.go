package app

import (
	"context"

	"tilmash/internal/record"
)

// DocumentReader reads documents outside a transaction.
type DocumentReader interface {
	// Document loads one document; a missing one is an apperr.NotFound.
	Document(ctx context.Context, id int64) (record.Document, error)
	// Documents lists every document, newest first.
	Documents(ctx context.Context) ([]record.Document, error)
	// Revision loads revision number of a document.
	Revision(ctx context.Context, docID int64, number int) (record.Revision, error)
	// CurrentSegments lists the segments of a document's current revision in order.
	CurrentSegments(ctx context.Context, docID int64) ([]record.Placed, error)
	// StateCounts counts the segments of a document's current revision
	// (total) and its translations per language and state.
	StateCounts(ctx context.Context, doc record.Document) (total int, counts []record.StateCount, err error)
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
}
