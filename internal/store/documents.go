package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/segment"
	"tilmash/internal/workflow"
)

// MaxTitleLength bounds a document title, in characters.
const MaxTitleLength = 300

// SegmentView is a segment as the current revision places it.
type SegmentView struct {
	ID        int64  `json:"id"`
	Paragraph int    `json:"paragraph"`
	Position  int    `json:"position"`
	Source    string `json:"source"`
}

// DocumentView is a document with the segments of its current revision.
type DocumentView struct {
	ID        int64             `json:"id"`
	Title     string            `json:"title"`
	Revision  int               `json:"revision"`
	CreatedAt time.Time         `json:"created_at"`
	Segments  []SegmentView     `json:"segments"`
	Warnings  []segment.Warning `json:"warnings"`
	// Counts maps each target language to the number of segments per state.
	Counts map[string]map[workflow.State]int `json:"languages,omitempty"`
}

// sourceSegmenter is the segmenter of the source language.
func sourceSegmenter() *segment.Segmenter { return segment.For(language.Source) }

// parsedSource is a source text split and checked, ready to store.
type parsedSource struct {
	text       string
	paragraphs []segment.Paragraph
	warnings   []segment.Warning
	count      int
}

func parseSource(text string) (parsedSource, error) {
	if !utf8.ValidString(text) {
		return parsedSource{}, apperr.New(apperr.Invalid, "the text is not valid UTF-8")
	}
	norm := segment.Normalize(text)
	ps := sourceSegmenter().Split(norm)
	n := 0
	for _, p := range ps {
		n += len(p.Sentences)
	}
	if n == 0 {
		return parsedSource{}, apperr.New(apperr.Invalid, "the text is empty")
	}
	w := segment.Inspect(norm)
	if w == nil {
		w = []segment.Warning{}
	}
	return parsedSource{text: norm, paragraphs: ps, warnings: w, count: n}, nil
}

func cleanTitle(title string) (string, error) {
	title = strings.TrimSpace(title)
	switch {
	case !utf8.ValidString(title):
		return "", apperr.New(apperr.Invalid, "the title is not valid UTF-8")
	case title == "":
		return "", apperr.New(apperr.Invalid, "the document needs a title")
	case utf8.RuneCountInString(title) > MaxTitleLength:
		return "", apperr.New(apperr.Invalid, "the title is longer than %d characters", MaxTitleLength)
	}
	return segment.Normalize(title), nil
}

// CreateDocument imports a Russian text as revision 1 of a new document.
func (s *Store) CreateDocument(ctx context.Context, actor workflow.Actor, title, text string) (DocumentView, error) {
	if !actor.CanManageDocuments() {
		return DocumentView{}, apperr.New(apperr.Forbidden, "%s may not import documents", actor.Name)
	}
	title, err := cleanTitle(title)
	if err != nil {
		return DocumentView{}, err
	}
	src, err := parseSource(text)
	if err != nil {
		return DocumentView{}, err
	}
	var doc Document
	err = s.write(ctx, func(tx *gorm.DB) error {
		doc = Document{Title: title, SourceLang: language.Source, Revision: 1, CreatedBy: actor.ID}
		if err := tx.Create(&doc).Error; err != nil {
			return err
		}
		links := make([]segment.Link, src.count)
		for i := range links {
			links[i] = segment.Link{Old: -1}
		}
		return s.storeRevision(tx, actor, doc.ID, 1, src, nil, links)
	})
	if err != nil {
		return DocumentView{}, fmt.Errorf("import document: %w", err)
	}
	s.observer.Imported("text")
	return s.Document(ctx, doc.ID)
}

// ReviseDocument stores a new source text as the next revision. Unchanged
// sentences keep their segment, translations and history; changed ones become
// new segments whose old translations are carried over as outdated.
func (s *Store) ReviseDocument(ctx context.Context, actor workflow.Actor, docID int64, text string) (DocumentView, error) {
	if !actor.CanManageDocuments() {
		return DocumentView{}, apperr.New(apperr.Forbidden, "%s may not revise documents", actor.Name)
	}
	src, err := parseSource(text)
	if err != nil {
		return DocumentView{}, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var doc Document
		if err := tx.Take(&doc, docID).Error; err != nil {
			return notFound(err, "document %d not found", docID)
		}
		var rev Revision
		if err := tx.Where("document_id = ? AND number = ?", doc.ID, doc.Revision).Take(&rev).Error; err != nil {
			return fmt.Errorf("load revision %d: %w", doc.Revision, err)
		}
		if rev.Text == src.text {
			return nil // nothing changed: no empty revision
		}
		old, err := currentSegments(tx, doc.ID)
		if err != nil {
			return err
		}
		oldTexts := make([]string, len(old))
		for i, o := range old {
			oldTexts[i] = o.Source
		}
		newTexts := make([]string, 0, src.count)
		for _, p := range src.paragraphs {
			newTexts = append(newTexts, p.Sentences...)
		}
		links := segment.Align(oldTexts, newTexts)
		if err := s.storeRevision(tx, actor, doc.ID, doc.Revision+1, src, old, links); err != nil {
			return err
		}
		return tx.Model(&doc).Update("revision", doc.Revision+1).Error
	})
	if err != nil {
		return DocumentView{}, fmt.Errorf("revise document %d: %w", docID, err)
	}
	return s.Document(ctx, docID)
}

// storeRevision writes revision number of a document: its segments (reused,
// derived or new, as links say) and, for derived segments, the outdated
// translations carried over from the old ones.
func (s *Store) storeRevision(tx *gorm.DB, actor workflow.Actor, docID int64, number int, src parsedSource, old []SegmentView, links []segment.Link) error {
	warnings, err := json.Marshal(src.warnings)
	if err != nil {
		return err
	}
	rev := Revision{DocumentID: docID, Number: number, Text: src.text, Warnings: string(warnings), AuthorID: actor.ID}
	if err := tx.Create(&rev).Error; err != nil {
		return err
	}
	now := s.now()
	i := 0
	for _, p := range src.paragraphs {
		for pos, sentence := range p.Sentences {
			link := links[i]
			var segID int64
			switch {
			case link.Same:
				segID = old[link.Old].ID
			default:
				seg := Segment{DocumentID: docID, Source: sentence}
				if link.Old >= 0 {
					from := old[link.Old].ID
					seg.DerivedFromID = &from
				}
				if err := tx.Create(&seg).Error; err != nil {
					return err
				}
				segID = seg.ID
				if link.Old >= 0 {
					if err := carryOver(tx, old[link.Old].ID, segID, now); err != nil {
						return err
					}
				}
			}
			rs := RevisionSegment{RevisionID: rev.ID, Ordinal: i, SegmentID: segID, Paragraph: p.Number, Position: pos + 1}
			if err := tx.Create(&rs).Error; err != nil {
				return err
			}
			i++
		}
	}
	return nil
}

// carryOver copies the translations of a changed segment to its successor as
// outdated, so the translator starts from the old target and sees what changed.
func carryOver(tx *gorm.DB, fromID, toID int64, now time.Time) error {
	var trs []Translation
	if err := tx.Where("segment_id = ?", fromID).Find(&trs).Error; err != nil {
		return err
	}
	for _, t := range trs {
		ch := workflow.Outdate(workflow.Current{State: workflow.State(t.State), Version: t.Version, Text: t.Text, AuthorID: t.AuthorID})
		if !ch.Changed {
			continue
		}
		nt := Translation{SegmentID: toID, Lang: t.Lang, Text: t.Text, State: string(ch.To), Version: 1,
			AuthorID: t.AuthorID, Origin: "revision", UpdatedAt: now}
		if err := tx.Create(&nt).Error; err != nil {
			return err
		}
		ev := Event{SegmentID: toID, Lang: t.Lang, Action: string(ch.Action), FromState: t.State, ToState: string(ch.To),
			Version: nt.Version, Text: t.Text, Comment: fmt.Sprintf("source changed; carried over from segment %d version %d", fromID, t.Version), At: now}
		if err := tx.Create(&ev).Error; err != nil {
			return err
		}
	}
	return nil
}

// currentSegments lists the segments of a document's current revision in order.
func currentSegments(db *gorm.DB, docID int64) ([]SegmentView, error) {
	var out []SegmentView
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

// Document loads one document with its current segments, warnings and counts.
func (s *Store) Document(ctx context.Context, id int64) (DocumentView, error) {
	db := s.read(ctx)
	var doc Document
	if err := db.Take(&doc, id).Error; err != nil {
		return DocumentView{}, notFound(err, "document %d not found", id)
	}
	v, err := s.summary(ctx, doc)
	if err != nil {
		return DocumentView{}, err
	}
	if v.Segments, err = currentSegments(db, id); err != nil {
		return DocumentView{}, err
	}
	var rev Revision
	if err := db.Where("document_id = ? AND number = ?", id, doc.Revision).Take(&rev).Error; err != nil {
		return DocumentView{}, fmt.Errorf("load revision of document %d: %w", id, err)
	}
	v.Warnings = []segment.Warning{}
	if rev.Warnings != "" {
		if err := json.Unmarshal([]byte(rev.Warnings), &v.Warnings); err != nil {
			return DocumentView{}, fmt.Errorf("read warnings of document %d: %w", id, err)
		}
	}
	return v, nil
}

// Documents lists every document, newest first, with counts per language and state.
func (s *Store) Documents(ctx context.Context) ([]DocumentView, error) {
	var docs []Document
	if err := s.read(ctx).Order("id DESC").Find(&docs).Error; err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	out := make([]DocumentView, 0, len(docs))
	for _, d := range docs {
		v, err := s.summary(ctx, d)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// summary fills a document's counts per target language and state.
func (s *Store) summary(ctx context.Context, doc Document) (DocumentView, error) {
	db := s.read(ctx)
	var total int64
	err := db.Table("revision_segments AS rs").
		Joins("JOIN revisions r ON r.id = rs.revision_id").
		Where("r.document_id = ? AND r.number = ?", doc.ID, doc.Revision).Count(&total).Error
	if err != nil {
		return DocumentView{}, fmt.Errorf("count segments of document %d: %w", doc.ID, err)
	}
	var rows []struct {
		Lang  string
		State string
		N     int
	}
	err = db.Table("revision_segments AS rs").
		Select("t.lang AS lang, t.state AS state, COUNT(*) AS n").
		Joins("JOIN revisions r ON r.id = rs.revision_id").
		Joins("JOIN translations t ON t.segment_id = rs.segment_id").
		Where("r.document_id = ? AND r.number = ?", doc.ID, doc.Revision).
		Group("t.lang, t.state").Scan(&rows).Error
	if err != nil {
		return DocumentView{}, fmt.Errorf("count states of document %d: %w", doc.ID, err)
	}
	langs, err := s.TargetLanguages(ctx)
	if err != nil {
		return DocumentView{}, err
	}
	counts := make(map[string]map[workflow.State]int, len(langs))
	for _, l := range langs {
		m := make(map[workflow.State]int, 5)
		for _, st := range workflow.States() {
			m[st] = 0
		}
		m[workflow.Untranslated] = int(total)
		counts[l.Tag] = m
	}
	for _, r := range rows {
		m, ok := counts[r.Lang]
		if !ok {
			continue
		}
		m[workflow.State(r.State)] += r.N
		m[workflow.Untranslated] -= r.N
	}
	return DocumentView{ID: doc.ID, Title: doc.Title, Revision: doc.Revision, CreatedAt: doc.CreatedAt, Counts: counts}, nil
}
