package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/workflow"
)

// ReleaseView describes a release without its text.
type ReleaseView struct {
	ID          int64     `json:"id"`
	DocumentID  int64     `json:"document"`
	Lang        string    `json:"lang"`
	Number      int       `json:"number"`
	Revision    int       `json:"revision"`
	Title       string    `json:"title"`
	PublishedBy string    `json:"published_by"`
	PublishedAt time.Time `json:"published_at"`
}

// ReleaseText is one segment as a release took it.
type ReleaseText struct {
	SegmentID int64  `json:"id"`
	Paragraph int    `json:"paragraph"`
	Position  int    `json:"position"`
	Source    string `json:"source"`
	Text      string `json:"text"`
	Lang      string `json:"lang"`
	Version   int    `json:"version"`
}

// ReleaseContent is a release with its text.
type ReleaseContent struct {
	ReleaseView
	Segments []ReleaseText
}

func (s *Store) releaseView(ctx context.Context, r Release) ReleaseView {
	v := ReleaseView{ID: r.ID, DocumentID: r.DocumentID, Lang: r.Lang, Number: r.Number, Revision: r.Revision,
		Title: r.Title, PublishedAt: r.PublishedAt}
	if a, err := s.Actor(ctx, r.PublishedBy); err == nil {
		v.PublishedBy = a.Name
	}
	return v
}

// Publish releases the approved text of a document's current revision in
// one language. While any segment is not approved it refuses with a conflict
// listing them under "unapproved".
func (s *Store) Publish(ctx context.Context, actor workflow.Actor, docID int64, lang string) (ReleaseView, error) {
	if !actor.CanPublish() {
		return ReleaseView{}, apperr.New(apperr.Forbidden, "%s may not publish", actor.Name)
	}
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return ReleaseView{}, err
	}
	var rel Release
	err = s.write(ctx, func(tx *gorm.DB) error {
		var doc Document
		if err := tx.Take(&doc, docID).Error; err != nil {
			return notFound(err, "document %d not found", docID)
		}
		segs, err := currentSegments(tx, docID)
		if err != nil {
			return err
		}
		var trs []Translation
		ids := make([]int64, len(segs))
		for i, sg := range segs {
			ids[i] = sg.ID
		}
		if err := tx.Where("segment_id IN ? AND lang = ?", ids, l.Tag).Find(&trs).Error; err != nil {
			return err
		}
		bySeg := make(map[int64]Translation, len(trs))
		for _, t := range trs {
			bySeg[t.SegmentID] = t
		}
		unapproved := []int64{}
		for _, sg := range segs {
			if bySeg[sg.ID].State != string(workflow.Approved) {
				unapproved = append(unapproved, sg.ID)
			}
		}
		if len(unapproved) > 0 {
			return apperr.New(apperr.Conflict, "%d of %d segments are not approved in %s yet", len(unapproved), len(segs), l.Tag).
				With("unapproved", unapproved)
		}
		var last struct{ N int }
		if err := tx.Model(&Release{}).Select("COALESCE(MAX(number), 0) AS n").
			Where("document_id = ? AND lang = ?", docID, l.Tag).Scan(&last).Error; err != nil {
			return err
		}
		rel = Release{DocumentID: docID, Lang: l.Tag, Number: last.N + 1, Revision: doc.Revision, Title: doc.Title,
			PublishedBy: actor.ID, PublishedAt: s.now()}
		if err := tx.Create(&rel).Error; err != nil {
			return err
		}
		rows := make([]ReleaseSegment, len(segs))
		for i, sg := range segs {
			t := bySeg[sg.ID]
			rows[i] = ReleaseSegment{ReleaseID: rel.ID, Ordinal: i, SegmentID: sg.ID, Paragraph: sg.Paragraph,
				Position: sg.Position, Source: sg.Source, Text: t.Text, Lang: l.Tag, Version: t.Version}
		}
		return tx.CreateInBatches(rows, 200).Error
	})
	if err != nil {
		return ReleaseView{}, fmt.Errorf("publish document %d in %s: %w", docID, lang, err)
	}
	return s.releaseView(ctx, rel), nil
}

// Releases lists a document's releases, newest first.
func (s *Store) Releases(ctx context.Context, docID int64) ([]ReleaseView, error) {
	db := s.read(ctx)
	var doc Document
	if err := db.Take(&doc, docID).Error; err != nil {
		return nil, notFound(err, "document %d not found", docID)
	}
	var rs []Release
	if err := db.Where("document_id = ?", docID).Order("published_at DESC, id DESC").Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list releases of document %d: %w", docID, err)
	}
	out := make([]ReleaseView, len(rs))
	for i, r := range rs {
		out[i] = s.releaseView(ctx, r)
	}
	return out, nil
}

// ReleaseByNumber loads release number of a document in a language with its
// text; number 0 means the latest.
func (s *Store) ReleaseByNumber(ctx context.Context, docID int64, lang string, number int) (ReleaseContent, error) {
	db := s.read(ctx).Where("document_id = ? AND lang = ?", docID, lang)
	if number > 0 {
		db = db.Where("number = ?", number)
	}
	var r Release
	if err := db.Order("number DESC").Take(&r).Error; err != nil {
		return ReleaseContent{}, notFound(err, "no release %d of document %d in %s", number, docID, lang)
	}
	var rows []ReleaseSegment
	if err := s.read(ctx).Where("release_id = ?", r.ID).Order("ordinal").Find(&rows).Error; err != nil {
		return ReleaseContent{}, fmt.Errorf("load release %d: %w", r.ID, err)
	}
	out := ReleaseContent{ReleaseView: s.releaseView(ctx, r), Segments: make([]ReleaseText, len(rows))}
	for i, x := range rows {
		out.Segments[i] = ReleaseText{SegmentID: x.SegmentID, Paragraph: x.Paragraph, Position: x.Position,
			Source: x.Source, Text: x.Text, Lang: x.Lang, Version: x.Version}
	}
	return out, nil
}

// PublishedLanguages lists the languages that have a release of a document.
func (s *Store) PublishedLanguages(ctx context.Context, docID int64) ([]string, error) {
	var langs []string
	err := s.read(ctx).Model(&Release{}).Distinct("lang").Where("document_id = ?", docID).Order("lang").Pluck("lang", &langs).Error
	if err != nil {
		return nil, fmt.Errorf("list published languages of document %d: %w", docID, err)
	}
	return langs, nil
}
