package app

import (
	"context"

	"tilmash/internal/record"
	"tilmash/internal/tm"
)

// MemoryReader reads the translation memory outside a transaction: its
// index (a cache of the table in this process, following the change log)
// and its rows. The memory is always of the source language into lang.
type MemoryReader interface {
	// LoadMemory builds the index, once, so that the lookups to come find it.
	LoadMemory(ctx context.Context) error
	// Lookup finds the best limit matches of source in the index of lang
	// with a score of at least minScore.
	Lookup(ctx context.Context, lang, source string, limit, minScore int) (tm.Result, error)
	// SearchMemory finds the entries of lang whose source or target
	// contains phrase, ignoring case and normalisation, newest first, at
	// most limit.
	SearchMemory(ctx context.Context, lang, phrase string, limit int) ([]record.MemoryEntry, error)
	// EachMemoryEntry streams the entries of lang to fn, oldest first,
	// with their source, target, author and creation time; an error of fn
	// stops it and is returned.
	EachMemoryEntry(ctx context.Context, lang string, fn func(record.MemoryEntry) error) error
	// Segment loads one segment; a missing one is an apperr.NotFound.
	Segment(ctx context.Context, id int64) (record.Segment, error)
}

// MemoryWriter writes the translation memory inside a transaction.
type MemoryWriter interface {
	// MemoryTexts streams the source and target of every entry of lang.
	MemoryTexts(lang string, fn func(source, target string)) error
	// InsertMemory adds a batch of entries and returns their ids, in the
	// order of its units. Their change reaches the index of every process
	// through the change log (this one's right after the commit).
	InsertMemory(b record.MemoryBatch) ([]int64, error)
	// TranslationsIn loads the translations in lang of the given segments,
	// by segment id; a segment without one is missing from the map.
	TranslationsIn(segIDs []int64, lang string) (map[int64]record.Translation, error)
}
