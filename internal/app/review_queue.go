package app

import (
	"context"

	"tilmash/internal/apperr"
	"tilmash/internal/workflow"
)

// ReviewPageSize bounds the items one page of the review queue shows.
const ReviewPageSize = 100

// QueueItem is one translation awaiting review, with its document.
type QueueItem struct {
	TranslationView
	DocumentID int64
	Title      string
}

// ReviewQueue is one page of the translations awaiting review in a language.
type ReviewQueue struct {
	Items []QueueItem
	Total int // on every page
	Page  int // from 1, clamped to the last page
	Pages int
}

// ReviewQueue lists page (from 1; past the end means the last) of the
// translated segments of lang awaiting review, in every document (newest
// first) or in one (docID > 0), in text order, each with its checks. Only
// the page is read and checked, however long the queue.
func (a *App) ReviewQueue(ctx context.Context, lang string, docID int64, page int) (ReviewQueue, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return ReviewQueue{}, err
	}
	if docID > 0 {
		if _, err := a.db.Document(ctx, docID); err != nil {
			return ReviewQueue{}, err
		}
	}
	total, _, err := a.db.Queue(ctx, l.Tag, string(workflow.Translated), docID, 0, 0)
	if err != nil {
		return ReviewQueue{}, err
	}
	q := ReviewQueue{Total: total, Pages: max((total+ReviewPageSize-1)/ReviewPageSize, 1)}
	q.Page = min(max(page, 1), q.Pages)
	_, rows, err := a.db.Queue(ctx, l.Tag, string(workflow.Translated), docID, (q.Page-1)*ReviewPageSize, ReviewPageSize)
	if err != nil {
		return ReviewQueue{}, err
	}
	names, err := a.db.UserNames(ctx)
	if err != nil {
		return ReviewQueue{}, err
	}
	gl, err := a.glossary(ctx, l.Tag) // one matcher for the page
	if err != nil {
		return ReviewQueue{}, err
	}
	for _, r := range rows {
		sg := r.Segment
		v := TranslationView{ID: sg.ID, Paragraph: sg.Paragraph, Position: sg.Position, Source: sg.Source, Target: sg.Text,
			State: workflow.State(sg.State), Version: sg.Version, Author: names[sg.AuthorID], AuthorID: sg.AuthorID,
			Comment: sg.Comment, Origin: sg.Origin, UpdatedAt: sg.UpdatedAt}
		v.Checks = a.checkWith(gl, v.Source, v.Target, l.Tag) // a translated text is never empty
		q.Items = append(q.Items, QueueItem{TranslationView: v, DocumentID: r.DocumentID, Title: r.Title})
	}
	return q, nil
}

// Shown names a translation at the version a page showed it.
type Shown struct {
	SegmentID int64
	Version   int
}

// BulkApproval counts what "approve all shown" did: approved, and skipped
// because the text is the reviewer's own (four-eyes rule), checks found
// errors, or the text changed since the page was shown.
type BulkApproval struct {
	Approved, Own, Checks, Changed int
}

// ApproveShown approves each shown translation the actor may, one by one
// (each its own transaction, as a reviewer clicking would), and counts the
// ones skipped by workflow's reason. Any other failure stops it.
func (a *App) ApproveShown(ctx context.Context, actor workflow.Actor, lang string, shown []Shown) (BulkApproval, error) {
	var res BulkApproval
	for _, s := range shown {
		_, err := a.Approve(ctx, actor, s.SegmentID, lang, s.Version)
		if err == nil {
			res.Approved++
			continue
		}
		e, _ := apperr.As(err)
		var reason workflow.Reason
		if e != nil {
			r, _ := e.Details["reason"].(string)
			reason = workflow.Reason(r)
		}
		switch {
		case reason == workflow.ReasonOwnText:
			res.Own++
		case reason == workflow.ReasonQABlocked:
			res.Checks++
		case e != nil && e.Code == apperr.Conflict:
			res.Changed++
		default:
			return res, err
		}
	}
	return res, nil
}
