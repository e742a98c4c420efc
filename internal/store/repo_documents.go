package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tilmash/internal/record"
	"tilmash/internal/textfold"
)

func documentRecord(d Document) record.Document {
	r := record.Document{ID: d.ID, Title: d.Title, SourceLang: d.SourceLang, Revision: d.Revision, CreatedAt: d.CreatedAt,
		CreatedBy: d.CreatedBy, ArchivedAt: d.ArchivedAt, ActivityAt: d.CreatedAt}
	if d.ActivityAt != nil {
		r.ActivityAt = *d.ActivityAt
	}
	return r
}

func revisionRecord(r Revision) record.Revision {
	return record.Revision{ID: r.ID, DocumentID: r.DocumentID, Number: r.Number, Text: r.Text, Warnings: r.Warnings,
		AuthorID: r.AuthorID, CreatedAt: r.CreatedAt}
}

func translationRecord(t Translation) record.Translation {
	return record.Translation{ID: t.ID, SegmentID: t.SegmentID, Lang: t.Lang, Text: t.Text, State: t.State, Version: t.Version,
		AuthorID: t.AuthorID, Comment: t.Comment, Origin: t.Origin, UpdatedAt: t.UpdatedAt}
}

// documentColumns are the columns a Document is loaded with: all but
// search_text, a folded copy of the whole current text that only the
// list's WHERE reads (megabytes for a long document, on every load).
const documentColumns = "id, title, source_lang, revision, created_at, created_by, archived_at, archived_by, activity_at"

func loadDocument(db *gorm.DB, id int64) (record.Document, error) {
	var d Document
	if err := db.Select(documentColumns).Take(&d, id).Error; err != nil {
		return record.Document{}, notFound(err, "document %d not found", id)
	}
	return documentRecord(d), nil
}

func loadRevision(db *gorm.DB, docID int64, number int) (record.Revision, error) {
	var r Revision
	if err := db.Where("document_id = ? AND number = ?", docID, number).Take(&r).Error; err != nil {
		return record.Revision{}, fmt.Errorf("load revision %d of document %d: %w", number, docID, err)
	}
	return revisionRecord(r), nil
}

// currentSegments lists the segments of a document's current revision in order.
func currentSegments(db *gorm.DB, docID int64) ([]record.Placed, error) {
	var out []record.Placed
	err := db.Table("revision_segments AS rs").
		Select("s.id AS id, rs.paragraph AS paragraph, rs.position AS position, s.source AS source").
		Joins("JOIN revisions r ON r.id = rs.revision_id").
		Joins("JOIN documents d ON d.id = r.document_id AND d.revision = r.number").
		Joins("JOIN segments s ON s.id = rs.segment_id").
		Where("d.id = ?", docID).Order("rs.ordinal").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("load segments of document %d: %w", docID, err)
	}
	return out, nil
}

// Document loads one document.
func (s *Store) Document(ctx context.Context, id int64) (record.Document, error) {
	return loadDocument(s.read(ctx), id)
}

// Documents lists every document, newest first.
func (s *Store) Documents(ctx context.Context) ([]record.Document, error) {
	var docs []Document
	if err := s.read(ctx).Select(documentColumns).Order("id DESC").Find(&docs).Error; err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	out := make([]record.Document, len(docs))
	for i, d := range docs {
		out[i] = documentRecord(d)
	}
	return out, nil
}

// Revision loads revision number of a document.
func (s *Store) Revision(ctx context.Context, docID int64, number int) (record.Revision, error) {
	return loadRevision(s.read(ctx), docID, number)
}

// CurrentSegments lists the segments of a document's current revision in order.
func (s *Store) CurrentSegments(ctx context.Context, docID int64) ([]record.Placed, error) {
	return currentSegments(s.read(ctx), docID)
}

// StateCounts counts, for each document of ids, the segments of its current
// revision and its translations per language and state: two grouped queries
// for a whole page of documents, not two a document.
func (s *Store) StateCounts(ctx context.Context, ids []int64) (map[int64]record.DocumentStates, error) {
	out := make(map[int64]record.DocumentStates, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	db := s.read(ctx)
	current := func() *gorm.DB {
		return db.Table("revision_segments AS rs").
			Joins("JOIN revisions r ON r.id = rs.revision_id").
			Joins("JOIN documents d ON d.id = r.document_id AND d.revision = r.number").
			Where("d.id IN ?", ids)
	}
	var totals []struct {
		Doc int64
		N   int
	}
	if err := current().Select("d.id AS doc, COUNT(*) AS n").Group("d.id").Scan(&totals).Error; err != nil {
		return nil, fmt.Errorf("count segments of documents: %w", err)
	}
	for _, t := range totals {
		out[t.Doc] = record.DocumentStates{Total: t.N}
	}
	var rows []struct {
		Doc   int64
		Lang  string
		State string
		N     int
	}
	err := current().Select("d.id AS doc, t.lang AS lang, t.state AS state, COUNT(*) AS n").
		Joins("JOIN translations t ON t.segment_id = rs.segment_id").
		Group("d.id, t.lang, t.state").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count states of documents: %w", err)
	}
	for _, r := range rows {
		st := out[r.Doc]
		st.Counts = append(st.Counts, record.StateCount{Lang: r.Lang, State: r.State, N: r.N})
		out[r.Doc] = st
	}
	return out, nil
}

// LockDocument loads a document to change it.
func (t *Tx) LockDocument(id int64) (record.Document, error) { return loadDocument(t.db, id) }

// InsertDocument writes a new document and sets its id.
func (t *Tx) InsertDocument(d *record.Document) error {
	if d.CreatedAt.IsZero() {
		d.CreatedAt = t.now()
	}
	search := textfold.Fold(d.Title) // the text joins it when a revision becomes current (SetRevision)
	row := Document{Title: d.Title, SourceLang: d.SourceLang, Revision: d.Revision, CreatedAt: d.CreatedAt, CreatedBy: d.CreatedBy,
		ActivityAt: &d.CreatedAt, SearchText: &search}
	if err := t.db.Create(&row).Error; err != nil {
		return fmt.Errorf("create document: %w", err)
	}
	d.ID, d.CreatedAt, d.ActivityAt = row.ID, row.CreatedAt, row.CreatedAt
	return nil
}

// SetRevision makes revision number the document's current one, and its
// text the one the document list searches.
func (t *Tx) SetRevision(docID int64, number int) error {
	d, err := loadDocument(t.db, docID)
	if err != nil {
		return err
	}
	rev, err := loadRevision(t.db, docID, number)
	if err != nil {
		return err
	}
	now := t.now()
	err = t.db.Model(&Document{}).Where("id = ?", docID).
		Updates(map[string]any{"revision": number, "activity_at": now, "search_text": searchText(d.Title, rev.Text)}).Error
	if err != nil {
		return fmt.Errorf("set the revision of document %d: %w", docID, err)
	}
	return nil
}

// CurrentRevision loads the current revision of a document.
func (t *Tx) CurrentRevision(doc record.Document) (record.Revision, error) {
	return loadRevision(t.db, doc.ID, doc.Revision)
}

// PlacedSegments lists the segments of a document's current revision in order.
func (t *Tx) PlacedSegments(docID int64) ([]record.Placed, error) {
	return currentSegments(t.db, docID)
}

// InsertRevision writes a revision and sets its id.
func (t *Tx) InsertRevision(r *record.Revision) error {
	row := Revision{DocumentID: r.DocumentID, Number: r.Number, Text: r.Text, Warnings: r.Warnings, AuthorID: r.AuthorID, CreatedAt: r.CreatedAt}
	if err := t.db.Create(&row).Error; err != nil {
		return fmt.Errorf("create revision %d of document %d: %w", r.Number, r.DocumentID, err)
	}
	r.ID, r.CreatedAt = row.ID, row.CreatedAt
	// An import writes its first revision as the current one: the list
	// searches its text from now on. A later revision waits for SetRevision.
	d, err := loadDocument(t.db, r.DocumentID)
	if err != nil || d.Revision != r.Number {
		return err
	}
	err = t.db.Model(&Document{}).Where("id = ?", d.ID).Update("search_text", searchText(d.Title, r.Text)).Error
	if err != nil {
		return fmt.Errorf("index revision %d of document %d: %w", r.Number, r.DocumentID, err)
	}
	return nil
}

// InsertSegment writes a segment and sets its id.
func (t *Tx) InsertSegment(sg *record.Segment) error {
	row := Segment{DocumentID: sg.DocumentID, Source: sg.Source, DerivedFromID: sg.DerivedFromID}
	if err := t.db.Create(&row).Error; err != nil {
		return fmt.Errorf("create segment: %w", err)
	}
	sg.ID = row.ID
	return nil
}

// Place puts a segment in a revision.
func (t *Tx) Place(p record.Placement) error {
	row := RevisionSegment{RevisionID: p.RevisionID, Ordinal: p.Ordinal, SegmentID: p.SegmentID, Paragraph: p.Paragraph, Position: p.Position}
	if err := t.db.Create(&row).Error; err != nil {
		return fmt.Errorf("place segment %d: %w", p.SegmentID, err)
	}
	return nil
}

// SegmentTranslations lists a segment's translations in every language.
func (t *Tx) SegmentTranslations(segID int64) ([]record.Translation, error) {
	return segmentTranslations(t.db, segID)
}

// InsertTranslation writes a translation and sets its id.
func (t *Tx) InsertTranslation(tr *record.Translation) error {
	row := Translation{SegmentID: tr.SegmentID, Lang: tr.Lang, Text: tr.Text, State: tr.State, Version: tr.Version,
		AuthorID: tr.AuthorID, Comment: tr.Comment, Origin: tr.Origin, UpdatedAt: tr.UpdatedAt}
	if err := t.db.Create(&row).Error; err != nil {
		return fmt.Errorf("create translation of segment %d in %s: %w", tr.SegmentID, tr.Lang, err)
	}
	tr.ID = row.ID
	return nil
}

// InsertEvent appends to a segment's history.
func (t *Tx) InsertEvent(e record.Event) error {
	// A plain statement, prepared once on the writer's connection: it runs for every save.
	err := t.db.Exec(`INSERT INTO events (segment_id, lang, actor_id, action, from_state, to_state, version, text, comment, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.SegmentID, e.Lang, e.ActorID, e.Action, e.FromState, e.ToState, e.Version,
		e.Text, e.Comment, e.At).Error
	if err != nil {
		return fmt.Errorf("record history of segment %d in %s: %w", e.SegmentID, e.Lang, err)
	}
	t.touch(e.SegmentID)
	return nil
}
