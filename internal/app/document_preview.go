package app

import (
	"context"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
	"tilmash/internal/segment"
	"tilmash/internal/workflow"
)

// RevisionPreview is what a revision would do, worked out by the same plan
// the revision then follows.
type RevisionPreview struct {
	Document     int64 `json:"document"`
	BaseRevision int   `json:"base_revision"` // the revision previewed against; send it back to revise
	Unchanged    bool  `json:"unchanged"`     // the text is the current one: no revision
	Segments     int   `json:"segments"`      // in the new revision
	Kept         int   `json:"kept"`
	Changed      int   `json:"changed"`
	Added        int   `json:"added"`
	Restored     int   `json:"restored"` // sentences an earlier revision had, back with their translations
	Removed      int   `json:"removed"`  // current segments with no successor
	// Outdated counts, per language, the translations the revision makes outdated.
	Outdated map[string]int `json:"outdated"`
	// RestoredTranslations counts, per language, the translations that come back.
	RestoredTranslations map[string]int `json:"restored_translations"`
}

func (p revisionPlan) preview(docID int64, base int) RevisionPreview {
	v := RevisionPreview{Document: docID, BaseRevision: base, Segments: len(p.Segments), Removed: p.Removed,
		Outdated: map[string]int{}, RestoredTranslations: map[string]int{}}
	for _, s := range p.Segments {
		switch s.Kind {
		case segment.Kept:
			v.Kept++
		case segment.Changed:
			v.Changed++
		case segment.Restored:
			v.Restored++
		default:
			v.Added++
		}
		for _, c := range s.Carry {
			v.Outdated[c.Lang]++
		}
		for _, t := range s.Restore {
			v.RestoredTranslations[t.Lang]++
		}
	}
	return v
}

// PreviewRevision answers what ReviseDocument would do with text now,
// without storing anything.
func (a *App) PreviewRevision(ctx context.Context, actor workflow.Actor, docID int64, text string) (RevisionPreview, error) {
	if !actor.CanManageDocuments() {
		return RevisionPreview{}, apperr.New(apperr.Forbidden, "%s may not revise documents", actor.Name)
	}
	src, err := parseSource(text)
	if err != nil {
		return RevisionPreview{}, err
	}
	// The plan is read outside a transaction: a revision made meanwhile
	// shows as a changed revision number, and the preview is worked out again.
	for try := 0; ; try++ {
		doc, err := a.db.Document(ctx, docID)
		if err != nil {
			return RevisionPreview{}, err
		}
		p, err := a.previewOn(ctx, doc, src)
		if err != nil {
			return RevisionPreview{}, err
		}
		again, err := a.db.Document(ctx, docID)
		if err != nil {
			return RevisionPreview{}, err
		}
		if again.Revision == doc.Revision || try == 2 {
			return p, nil
		}
	}
}

// previewOn previews src against the current revision of doc.
func (a *App) previewOn(ctx context.Context, doc record.Document, src parsedSource) (RevisionPreview, error) {
	rev, err := a.db.Revision(ctx, doc.ID, doc.Revision)
	if err != nil {
		return RevisionPreview{}, err
	}
	if rev.Text == src.text {
		cur, err := a.db.CurrentSegments(ctx, doc.ID)
		if err != nil {
			return RevisionPreview{}, err
		}
		return RevisionPreview{Document: doc.ID, BaseRevision: doc.Revision, Unchanged: true, Segments: len(cur), Kept: len(cur),
			Outdated: map[string]int{}, RestoredTranslations: map[string]int{}}, nil
	}
	plan, err := planRevision(readsOf{ctx, a.db}, doc.ID, &src)
	if err != nil {
		return RevisionPreview{}, err
	}
	return plan.preview(doc.ID, doc.Revision), nil
}

// readsOf asks a Reader what planning a revision asks a transaction.
type readsOf struct {
	ctx context.Context
	db  Reader
}

func (r readsOf) PlacedSegments(docID int64) ([]record.Placed, error) {
	return r.db.CurrentSegments(r.ctx, docID)
}

func (r readsOf) EarlierSegments(docID int64) ([]record.Placed, error) {
	return r.db.EarlierSegments(r.ctx, docID)
}

func (r readsOf) SegmentTranslations(segID int64) ([]record.Translation, error) {
	return r.db.SegmentTranslations(r.ctx, segID)
}

// RevisionAuthor names the author of revision number of a document.
func (a *App) RevisionAuthor(ctx context.Context, docID int64, number int) (string, error) {
	rev, err := a.db.Revision(ctx, docID, number)
	if err != nil {
		return "", err
	}
	names, err := a.db.UserNames(ctx)
	if err != nil {
		return "", err
	}
	return names[rev.AuthorID], nil
}
