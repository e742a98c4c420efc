package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Withdrawal says who withdrew a release, when and why.
type Withdrawal struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Reason string    `json:"reason"`
}

// ReleaseView describes a release without its text.
type ReleaseView struct {
	ID          int64       `json:"id"`
	DocumentID  int64       `json:"document"`
	Lang        string      `json:"lang"`
	Number      int         `json:"number"`
	Revision    int         `json:"revision"`
	Title       string      `json:"title"`              // the document's title, in the source language
	Headline    string      `json:"headline,omitempty"` // the released headline, in the release's language
	PublishedBy string      `json:"published_by"`
	PublishedAt time.Time   `json:"published_at"`
	Partial     bool        `json:"partial"`
	Reason      string      `json:"reason,omitempty"`  // the waiver of a partial release
	Missing     int         `json:"missing,omitempty"` // segments shown in the source language
	Withdrawn   *Withdrawal `json:"withdrawn,omitempty"`
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
	// LatestLive is the number of the newest release of the same document
	// and language that is not withdrawn; 0 when there is none.
	LatestLive int
}

func releaseView(r Release, names map[int64]string) ReleaseView {
	v := ReleaseView{ID: r.ID, DocumentID: r.DocumentID, Lang: r.Lang, Number: r.Number, Revision: r.Revision,
		Title: r.Title, Headline: r.Headline, PublishedBy: names[r.PublishedBy], PublishedAt: r.PublishedAt, Partial: r.Partial,
		Reason: r.Reason, Missing: r.Missing}
	if r.WithdrawnAt != nil {
		v.Withdrawn = &Withdrawal{At: *r.WithdrawnAt, By: names[r.WithdrawnBy], Reason: r.WithdrawReason}
	}
	return v
}

// releaseViews describes releases with their people's names.
func (s *Store) releaseViews(ctx context.Context, rs []Release) ([]ReleaseView, error) {
	ids := make([]int64, 0, 2*len(rs))
	for _, r := range rs {
		ids = append(ids, r.PublishedBy)
		if r.WithdrawnAt != nil {
			ids = append(ids, r.WithdrawnBy)
		}
	}
	names := map[int64]string{}
	if len(ids) > 0 {
		var us []User
		if err := s.read(ctx).Select("id, name").Where("id IN ?", ids).Find(&us).Error; err != nil {
			return nil, fmt.Errorf("load the names of publishers: %w", err)
		}
		for _, u := range us {
			names[u.ID] = u.Name
		}
	}
	out := make([]ReleaseView, len(rs))
	for i, r := range rs {
		out[i] = releaseView(r, names)
	}
	return out, nil
}

func (s *Store) releaseOne(ctx context.Context, r Release) (ReleaseView, error) {
	vs, err := s.releaseViews(ctx, []Release{r})
	if err != nil {
		return ReleaseView{}, err
	}
	return vs[0], nil
}

// Releases lists a document's releases, newest first, withdrawn ones included.
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
	return s.releaseViews(ctx, rs)
}

// Release describes one release by its id.
func (s *Store) Release(ctx context.Context, id int64) (ReleaseView, error) {
	var r Release
	if err := s.read(ctx).Take(&r, id).Error; err != nil {
		return ReleaseView{}, notFound(err, "release %d not found", id)
	}
	return s.releaseOne(ctx, r)
}

// ReleaseByNumber loads release number of a document in a language with its
// text, withdrawn or not (the caller shows a withdrawn one as gone). Number 0
// means the latest live release, or the newest withdrawn one when every
// release of the language was withdrawn.
func (s *Store) ReleaseByNumber(ctx context.Context, docID int64, lang string, number int) (ReleaseContent, error) {
	db := s.read(ctx)
	q := db.Where("document_id = ? AND lang = ?", docID, lang)
	if number > 0 {
		q = q.Where("number = ?", number)
	} else {
		// Live releases first, then the newest.
		q = q.Order("withdrawn_at IS NOT NULL")
	}
	var r Release
	if err := q.Order("number DESC").Take(&r).Error; err != nil {
		if number == 0 {
			return ReleaseContent{}, notFound(err, "document %d has no release in %s", docID, lang)
		}
		return ReleaseContent{}, notFound(err, "document %d has no release %d in %s", docID, number, lang)
	}
	out, err := s.releaseContent(ctx, r)
	if err != nil {
		return ReleaseContent{}, err
	}
	if out.LatestLive, err = latestLive(db, docID, lang); err != nil {
		return ReleaseContent{}, err
	}
	return out, nil
}

// releaseContent loads a release's text.
func (s *Store) releaseContent(ctx context.Context, r Release) (ReleaseContent, error) {
	var rows []ReleaseSegment
	if err := s.read(ctx).Where("release_id = ?", r.ID).Order("ordinal").Find(&rows).Error; err != nil {
		return ReleaseContent{}, fmt.Errorf("load release %d: %w", r.ID, err)
	}
	v, err := s.releaseOne(ctx, r)
	if err != nil {
		return ReleaseContent{}, err
	}
	out := ReleaseContent{ReleaseView: v, Segments: make([]ReleaseText, len(rows))}
	for i, x := range rows {
		out.Segments[i] = ReleaseText{SegmentID: x.SegmentID, Paragraph: x.Paragraph, Position: x.Position,
			Source: x.Source, Text: x.Text, Lang: x.Lang, Version: x.Version}
	}
	return out, nil
}

// latestLive is the number of the newest live release of a document in a language, 0 if none.
func latestLive(db *gorm.DB, docID int64, lang string) (int, error) {
	var r Release
	err := db.Select("number").Where("document_id = ? AND lang = ? AND withdrawn_at IS NULL", docID, lang).
		Order("number DESC").Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find the latest release of document %d in %s: %w", docID, lang, err)
	}
	return r.Number, nil
}

// LiveReleases loads the latest live release of a document in each
// language, in the catalogue's language order.
func (s *Store) LiveReleases(ctx context.Context, docID int64) ([]ReleaseContent, error) {
	var rs []Release
	err := s.read(ctx).Table("releases AS r").Select("r.*").
		Joins("JOIN languages l ON l.tag = r.lang").
		Where("r.document_id = ? AND r.withdrawn_at IS NULL", docID).
		Where("r.number = (SELECT MAX(x.number) FROM releases x WHERE x.document_id = r.document_id AND x.lang = r.lang AND x.withdrawn_at IS NULL)").
		Order("l.ordinal, r.lang").Find(&rs).Error
	if err != nil {
		return nil, fmt.Errorf("list the latest releases of document %d: %w", docID, err)
	}
	out := make([]ReleaseContent, len(rs))
	for i, r := range rs {
		if out[i], err = s.releaseContent(ctx, r); err != nil {
			return nil, err
		}
		out[i].LatestLive = r.Number
	}
	return out, nil
}

// PublishedLanguages lists the languages that have a live release of a document.
func (s *Store) PublishedLanguages(ctx context.Context, docID int64) ([]string, error) {
	var langs []string
	err := s.read(ctx).Model(&Release{}).Distinct("lang").Where("document_id = ? AND withdrawn_at IS NULL", docID).
		Order("lang").Pluck("lang", &langs).Error
	if err != nil {
		return nil, fmt.Errorf("list published languages of document %d: %w", docID, err)
	}
	return langs, nil
}

// FeedReleases lists the newest releases in a language, of one document
// (docID > 0) or of all, newest change first (a withdrawal counts as a change).
func (s *Store) FeedReleases(ctx context.Context, lang string, docID int64, limit int) ([]ReleaseView, error) {
	q := s.read(ctx).Where("lang = ?", lang)
	if docID > 0 {
		q = q.Where("document_id = ?", docID)
	}
	var rs []Release
	if err := q.Order("COALESCE(withdrawn_at, published_at) DESC, id DESC").Limit(limit).Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list releases in %s: %w", lang, err)
	}
	return s.releaseViews(ctx, rs)
}

// releaseByID loads a release row inside a transaction.
func releaseByID(tx *gorm.DB, id int64) (Release, error) {
	var r Release
	if err := tx.Take(&r, id).Error; err != nil {
		return Release{}, notFound(err, "release %d not found", id)
	}
	return r, nil
}
