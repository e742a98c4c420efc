package app

import (
	"context"

	"tilmash/internal/record"
)

// GlossaryReader reads glossaries outside a transaction.
type GlossaryReader interface {
	// GlossaryTerms lists the terms of a target language, in source order.
	// The first call also starts following the change log, so that no
	// change after the read is missed by WatchGlossaries.
	GlossaryTerms(ctx context.Context, lang string) ([]record.Term, error)
	// WatchGlossaries calls fn with a language whose terms changed, by this
	// process or another, once the change is seen (within the follow
	// interval; at once after this process's own commit); "" means every
	// language.
	WatchGlossaries(fn func(lang string))
	// SegmentSource is the source text of a segment; a missing one is an apperr.NotFound.
	SegmentSource(ctx context.Context, segID int64) (string, error)
}

// GlossaryWriter writes glossaries inside a transaction; each write is
// logged in the change log with it.
type GlossaryWriter interface {
	// LockSeeding makes seeding the starter data one transaction's work at
	// a time across every process on the database: it holds a lock to the
	// end of the transaction, so a second seeding waits, then counts what
	// the first wrote.
	LockSeeding() error
	// CountTerms counts the terms of every language.
	CountTerms() (int64, error)
	// InsertTerms adds terms to a language's glossary, setting their ids.
	InsertTerms(lang string, terms []record.Term) error
	// DeleteTerms empties a language's glossary.
	DeleteTerms(lang string) error
	// DeleteTerm removes one term; false when the language has no such term.
	DeleteTerm(lang string, id int64) (bool, error)
	// Terms lists a language's glossary, in source order.
	Terms(lang string) ([]record.Term, error)
	// UpdateTerm writes a term's target, note and forbidden variants over
	// the stored term with its id; false when lang has no such term.
	UpdateTerm(lang string, term record.Term) (bool, error)
}
