package store

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"tilmash/internal/record"
)

func releaseRecord(r Release) record.Release {
	return record.Release{ID: r.ID, DocumentID: r.DocumentID, Lang: r.Lang, Number: r.Number, Revision: r.Revision,
		Title: r.Title, Headline: r.Headline, PublishedBy: r.PublishedBy, PublishedAt: r.PublishedAt, Partial: r.Partial,
		Reason: r.Reason, Missing: r.Missing, WithdrawnAt: r.WithdrawnAt, WithdrawnBy: r.WithdrawnBy, WithdrawReason: r.WithdrawReason}
}

func releaseRecords(rs []Release) []record.Release {
	out := make([]record.Release, len(rs))
	for i, r := range rs {
		out[i] = releaseRecord(r)
	}
	return out
}

func loadRelease(db *gorm.DB, id int64) (record.Release, error) {
	var r Release
	if err := db.Take(&r, id).Error; err != nil {
		return record.Release{}, notFound(err, "release %d not found", id)
	}
	return releaseRecord(r), nil
}

func releaseText(db *gorm.DB, releaseID int64) ([]record.ReleaseSegment, error) {
	var rows []ReleaseSegment
	if err := db.Where("release_id = ?", releaseID).Order("ordinal").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("load release %d: %w", releaseID, err)
	}
	out := make([]record.ReleaseSegment, len(rows))
	for i, x := range rows {
		out[i] = record.ReleaseSegment{ReleaseID: x.ReleaseID, Ordinal: x.Ordinal, SegmentID: x.SegmentID, Paragraph: x.Paragraph,
			Position: x.Position, Source: x.Source, Text: x.Text, Lang: x.Lang, Version: x.Version}
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

// Releases lists a document's releases, newest first, withdrawn ones included.
func (s *Store) Releases(ctx context.Context, docID int64) ([]record.Release, error) {
	var rs []Release
	if err := s.read(ctx).Where("document_id = ?", docID).Order("published_at DESC, id DESC").Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list releases of document %d: %w", docID, err)
	}
	return releaseRecords(rs), nil
}

// Release loads one release.
func (s *Store) Release(ctx context.Context, id int64) (record.Release, error) {
	return loadRelease(s.read(ctx), id)
}

// ReleaseNumbered loads release number of a document in a language; 0 is
// the latest live one, or the newest withdrawn one when none is live.
func (s *Store) ReleaseNumbered(ctx context.Context, docID int64, lang string, number int) (record.Release, error) {
	q := s.read(ctx).Where("document_id = ? AND lang = ?", docID, lang)
	if number > 0 {
		q = q.Where("number = ?", number)
	} else {
		q = q.Order("withdrawn_at IS NOT NULL") // live releases first, then the newest
	}
	var r Release
	if err := q.Order("number DESC").Take(&r).Error; err != nil {
		if number == 0 {
			return record.Release{}, notFound(err, "document %d has no release in %s", docID, lang)
		}
		return record.Release{}, notFound(err, "document %d has no release %d in %s", docID, number, lang)
	}
	return releaseRecord(r), nil
}

// ReleaseText loads the segments a release took, in order.
func (s *Store) ReleaseText(ctx context.Context, releaseID int64) ([]record.ReleaseSegment, error) {
	return releaseText(s.read(ctx), releaseID)
}

// LatestLiveNumber is the number of the newest live release of a document in a language, 0 if none.
func (s *Store) LatestLiveNumber(ctx context.Context, docID int64, lang string) (int, error) {
	return latestLive(s.read(ctx), docID, lang)
}

// LiveReleases lists the latest live release of a document in each
// language, in the catalogue's language order.
func (s *Store) LiveReleases(ctx context.Context, docID int64) ([]record.Release, error) {
	var rs []Release
	err := s.read(ctx).Table("releases AS r").Select("r.*").
		Joins("JOIN languages l ON l.tag = r.lang").
		Where("r.document_id = ? AND r.withdrawn_at IS NULL", docID).
		Where("r.number = (SELECT MAX(x.number) FROM releases x WHERE x.document_id = r.document_id AND x.lang = r.lang AND x.withdrawn_at IS NULL)").
		Order("l.ordinal, r.lang").Find(&rs).Error
	if err != nil {
		return nil, fmt.Errorf("list the latest releases of document %d: %w", docID, err)
	}
	return releaseRecords(rs), nil
}

// LatestLive lists the newest live release of each of the documents ×
// language: a page of a list asks for its own documents only.
func (s *Store) LatestLive(ctx context.Context, docIDs []int64) ([]record.Release, error) {
	if len(docIDs) == 0 {
		return []record.Release{}, nil
	}
	var rs []Release
	err := s.read(ctx).Raw(`SELECT r.* FROM releases r
		JOIN (SELECT document_id, lang, MAX(number) AS number FROM releases
			WHERE withdrawn_at IS NULL AND document_id IN ? GROUP BY document_id, lang) m
		ON m.document_id = r.document_id AND m.lang = r.lang AND m.number = r.number`, docIDs).Scan(&rs).Error
	if err != nil {
		return nil, fmt.Errorf("list latest releases: %w", err)
	}
	return releaseRecords(rs), nil
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
// (docID > 0) or of all, newest change first.
func (s *Store) FeedReleases(ctx context.Context, lang string, docID int64, limit int) ([]record.Release, error) {
	q := s.read(ctx).Where("lang = ?", lang)
	if docID > 0 {
		q = q.Where("document_id = ?", docID)
	}
	var rs []Release
	if err := q.Order("COALESCE(withdrawn_at, published_at) DESC, id DESC").Limit(limit).Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list releases in %s: %w", lang, err)
	}
	return releaseRecords(rs), nil
}

// DerivedFrom maps each of ids that derives from another segment to it.
func (s *Store) DerivedFrom(ctx context.Context, ids []int64) (map[int64]int64, error) {
	var segs []Segment
	if err := s.read(ctx).Select("id, derived_from_id").Where("id IN ? AND derived_from_id IS NOT NULL", ids).Find(&segs).Error; err != nil {
		return nil, fmt.Errorf("load segment ancestry: %w", err)
	}
	out := make(map[int64]int64, len(segs))
	for _, sg := range segs {
		out[sg.ID] = *sg.DerivedFromID
	}
	return out, nil
}

// NamesOf maps user ids to names.
func (s *Store) NamesOf(ctx context.Context, ids []int64) (map[int64]string, error) {
	return namesOf(s.read(ctx), ids)
}

// NamesOf maps user ids to names.
func (t *Tx) NamesOf(ids []int64) (map[int64]string, error) { return namesOf(t.db, ids) }

func namesOf(db *gorm.DB, ids []int64) (map[int64]string, error) {
	var us []User
	if err := db.Select("id, name").Where("id IN ?", ids).Find(&us).Error; err != nil {
		return nil, fmt.Errorf("load the names of users: %w", err)
	}
	names := make(map[int64]string, len(us))
	for _, u := range us {
		names[u.ID] = u.Name
	}
	return names, nil
}

// TranslationsOf loads the translations of segments in languages.
func (t *Tx) TranslationsOf(segIDs []int64, langs []string) ([]record.Translation, error) {
	var trs []Translation
	if err := t.db.Where("segment_id IN ? AND lang IN ?", segIDs, langs).Find(&trs).Error; err != nil {
		return nil, fmt.Errorf("load translations: %w", err)
	}
	out := make([]record.Translation, len(trs))
	for i, tr := range trs {
		out[i] = translationRecord(tr)
	}
	return out, nil
}

// LiveRelease loads the newest live release of a document in a language.
func (t *Tx) LiveRelease(docID int64, lang string) (record.Release, bool, error) {
	var rs []Release
	if err := t.db.Where("document_id = ? AND lang = ? AND withdrawn_at IS NULL", docID, lang).Order("number DESC").
		Limit(1).Find(&rs).Error; err != nil {
		return record.Release{}, false, fmt.Errorf("find the latest release of document %d in %s: %w", docID, lang, err)
	}
	if len(rs) == 0 {
		return record.Release{}, false, nil
	}
	return releaseRecord(rs[0]), true, nil
}

// ReleasedText loads the segments a release took, in order.
func (t *Tx) ReleasedText(releaseID int64) ([]record.ReleaseSegment, error) {
	return releaseText(t.db, releaseID)
}

// LastReleaseNumber is the highest release number of a document in a language, 0 if none.
func (t *Tx) LastReleaseNumber(docID int64, lang string) (int, error) {
	var last struct{ N int }
	if err := t.db.Model(&Release{}).Select("COALESCE(MAX(number), 0) AS n").
		Where("document_id = ? AND lang = ?", docID, lang).Scan(&last).Error; err != nil {
		return 0, fmt.Errorf("number the release in %s: %w", lang, err)
	}
	return last.N, nil
}

// InsertRelease writes a release and its text, setting the release's id.
func (t *Tx) InsertRelease(r *record.Release, text []record.ReleaseSegment) error {
	row := Release{DocumentID: r.DocumentID, Lang: r.Lang, Number: r.Number, Revision: r.Revision, Title: r.Title,
		Headline: r.Headline, PublishedBy: r.PublishedBy, PublishedAt: r.PublishedAt, Partial: r.Partial, Reason: r.Reason,
		Missing: r.Missing}
	if err := t.db.Create(&row).Error; err != nil {
		return err
	}
	r.ID = row.ID
	rows := make([]ReleaseSegment, len(text))
	for i, x := range text {
		rows[i] = ReleaseSegment{ReleaseID: row.ID, Ordinal: x.Ordinal, SegmentID: x.SegmentID, Paragraph: x.Paragraph,
			Position: x.Position, Source: x.Source, Text: x.Text, Lang: x.Lang, Version: x.Version}
	}
	if len(rows) == 0 {
		return nil
	}
	if err := t.db.CreateInBatches(rows, 200).Error; err != nil {
		return fmt.Errorf("store the text: %w", err)
	}
	return nil
}

// LockRelease loads a release to change it.
func (t *Tx) LockRelease(id int64) (record.Release, error) { return loadRelease(t.db, id) }

// WithdrawRelease marks a live release withdrawn; false when it was not live.
func (t *Tx) WithdrawRelease(id int64, w record.Withdrawal) (bool, error) {
	res := t.db.Model(&Release{}).Where("id = ? AND withdrawn_at IS NULL", id).
		Updates(map[string]any{"withdrawn_at": w.At, "withdrawn_by": w.By, "withdraw_reason": w.Reason})
	if res.Error != nil {
		return false, fmt.Errorf("withdraw release %d: %w", id, res.Error)
	}
	return res.RowsAffected == 1, nil
}
