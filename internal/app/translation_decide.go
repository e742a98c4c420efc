package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/qa"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
	"tilmash/internal/xmltext"
)

// decision is what a use case decided on one segment × language: the
// workflow change, and the text and comment it writes.
type decision struct {
	change        workflow.Change
	text, comment string
}

// decider decides on a place inside the transaction, from what it read.
type decider func(p record.Place) (decision, error)

func current(t record.Translation) workflow.Current {
	return workflow.Current{State: workflow.State(t.State), Version: t.Version, Text: t.Text, AuthorID: t.AuthorID}
}

// act runs one workflow decision on a segment × language in one
// transaction, then answers with the translation as it now is, checked.
func (a *App) act(ctx context.Context, actor workflow.Actor, segID int64, lang string, decide decider) (TranslationView, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return TranslationView{}, err
	}
	// The glossary is read before the write: one that cannot be read fails
	// the action before anything is written, instead of after.
	if err := a.loadGlossary(ctx, l.Tag); err != nil {
		return TranslationView{}, err
	}
	var out TranslationView
	var changed []workflow.Change
	var seenAuthor int64 // who wrote the version the transaction read
	err = a.db.Write(ctx, func(tx Tx) error {
		changed = changed[:0]
		p, err := tx.PlaceOf(segID, l.Tag)
		if err != nil {
			return err
		}
		seenAuthor = p.Translation.AuthorID
		d, err := decide(p)
		if err != nil {
			return err
		}
		t := p.Translation
		if err := a.apply(tx, actor, &t, d, "", p.Segment.Source, p.Title); err != nil {
			return err
		}
		if d.change.Changed {
			changed = append(changed, d.change)
		}
		out = viewOf(p, t, !d.change.Changed)
		return nil
	})
	if err != nil {
		if apperr.CodeOf(err) == apperr.Conflict {
			a.observer.Conflict(l.Tag)
			err = a.nameConflictAuthor(ctx, err, seenAuthor)
		}
		return TranslationView{}, err
	}
	for _, ch := range changed {
		a.observer.TranslationChanged(string(ch.Action), l.Tag)
	}
	if out.Target != "" {
		if out.Checks, err = a.check(ctx, out.Source, out.Target, l.Tag); err != nil {
			return TranslationView{}, err
		}
	}
	switch {
	case out.AuthorID == actor.ID:
		out.Author = actor.Name
	case out.AuthorID != 0:
		if names, err := a.db.NamesOf(ctx, []int64{out.AuthorID}); err == nil {
			out.Author = names[out.AuthorID]
		}
	}
	return out, nil
}

// apply writes an allowed change: the translation as the action leaves it,
// its history event, and its effect on the translation memory (an approval
// enters it, anything that leaves the approved state takes it out).
func (a *App) apply(tx Tx, actor workflow.Actor, t *record.Translation, d decision, origin, source, title string) error {
	ch := d.change
	if !ch.Changed {
		return nil
	}
	now := a.now()
	from := t.Version
	t.State, t.Version, t.UpdatedAt = string(ch.To), ch.Version, now
	switch ch.Action {
	case workflow.ActionEdit:
		t.Text, t.AuthorID, t.Comment, t.Origin = d.text, actor.ID, "", origin
	case workflow.ActionReject:
		t.Comment = d.comment
	case workflow.ActionClear:
		t.Text, t.AuthorID, t.Comment, t.Origin = "", actor.ID, "", ""
	}
	if err := tx.SaveTranslation(t, from); err != nil {
		return err
	}
	ev := record.Event{SegmentID: t.SegmentID, Lang: t.Lang, ActorID: actor.ID, Action: string(ch.Action),
		FromState: string(ch.From), ToState: string(ch.To), Version: ch.Version, Text: t.Text, Comment: d.comment, At: now}
	if err := tx.InsertEvent(ev); err != nil {
		return err
	}
	if ch.From == workflow.Approved && ch.To != workflow.Approved {
		if err := tx.ForgetApproved(t.ID); err != nil {
			return err
		}
	}
	if ch.To == workflow.Approved {
		names, err := tx.NamesOf([]int64{t.AuthorID}) // only the memory's entry names the author
		if err != nil {
			return err
		}
		e := record.MemoryEntry{SourceLang: language.Source, TargetLang: t.Lang, Source: source, Target: t.Text,
			Origin: title, Author: names[t.AuthorID], TranslationID: t.ID, CreatedAt: now}
		if err := tx.RememberApproved(e); err != nil {
			return err
		}
	}
	return nil
}

// SaveTranslation stores a new target text written from version base.
func (a *App) SaveTranslation(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int, text string) (TranslationView, error) {
	text = cleanText(text)
	if err := xmltext.Check(fmt.Sprintf("the translation of segment %d", segID), text); err != nil {
		return TranslationView{}, err
	}
	v, err := a.act(ctx, actor, segID, lang, func(p record.Place) (decision, error) {
		ch, err := workflow.Edit(actor, p.Translation.Lang, current(p.Translation), base, text)
		return decision{change: ch, text: text}, err
	})
	if err == nil && !v.Unchanged {
		for _, f := range v.Checks {
			a.observer.Finding(f.ID, string(f.Severity))
		}
	}
	return v, err
}

// Approve accepts version base of a translation; blocking check findings refuse it.
func (a *App) Approve(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int) (TranslationView, error) {
	return a.ApproveWithOverride(ctx, actor, segID, lang, base, "")
}

// ApproveWithOverride accepts version base of a translation; when checks find
// errors, a reason to approve anyway is required and kept in history.
func (a *App) ApproveWithOverride(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int, override string) (TranslationView, error) {
	override = cleanText(override)
	if err := xmltext.Check("the reason to approve", override); err != nil {
		return TranslationView{}, err
	}
	return a.act(ctx, actor, segID, lang, func(p record.Place) (decision, error) {
		t := p.Translation
		findings, err := a.Check(ctx, t.Lang, p.Segment.Source, t.Text)
		if err != nil {
			return decision{}, fmt.Errorf("check before approving: %w", err)
		}
		ch, err := workflow.Approve(actor, t.Lang, current(t), base, workflow.Gate{Blocked: qa.Blocking(findings), Override: override})
		if e, ok := apperr.As(err); ok && e.Code == apperr.ChecksFailed {
			return decision{}, e.With("checks", findings)
		}
		comment := ""
		if qa.Blocking(findings) {
			comment = "approved despite failed checks: " + override
		}
		return decision{change: ch, comment: comment}, err
	})
}

// Reject returns version base of a translation to its translator with a comment.
func (a *App) Reject(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int, comment string) (TranslationView, error) {
	comment = cleanText(comment)
	if err := xmltext.Check(fmt.Sprintf("the comment on segment %d", segID), comment); err != nil {
		return TranslationView{}, err
	}
	return a.act(ctx, actor, segID, lang, func(p record.Place) (decision, error) {
		ch, err := workflow.Reject(actor, p.Translation.Lang, current(p.Translation), base, comment)
		return decision{change: ch, comment: comment}, err
	})
}

// ClearTranslation takes back the translated or rejected text of version base
// (saved into the wrong segment, say): the segment is untranslated again, with
// no text, and history records a "clear" event holding nothing. The text that
// was cleared stays in the history's earlier events.
func (a *App) ClearTranslation(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int) (TranslationView, error) {
	return a.act(ctx, actor, segID, lang, func(p record.Place) (decision, error) {
		ch, err := workflow.Clear(actor, p.Translation.Lang, current(p.Translation), base)
		return decision{change: ch}, err
	})
}

// nameConflictAuthor adds to a version conflict's "current" translation the
// name of its author, the person whose version won: the editor's header
// names them, not whoever wrote the version the loser had read.
func (a *App) nameConflictAuthor(ctx context.Context, err error, authorID int64) error {
	ae, ok := apperr.As(err)
	if !ok {
		return err
	}
	cur, ok := ae.Details["current"].(map[string]any)
	if !ok {
		return err
	}
	named := make(map[string]any, len(cur)+1)
	for k, v := range cur {
		named[k] = v
	}
	named["author"] = ""
	if authorID != 0 {
		names, nerr := a.db.NamesOf(ctx, []int64{authorID})
		if nerr != nil {
			return err // the conflict still answers, without the name
		}
		named["author"] = names[authorID]
	}
	return ae.With("current", named)
}
