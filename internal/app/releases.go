package app

import (
	"context"
	"time"

	"tilmash/internal/record"
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

func releaseView(r record.Release, names map[int64]string) ReleaseView {
	v := ReleaseView{ID: r.ID, DocumentID: r.DocumentID, Lang: r.Lang, Number: r.Number, Revision: r.Revision,
		Title: r.Title, Headline: r.Headline, PublishedBy: names[r.PublishedBy], PublishedAt: r.PublishedAt, Partial: r.Partial,
		Reason: r.Reason, Missing: r.Missing}
	if r.WithdrawnAt != nil {
		v.Withdrawn = &Withdrawal{At: *r.WithdrawnAt, By: names[r.WithdrawnBy], Reason: r.WithdrawReason}
	}
	return v
}

// releaseViews describes releases with their people's names.
func (a *App) releaseViews(ctx context.Context, rs []record.Release) ([]ReleaseView, error) {
	ids := make([]int64, 0, 2*len(rs))
	for _, r := range rs {
		ids = append(ids, r.PublishedBy)
		if r.WithdrawnAt != nil {
			ids = append(ids, r.WithdrawnBy)
		}
	}
	names := map[int64]string{}
	if len(ids) > 0 {
		var err error
		if names, err = a.db.NamesOf(ctx, ids); err != nil {
			return nil, err
		}
	}
	out := make([]ReleaseView, len(rs))
	for i, r := range rs {
		out[i] = releaseView(r, names)
	}
	return out, nil
}

func (a *App) releaseOne(ctx context.Context, r record.Release) (ReleaseView, error) {
	vs, err := a.releaseViews(ctx, []record.Release{r})
	if err != nil {
		return ReleaseView{}, err
	}
	return vs[0], nil
}

// Releases lists a document's releases, newest first, withdrawn ones included.
func (a *App) Releases(ctx context.Context, docID int64) ([]ReleaseView, error) {
	if _, err := a.db.Document(ctx, docID); err != nil {
		return nil, err
	}
	rs, err := a.db.Releases(ctx, docID)
	if err != nil {
		return nil, err
	}
	return a.releaseViews(ctx, rs)
}

// Release describes one release by its id.
func (a *App) Release(ctx context.Context, id int64) (ReleaseView, error) {
	r, err := a.db.Release(ctx, id)
	if err != nil {
		return ReleaseView{}, err
	}
	return a.releaseOne(ctx, r)
}

// ReleaseByNumber loads release number of a document in a language with its
// text, withdrawn or not (the caller shows a withdrawn one as gone). Number 0
// means the latest live release, or the newest withdrawn one when every
// release of the language was withdrawn.
func (a *App) ReleaseByNumber(ctx context.Context, docID int64, lang string, number int) (ReleaseContent, error) {
	r, err := a.db.ReleaseNumbered(ctx, docID, lang, number)
	if err != nil {
		return ReleaseContent{}, err
	}
	out, err := a.releaseContent(ctx, r)
	if err != nil {
		return ReleaseContent{}, err
	}
	if out.LatestLive, err = a.db.LatestLiveNumber(ctx, docID, lang); err != nil {
		return ReleaseContent{}, err
	}
	return out, nil
}

// releaseContent loads a release's text.
func (a *App) releaseContent(ctx context.Context, r record.Release) (ReleaseContent, error) {
	rows, err := a.db.ReleaseText(ctx, r.ID)
	if err != nil {
		return ReleaseContent{}, err
	}
	v, err := a.releaseOne(ctx, r)
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

// LiveReleases loads the latest live release of a document in each
// language, in the catalogue's language order.
func (a *App) LiveReleases(ctx context.Context, docID int64) ([]ReleaseContent, error) {
	rs, err := a.db.LiveReleases(ctx, docID)
	if err != nil {
		return nil, err
	}
	out := make([]ReleaseContent, len(rs))
	for i, r := range rs {
		if out[i], err = a.releaseContent(ctx, r); err != nil {
			return nil, err
		}
		out[i].LatestLive = r.Number
	}
	return out, nil
}

// PublishedLanguages lists the languages that have a live release of a document.
func (a *App) PublishedLanguages(ctx context.Context, docID int64) ([]string, error) {
	return a.db.PublishedLanguages(ctx, docID)
}

// FeedReleases lists the newest releases in a language, of one document
// (docID > 0) or of all, newest change first (a withdrawal counts as a change).
func (a *App) FeedReleases(ctx context.Context, lang string, docID int64, limit int) ([]ReleaseView, error) {
	rs, err := a.db.FeedReleases(ctx, lang, docID, limit)
	if err != nil {
		return nil, err
	}
	return a.releaseViews(ctx, rs)
}

// LatestReleases maps document id → language → the newest release that is
// not withdrawn, for the documents of a page of the workspace's dashboard.
func (a *App) LatestReleases(ctx context.Context, docIDs []int64) (map[int64]map[string]ReleaseView, error) {
	rs, err := a.db.LatestLive(ctx, docIDs)
	if err != nil {
		return nil, err
	}
	views, err := a.releaseViews(ctx, rs)
	if err != nil {
		return nil, err
	}
	out := map[int64]map[string]ReleaseView{}
	for _, v := range views {
		if out[v.DocumentID] == nil {
			out[v.DocumentID] = map[string]ReleaseView{}
		}
		out[v.DocumentID][v.Lang] = v
	}
	return out, nil
}
