package store

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm/clause"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
)

// DocumentText loads the current revision of a document in one language.
func (s *Store) DocumentText(ctx context.Context, docID int64, lang string) (record.DocumentText, error) {
	db := s.read(ctx)
	var docs []listDocument
	err := db.Raw(`SELECT d.id, d.title, d.revision, r.id AS revision_id, r.created_at AS revision_created
		FROM documents d LEFT JOIN revisions r ON r.document_id = d.id AND r.number = d.revision WHERE d.id = ?`, docID).Scan(&docs).Error
	if err != nil {
		return record.DocumentText{}, fmt.Errorf("list %s translations of document %d: %w", lang, docID, err)
	}
	if len(docs) == 0 {
		return record.DocumentText{}, apperr.New(apperr.NotFound, "document %d not found", docID)
	}
	doc := docs[0]
	out := record.DocumentText{DocumentID: doc.ID, Title: doc.Title, Revision: doc.Revision}
	if doc.RevisionID == nil {
		return out, nil
	}
	layout, err := s.layouts.layout(db, *doc.RevisionID, *doc.RevisionCreated)
	if err != nil {
		return record.DocumentText{}, fmt.Errorf("list %s translations of document %d: %w", lang, docID, err)
	}
	texts, err := targets(db, *doc.RevisionID, lang)
	if err != nil {
		return record.DocumentText{}, fmt.Errorf("list %s translations of document %d: %w", lang, docID, err)
	}
	out.Segments = make([]record.TranslatedSegment, len(layout))
	for i, sg := range layout {
		v := record.TranslatedSegment{ID: sg.ID, Paragraph: sg.Paragraph, Position: sg.Position, Source: sg.Source,
			Derived: sg.DerivedFromID != nil, PreviousSource: sg.PreviousSource}
		if t, ok := texts[sg.ID]; ok {
			v.Text, v.State, v.Version, v.AuthorID = t.Text, t.State, t.Version, t.AuthorID
			v.Comment, v.Origin, v.UpdatedAt = t.Comment, t.Origin, t.UpdatedAt
		}
		out.Segments[i] = v
	}
	return out, nil
}

// Lineage lists a segment and the segments it derives from, nearest first.
func (s *Store) Lineage(ctx context.Context, segID int64) ([]int64, error) {
	db := s.read(ctx)
	ids := []int64{}
	for id, hops := segID, 0; id != 0 && hops < 1000; hops++ {
		var seg Segment
		if err := db.Select("id, derived_from_id").Take(&seg, id).Error; err != nil {
			if hops == 0 {
				return nil, notFound(err, "segment %d not found", segID)
			}
			break
		}
		ids = append(ids, seg.ID)
		if seg.DerivedFromID == nil {
			break
		}
		id = *seg.DerivedFromID
	}
	return ids, nil
}

// Events lists the history of segments in one language, oldest first,
// scanning into typed variables (a history grows with every save; GORM's
// reflection per row grew with it).
func (s *Store) Events(ctx context.Context, segIDs []int64, lang string) ([]record.Event, error) {
	rs, err := s.read(ctx).Raw(`SELECT id, segment_id, actor_id, action, from_state, to_state, version, text, comment, at
		FROM events WHERE segment_id IN ? AND lang = ? ORDER BY id`, segIDs, lang).Rows()
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	out := []record.Event{}
	for rs.Next() {
		e := record.Event{Lang: lang}
		var actorID, version sql.NullInt64
		var action, from, to, text, comment sql.NullString // NULL reads as "", as GORM read it
		if err := rs.Scan(&e.ID, &e.SegmentID, &actorID, &action, &from, &to, &version, &text, &comment, &e.At); err != nil {
			return nil, err
		}
		e.ActorID, e.Action, e.FromState, e.ToState = actorID.Int64, action.String, from.String, to.String
		e.Version, e.Text, e.Comment = int(version.Int64), text.String, comment.String
		out = append(out, e)
	}
	return out, rs.Err()
}

// PlaceOf loads a segment of its document's current revision with its translation in lang.
func (t *Tx) PlaceOf(segID int64, lang string) (record.Place, error) {
	p, err := placeOf(t.db, segID, lang)
	if err != nil {
		return record.Place{}, err
	}
	sg := p.Segment
	return record.Place{Segment: record.Segment{ID: sg.ID, DocumentID: sg.DocumentID, Source: sg.Source, DerivedFromID: sg.DerivedFromID},
		Title: p.Title, Paragraph: p.Paragraph, Position: p.Position, Translation: translationRecord(p.Translation)}, nil
}

// SaveTranslation inserts a new translation or updates one still at version from.
func (t *Tx) SaveTranslation(tr *record.Translation, from int) error {
	if tr.ID == 0 {
		row := Translation{SegmentID: tr.SegmentID, Lang: tr.Lang, Text: tr.Text, State: tr.State, Version: tr.Version,
			AuthorID: tr.AuthorID, Comment: tr.Comment, Origin: tr.Origin, UpdatedAt: tr.UpdatedAt}
		// Two first saves of one segment × language may run at once where
		// writers are not serialised (PostgreSQL): the one that finds the row
		// already there loses as a stale update does, instead of failing on
		// the unique index.
		res := t.db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "segment_id"}, {Name: "lang"}}, DoNothing: true}).Create(&row)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return apperr.New(apperr.Conflict, "the translation changed while saving; reload and try again")
		}
		tr.ID = row.ID
		return nil
	}
	// The version in WHERE makes a lost update impossible even if a writer
	// slipped past the transaction's lock. A plain statement, prepared once
	// on the writer's connection: it runs for every save.
	res := t.db.Exec(`UPDATE translations SET text = ?, state = ?, version = ?, author_id = ?, comment = ?, origin = ?, updated_at = ?
		WHERE id = ? AND version = ?`, tr.Text, tr.State, tr.Version, tr.AuthorID, tr.Comment, tr.Origin, tr.UpdatedAt, tr.ID, from)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected != 1 {
		return apperr.New(apperr.Conflict, "the translation changed while saving; reload and try again")
	}
	return nil
}

// RememberApproved adds an approved translation to the memory, logged for
// the change log with the transaction.
func (t *Tx) RememberApproved(e record.MemoryEntry) error {
	id := e.TranslationID
	row := MemoryEntry{SourceLang: e.SourceLang, TargetLang: e.TargetLang, Source: e.Source, Target: e.Target,
		Origin: e.Origin, Author: e.Author, TranslationID: &id, CreatedAt: e.CreatedAt}
	if err := t.db.Create(&row).Error; err != nil {
		return err
	}
	t.mem.added = append(t.mem.added, row)
	return nil
}

// ForgetApproved takes a translation's entry out of the memory, if it has one.
func (t *Tx) ForgetApproved(translationID int64) error {
	var old []MemoryEntry
	if err := t.db.Where("translation_id = ?", translationID).Limit(1).Find(&old).Error; err != nil {
		return err
	}
	if len(old) == 0 {
		return nil
	}
	if err := t.db.Delete(&old[0]).Error; err != nil {
		return err
	}
	t.mem.removed = append(t.mem.removed, old[0])
	return nil
}

// queueFrom selects the translations of the documents' current revisions
// in one state and language, optionally of one document; the queue of every
// document leaves archived ones out (a document named by id is shown anyway).
const queueFrom = `FROM translations t
JOIN revision_segments rs ON rs.segment_id = t.segment_id
JOIN revisions r ON r.id = rs.revision_id
JOIN documents d ON d.id = r.document_id AND d.revision = r.number
JOIN segments s ON s.id = t.segment_id
WHERE t.lang = ? AND t.state = ? AND (? = 0 OR d.id = ?) AND (? <> 0 OR d.archived_at IS NULL)`

// Queue pages through the translations of one language in one state in
// the documents' current revisions (of one document when docID > 0),
// newest document first, in text order: limit of them from offset, and
// how many there are in all. Paging is SQL's: a queue of 30,000 reads one page.
func (s *Store) Queue(ctx context.Context, lang, state string, docID int64, offset, limit int) (int, []record.Queued, error) {
	db := s.read(ctx)
	var total int64
	if err := db.Raw("SELECT COUNT(*) "+queueFrom, lang, state, docID, docID, docID).Scan(&total).Error; err != nil {
		return 0, nil, fmt.Errorf("count the %s queue in %s: %w", state, lang, err)
	}
	if limit == 0 {
		return int(total), nil, nil
	}
	rs, err := db.Raw(`SELECT d.id, d.title, s.id, rs.paragraph, rs.position, s.source, t.text, t.state, t.version,
		t.author_id, t.comment, t.origin, t.updated_at `+queueFrom+` ORDER BY d.id DESC, rs.ordinal LIMIT ? OFFSET ?`,
		lang, state, docID, docID, docID, limit, offset).Rows()
	if err != nil {
		return 0, nil, fmt.Errorf("list the %s queue in %s: %w", state, lang, err)
	}
	defer rs.Close()
	var out []record.Queued
	for rs.Next() {
		var q record.Queued
		var author sql.NullInt64
		var text, st, comment, origin sql.NullString
		var updated sql.NullTime
		sg := &q.Segment
		if err := rs.Scan(&q.DocumentID, &q.Title, &sg.ID, &sg.Paragraph, &sg.Position, &sg.Source, &text, &st, &sg.Version,
			&author, &comment, &origin, &updated); err != nil {
			return 0, nil, err
		}
		sg.Text, sg.State, sg.AuthorID, sg.Comment, sg.Origin = text.String, st.String, author.Int64, comment.String, origin.String
		if updated.Valid {
			sg.UpdatedAt = &updated.Time
		}
		out = append(out, q)
	}
	return int(total), out, rs.Err()
}
