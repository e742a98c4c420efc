package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
)

// Comments lists the comments on segments, oldest first: of the languages
// langs ("" stands for the comments about the source), or of every
// language when langs is empty.
func (s *Store) Comments(ctx context.Context, segIDs []int64, langs []string) ([]record.Comment, error) {
	out := []record.Comment{}
	if len(segIDs) == 0 {
		return out, nil
	}
	q := s.read(ctx).Where("segment_id IN ?", segIDs)
	if len(langs) > 0 {
		q = q.Where("lang IN ?", langs)
	}
	var cs []Comment
	if err := q.Order("id").Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("load the comments of %d segments: %w", len(segIDs), err)
	}
	for _, c := range cs {
		out = append(out, commentRecord(c))
	}
	return out, nil
}

// CommentByID loads one comment; a missing one is an apperr.NotFound.
func (s *Store) CommentByID(ctx context.Context, id int64) (record.Comment, error) {
	return commentByID(s.read(ctx), id)
}

func commentByID(db *gorm.DB, id int64) (record.Comment, error) {
	var c Comment
	if err := db.Where("id = ?", id).Take(&c).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return record.Comment{}, apperr.New(apperr.NotFound, "comment %d not found", id)
		}
		return record.Comment{}, fmt.Errorf("load comment %d: %w", id, err)
	}
	return commentRecord(c), nil
}

// OpenComments counts the unresolved comments of documents per document and
// language, on the segments of each document's current revision ("" counts
// the comments about the source).
func (s *Store) OpenComments(ctx context.Context, docIDs []int64) (map[int64]map[string]int, error) {
	out := map[int64]map[string]int{}
	if len(docIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		DocumentID int64
		Lang       string
		N          int
	}
	err := s.read(ctx).Raw(`SELECT c.document_id, c.lang, COUNT(*) AS n FROM comments c
		JOIN documents d ON d.id = c.document_id
		JOIN revisions r ON r.document_id = d.id AND r.number = d.revision
		JOIN revision_segments rs ON rs.revision_id = r.id AND rs.segment_id = c.segment_id
		WHERE c.document_id IN ? AND c.resolved_at IS NULL
		GROUP BY c.document_id, c.lang`, docIDs).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count the open comments of %d documents: %w", len(docIDs), err)
	}
	for _, r := range rows {
		if out[r.DocumentID] == nil {
			out[r.DocumentID] = map[string]int{}
		}
		out[r.DocumentID][r.Lang] = r.N
	}
	return out, nil
}

// CommentedSegments lists the segments of a document with unresolved
// comments in the languages langs (every language when langs is empty).
func (s *Store) CommentedSegments(ctx context.Context, docID int64, langs []string) ([]int64, error) {
	q := s.read(ctx).Model(&Comment{}).Distinct("segment_id").Where("document_id = ? AND resolved_at IS NULL", docID)
	if len(langs) > 0 {
		q = q.Where("lang IN ?", langs)
	}
	ids := []int64{}
	if err := q.Pluck("segment_id", &ids).Error; err != nil {
		return nil, fmt.Errorf("list the commented segments of document %d: %w", docID, err)
	}
	return ids, nil
}

// InsertComment stores a new comment, setting its ID.
func (t *Tx) InsertComment(c *record.Comment) error {
	m := Comment{SegmentID: c.SegmentID, DocumentID: c.DocumentID, Lang: c.Lang, AuthorID: c.AuthorID, Text: c.Text, CreatedAt: c.CreatedAt}
	if err := t.db.Create(&m).Error; err != nil {
		return fmt.Errorf("store a comment on segment %d: %w", c.SegmentID, err)
	}
	c.ID = m.ID
	return nil
}

// CommentByID loads one comment inside the transaction.
func (t *Tx) CommentByID(id int64) (record.Comment, error) { return commentByID(t.db, id) }

// ResolveComment marks a comment resolved by actor at at, unless someone
// resolved it first: that is an apperr.Conflict.
func (t *Tx) ResolveComment(id, actor int64, at time.Time) error {
	r := t.db.Model(&Comment{}).Where("id = ? AND resolved_at IS NULL", id).
		Updates(map[string]any{"resolved_by": actor, "resolved_at": at})
	if r.Error != nil {
		return fmt.Errorf("resolve comment %d: %w", id, r.Error)
	}
	if r.RowsAffected == 0 {
		return apperr.New(apperr.Conflict, "comment %d is already resolved", id)
	}
	return nil
}

func commentRecord(c Comment) record.Comment {
	out := record.Comment{ID: c.ID, SegmentID: c.SegmentID, DocumentID: c.DocumentID, Lang: c.Lang, AuthorID: c.AuthorID,
		Text: c.Text, CreatedAt: c.CreatedAt, ResolvedAt: c.ResolvedAt}
	if c.ResolvedBy != nil {
		out.ResolvedBy = *c.ResolvedBy
	}
	return out
}
