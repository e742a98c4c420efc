package app

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
	"tilmash/internal/xmltext"
)

// CommentView is a comment as the API and the pages show it. Lang "" is a
// comment about the Russian source, for every language.
type CommentView struct {
	ID         int64      `json:"id"`
	Segment    int64      `json:"segment"`
	Lang       string     `json:"lang"`
	Author     string     `json:"author"`
	Text       string     `json:"text"`
	Created    time.Time  `json:"created"`
	Resolved   bool       `json:"resolved"`
	ResolvedBy string     `json:"resolved_by,omitempty"`
	ResolvedAt *time.Time `json:"resolved_at,omitempty"`
}

// commentLangs are the languages whose comments concern lang: its own and
// those about the source. An empty lang is every language (nil).
func (a *App) commentLangs(ctx context.Context, lang string) ([]string, string, error) {
	if lang == "" {
		return nil, "", nil
	}
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, "", err
	}
	return []string{l.Tag, ""}, l.Tag, nil
}

// Comments lists the comments on a segment and the segments it derives from
// (the sentence before a source change), oldest first: those of lang and
// those about the source, or of every language when lang is "".
func (a *App) Comments(ctx context.Context, segID int64, lang string) ([]CommentView, error) {
	langs, _, err := a.commentLangs(ctx, lang)
	if err != nil {
		return nil, err
	}
	ids, err := a.db.Lineage(ctx, segID)
	if err != nil {
		return nil, err
	}
	cs, err := a.db.Comments(ctx, ids, langs)
	if err != nil {
		return nil, err
	}
	return a.commentViews(ctx, cs)
}

// CommentsOf groups by segment the comments of lang (and those about the
// source) on the segments a page shows.
func (a *App) CommentsOf(ctx context.Context, segIDs []int64, lang string) (map[int64][]CommentView, error) {
	langs, _, err := a.commentLangs(ctx, lang)
	if err != nil {
		return nil, err
	}
	cs, err := a.db.Comments(ctx, segIDs, langs)
	if err != nil {
		return nil, err
	}
	vs, err := a.commentViews(ctx, cs)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]CommentView, len(vs))
	for _, v := range vs {
		out[v.Segment] = append(out[v.Segment], v)
	}
	return out, nil
}

// OpenComments counts the unresolved comments per document and language of
// docIDs; a comment about the source counts in every language of langs.
func (a *App) OpenComments(ctx context.Context, docIDs []int64, langs []string) (map[int64]map[string]int, error) {
	raw, err := a.db.OpenComments(ctx, docIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]map[string]int, len(raw))
	for doc, per := range raw {
		m := map[string]int{}
		for _, l := range langs {
			if n := per[l] + per[""]; n > 0 {
				m[l] = n
			}
		}
		out[doc] = m
	}
	return out, nil
}

// CommentedSegments is the set of a document's segments with unresolved
// comments in lang or about the source: the editor's "open comments" filter.
func (a *App) CommentedSegments(ctx context.Context, docID int64, lang string) (map[int64]bool, error) {
	langs, _, err := a.commentLangs(ctx, lang)
	if err != nil {
		return nil, err
	}
	ids, err := a.db.CommentedSegments(ctx, docID, langs)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// AddComment stores a comment on a segment of a document's current revision
// in lang ("" for one about the source), and records it in the segment's
// history, in one transaction.
func (a *App) AddComment(ctx context.Context, actor workflow.Actor, segID int64, lang, text string) (CommentView, error) {
	tag := ""
	if lang != "" {
		_, t, err := a.commentLangs(ctx, lang)
		if err != nil {
			return CommentView{}, err
		}
		tag = t
	}
	text = cleanText(text)
	if text == "" {
		return CommentView{}, apperr.New(apperr.Invalid, "the comment is empty")
	}
	if n := utf8.RuneCountInString(text); n > limits.CommentRunes {
		return CommentView{}, apperr.New(apperr.Invalid, "the comment is %d characters long; the limit is %d", n, limits.CommentRunes).
			With("length", n).With("limit", limits.CommentRunes)
	}
	if err := xmltext.Check(fmt.Sprintf("the comment on segment %d", segID), text); err != nil {
		return CommentView{}, err
	}
	if err := workflow.MayComment(actor, tag); err != nil {
		return CommentView{}, err
	}
	c := record.Comment{SegmentID: segID, Lang: tag, AuthorID: actor.ID, Text: text, CreatedAt: a.now()}
	err := a.db.Write(ctx, func(tx Tx) error {
		p, err := tx.PlaceOf(segID, tag)
		if err != nil {
			return err
		}
		c.DocumentID = p.Segment.DocumentID
		if err := tx.InsertComment(&c); err != nil {
			return err
		}
		return tx.InsertEvent(commentEvent(p, workflow.ActionComment, actor.ID, text, c.CreatedAt))
	})
	if err != nil {
		return CommentView{}, err
	}
	return CommentView{ID: c.ID, Segment: segID, Lang: tag, Author: actor.Name, Text: text, Created: c.CreatedAt}, nil
}

// ResolveComment marks a comment answered, once, and records it in the
// segment's history.
func (a *App) ResolveComment(ctx context.Context, actor workflow.Actor, id int64) (CommentView, error) {
	var c record.Comment
	err := a.db.Write(ctx, func(tx Tx) error {
		var err error
		if c, err = tx.CommentByID(id); err != nil {
			return err
		}
		if err := workflow.MayResolve(actor, c.Lang, c.AuthorID); err != nil {
			return err
		}
		now := a.now()
		if err := tx.ResolveComment(id, actor.ID, now); err != nil {
			return err
		}
		c.ResolvedBy, c.ResolvedAt = actor.ID, &now
		// The history of a segment that left the current revision keeps its
		// comment, resolved or not: only a current one gets the event.
		p, err := tx.PlaceOf(c.SegmentID, c.Lang)
		if apperr.CodeOf(err) == apperr.Conflict {
			return nil
		}
		if err != nil {
			return err
		}
		return tx.InsertEvent(commentEvent(p, workflow.ActionResolve, actor.ID, c.Text, now))
	})
	if err != nil {
		return CommentView{}, err
	}
	vs, err := a.commentViews(ctx, []record.Comment{c})
	if err != nil {
		return CommentView{}, err
	}
	return vs[0], nil
}

// commentEvent is a comment's entry in the history: the translation's state
// and version stay as they are.
func commentEvent(p record.Place, action workflow.Action, actor int64, text string, at time.Time) record.Event {
	st := p.Translation.State
	if st == "" {
		st = string(workflow.Untranslated)
	}
	return record.Event{SegmentID: p.Segment.ID, Lang: p.Translation.Lang, ActorID: actor, Action: string(action),
		FromState: st, ToState: st, Version: p.Translation.Version, Comment: text, At: at}
}

func (a *App) commentViews(ctx context.Context, cs []record.Comment) ([]CommentView, error) {
	out := make([]CommentView, 0, len(cs))
	if len(cs) == 0 {
		return out, nil
	}
	var ids []int64
	for _, c := range cs {
		ids = append(ids, c.AuthorID, c.ResolvedBy)
	}
	names, err := a.db.NamesOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		v := CommentView{ID: c.ID, Segment: c.SegmentID, Lang: c.Lang, Author: names[c.AuthorID], Text: c.Text,
			Created: c.CreatedAt, Resolved: c.ResolvedAt != nil, ResolvedAt: c.ResolvedAt}
		if v.Resolved {
			v.ResolvedBy = names[c.ResolvedBy]
		}
		out = append(out, v)
	}
	return out, nil
}
