package app

import (
	"context"
	"time"

	"tilmash/internal/record"
)

// CommentReader reads the comments on segments.
type CommentReader interface {
	// Comments lists the comments on segments, oldest first, of the
	// languages langs ("" for those about the source), or of every
	// language when langs is empty.
	Comments(ctx context.Context, segIDs []int64, langs []string) ([]record.Comment, error)
	// CommentByID loads a comment; a missing one is an apperr.NotFound.
	CommentByID(ctx context.Context, id int64) (record.Comment, error)
	// OpenComments counts the unresolved comments of documents per
	// document and language ("" for those about the source), on the
	// segments of their current revisions.
	OpenComments(ctx context.Context, docIDs []int64) (map[int64]map[string]int, error)
	// CommentedSegments lists the segments of a document with unresolved
	// comments in the languages langs.
	CommentedSegments(ctx context.Context, docID int64, langs []string) ([]int64, error)
}

// CommentWriter writes comments inside a transaction.
type CommentWriter interface {
	// InsertComment stores a new comment, setting its ID.
	InsertComment(c *record.Comment) error
	// CommentByID loads a comment; a missing one is an apperr.NotFound.
	CommentByID(id int64) (record.Comment, error)
	// ResolveComment marks a comment resolved; one resolved already is an
	// apperr.Conflict.
	ResolveComment(id, actor int64, at time.Time) error
}
