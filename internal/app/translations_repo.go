package app

import (
	"context"

	"tilmash/internal/record"
)

// TranslationReader reads translations and their history outside a transaction.
type TranslationReader interface {
	// DocumentText loads the current revision of a document in one
	// language; a missing document is an apperr.NotFound.
	DocumentText(ctx context.Context, docID int64, lang string) (record.DocumentText, error)
	// UserNames maps every user id to its name, for showing authors.
	UserNames(ctx context.Context) (map[int64]string, error)
	// Lineage lists a segment and the segments it derives from, nearest
	// first; a missing segment is an apperr.NotFound.
	Lineage(ctx context.Context, segID int64) ([]int64, error)
	// Events lists the history of segments in one language, oldest first.
	Events(ctx context.Context, segIDs []int64, lang string) ([]record.Event, error)
	// EventsWhere lists, oldest first, the events of segments in one
	// language that moved to state and/or were action ("" matches any).
	EventsWhere(ctx context.Context, lang string, segIDs []int64, state, action string) ([]record.Event, error)
	// Queue pages through the translations of lang in state in the
	// documents' current revisions (one document's when docID > 0), newest
	// document first, in text order; limit 0 reads only the total.
	Queue(ctx context.Context, lang, state string, docID int64, offset, limit int) (int, []record.Queued, error)
}

// TranslationWriter writes translations inside a transaction.
type TranslationWriter interface {
	// PlaceOf loads a segment, which must be in its document's current
	// revision (an apperr.Conflict otherwise), with its translation in lang.
	PlaceOf(segID int64, lang string) (record.Place, error)
	// SaveTranslation inserts a new translation (ID 0, setting it) or
	// updates one still at version from: one that moved on meanwhile is an
	// apperr.Conflict, so no update is ever lost.
	SaveTranslation(t *record.Translation, from int) error
	// RememberApproved adds an approved translation to the memory.
	RememberApproved(e record.MemoryEntry) error
	// ForgetApproved takes a translation's entry out of the memory, if it has one.
	ForgetApproved(translationID int64) error
}
