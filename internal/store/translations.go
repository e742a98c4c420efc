package store

import (
	"database/sql"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/workflow"
)

// targetRow is a translation as a list shows it.
type targetRow struct {
	Text, State, Comment, Origin string
	Version                      int
	AuthorID                     int64
	UpdatedAt                    *time.Time
}

// targetsSQL reads the translations in one language of a revision's segments.
const targetsSQL = `SELECT t.segment_id, t.text, t.state, t.version, t.author_id, t.comment, t.origin, t.updated_at
FROM translations t
WHERE t.lang = ? AND t.segment_id IN (SELECT segment_id FROM revision_segments WHERE revision_id = ?)`

// targets runs targetsSQL, scanning each row into typed variables: the
// reflection of a GORM scan cost as much as SQLite's reading of the rows.
func targets(db *gorm.DB, revision int64, lang string) (map[int64]targetRow, error) {
	rs, err := db.Raw(targetsSQL, lang, revision).Rows()
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	out := map[int64]targetRow{}
	for rs.Next() {
		var seg int64
		var version, author sql.NullInt64
		var text, state, comment, origin sql.NullString // NULL reads as "", as GORM read it
		var updated sql.NullTime
		if err := rs.Scan(&seg, &text, &state, &version, &author, &comment, &origin, &updated); err != nil {
			return nil, err
		}
		t := targetRow{Text: text.String, State: state.String, Comment: comment.String, Origin: origin.String,
			Version: int(version.Int64), AuthorID: author.Int64}
		if updated.Valid {
			t.UpdatedAt = &updated.Time
		}
		out[seg] = t
	}
	return out, rs.Err()
}

// listDocument is a document with the id and creation time of its current revision.
type listDocument struct {
	ID              int64
	Title           string
	Revision        int
	RevisionID      *int64
	RevisionCreated *time.Time
}

// place is what a decision on one segment × language reads: the segment,
// its translation, its document's title and its place in the current revision.
type place struct {
	Segment             Segment
	Translation         Translation
	Title               string
	Paragraph, Position int
}

// placeRow is place as one row of placeSQL.
type placeRow struct {
	ID            int64
	DocumentID    int64
	Source        string
	DerivedFromID *int64
	CreatedAt     time.Time
	Title         string
	Paragraph     *int
	Position      *int
	TID           *int64
	Text          *string
	State         *string
	Version       *int
	AuthorID      *int64
	Comment       *string
	Origin        *string
	UpdatedAt     *time.Time
}

// placeSQL reads a place in one statement: the writer runs it for every
// save, and four statements made a save's turn at the writer twice as long.
// A sentence twice in a revision takes the place of its first occurrence.
const placeSQL = `SELECT s.id, s.document_id, s.source, s.derived_from_id, s.created_at, d.title,
	rs.paragraph, rs.position,
	t.id AS t_id, t.text, t.state, t.version, t.author_id, t.comment, t.origin, t.updated_at
FROM segments s
JOIN documents d ON d.id = s.document_id
LEFT JOIN revisions r ON r.document_id = d.id AND r.number = d.revision
LEFT JOIN revision_segments rs ON rs.revision_id = r.id AND rs.segment_id = s.id
LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?
WHERE s.id = ?
ORDER BY rs.ordinal LIMIT 1`

// placeOf loads a segment, which must be in its document's current
// revision, with its translation in lang (untranslated at version 0 when
// there is none yet), inside tx.
func placeOf(tx *gorm.DB, segID int64, lang string) (place, error) {
	r, found, err := scanPlace(tx, segID, lang)
	if err != nil {
		return place{}, err
	}
	if !found {
		return place{}, apperr.New(apperr.NotFound, "segment %d not found", segID)
	}
	if r.Paragraph == nil {
		return place{}, apperr.New(apperr.Conflict, "segment %d is no longer in the current revision of its document", segID)
	}
	p := place{Segment: Segment{ID: r.ID, DocumentID: r.DocumentID, Source: r.Source, DerivedFromID: r.DerivedFromID, CreatedAt: r.CreatedAt},
		Title: r.Title, Paragraph: *r.Paragraph, Position: *r.Position,
		Translation: Translation{SegmentID: segID, Lang: lang, State: string(workflow.Untranslated)}}
	if r.TID != nil {
		p.Translation = Translation{ID: *r.TID, SegmentID: segID, Lang: lang, Text: *r.Text, State: *r.State, Version: *r.Version,
			AuthorID: *r.AuthorID, Comment: *r.Comment, Origin: *r.Origin}
		if r.UpdatedAt != nil {
			p.Translation.UpdatedAt = *r.UpdatedAt
		}
	}
	return p, nil
}

// scanPlace runs placeSQL, scanning into typed variables.
func scanPlace(tx *gorm.DB, segID int64, lang string) (r placeRow, found bool, err error) {
	rs, err := tx.Raw(placeSQL, lang, segID).Rows()
	if err != nil {
		return placeRow{}, false, err
	}
	defer rs.Close()
	if !rs.Next() {
		return placeRow{}, false, rs.Err()
	}
	var derived, para, pos, tid, version, author sql.NullInt64
	var text, state, comment, origin sql.NullString
	var updated sql.NullTime
	if err := rs.Scan(&r.ID, &r.DocumentID, &r.Source, &derived, &r.CreatedAt, &r.Title, &para, &pos,
		&tid, &text, &state, &version, &author, &comment, &origin, &updated); err != nil {
		return placeRow{}, false, err
	}
	if derived.Valid {
		r.DerivedFromID = &derived.Int64
	}
	if para.Valid {
		p, q := int(para.Int64), int(pos.Int64)
		r.Paragraph, r.Position = &p, &q
	}
	if tid.Valid {
		v := int(version.Int64)
		r.TID, r.Text, r.State, r.Version, r.AuthorID = &tid.Int64, &text.String, &state.String, &v, &author.Int64
		r.Comment, r.Origin = &comment.String, &origin.String
		if updated.Valid {
			r.UpdatedAt = &updated.Time
		}
	}
	return r, true, rs.Err()
}
