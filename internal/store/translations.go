package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/qa"
	"tilmash/internal/workflow"
)

// TranslationView is one segment of the current revision in one language.
type TranslationView struct {
	ID             int64          `json:"id"`
	Paragraph      int            `json:"paragraph,omitempty"` // 0: not in the current revision
	Position       int            `json:"position,omitempty"`
	Source         string         `json:"source"`
	Target         string         `json:"target"`
	State          workflow.State `json:"state"`
	Version        int            `json:"version"`
	Author         string         `json:"author"`
	AuthorID       int64          `json:"-"`
	Comment        string         `json:"comment,omitempty"`
	PreviousSource string         `json:"previous_source,omitempty"`
	Origin         string         `json:"origin,omitempty"`
	UpdatedAt      *time.Time     `json:"updated_at,omitempty"`
	Unchanged      bool           `json:"unchanged,omitempty"` // a save of the same text changed nothing
	Checks         []qa.Finding   `json:"checks"`
}

// TranslationList is a document in one language.
type TranslationList struct {
	DocumentID int64             `json:"document"`
	Title      string            `json:"title"`
	Revision   int               `json:"revision"`
	Lang       string            `json:"lang"`
	Direction  string            `json:"dir"`
	Segments   []TranslationView `json:"segments"`
}

type translationRow struct {
	ID            int64
	Paragraph     int
	Position      int
	Source        string
	DerivedFromID *int64
	Text          *string
	State         *string
	Version       *int
	AuthorID      *int64
	Comment       *string
	Origin        *string
	UpdatedAt     *time.Time
}

func (r translationRow) view(names map[int64]string) TranslationView {
	v := TranslationView{ID: r.ID, Paragraph: r.Paragraph, Position: r.Position, Source: r.Source, State: workflow.Untranslated}
	if r.State != nil {
		v.Target, v.State, v.Version = *r.Text, workflow.State(*r.State), *r.Version
		v.AuthorID, v.Comment, v.Origin, v.UpdatedAt = *r.AuthorID, *r.Comment, *r.Origin, r.UpdatedAt
		v.Author = names[v.AuthorID]
	}
	return v
}

// Translations lists the current revision of a document in one language,
// with the quality findings of every translated segment.
func (s *Store) Translations(ctx context.Context, docID int64, lang string) (TranslationList, error) {
	return s.translations(ctx, docID, lang, true)
}

// TranslationsUnchecked is Translations without the findings (Checks nil):
// for a page that shows a few segments of a long document and checks only
// those (Check).
func (s *Store) TranslationsUnchecked(ctx context.Context, docID int64, lang string) (TranslationList, error) {
	return s.translations(ctx, docID, lang, false)
}

// Check runs the quality checks of lang on one translation, glossary included.
func (s *Store) Check(ctx context.Context, lang, source, target string) []qa.Finding {
	if target == "" {
		return []qa.Finding{}
	}
	return s.check(ctx, source, target, lang)
}

func (s *Store) translations(ctx context.Context, docID int64, lang string, checked bool) (TranslationList, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return TranslationList{}, err
	}
	db := s.read(ctx)
	var doc Document
	if err := db.Take(&doc, docID).Error; err != nil {
		return TranslationList{}, notFound(err, "document %d not found", docID)
	}
	var rows []translationRow
	err = db.Table("revision_segments AS rs").
		Select("s.id AS id, rs.paragraph AS paragraph, rs.position AS position, s.source AS source, s.derived_from_id AS derived_from_id, "+
			"t.text AS text, t.state AS state, t.version AS version, t.author_id AS author_id, t.comment AS comment, t.origin AS origin, t.updated_at AS updated_at").
		Joins("JOIN revisions r ON r.id = rs.revision_id").
		Joins("JOIN segments s ON s.id = rs.segment_id").
		Joins("LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?", l.Tag).
		Where("r.document_id = ? AND r.number = ?", doc.ID, doc.Revision).
		Order("rs.ordinal").Scan(&rows).Error
	if err != nil {
		return TranslationList{}, fmt.Errorf("list %s translations of document %d: %w", l.Tag, docID, err)
	}
	names, err := s.UserNames(ctx)
	if err != nil {
		return TranslationList{}, err
	}
	prev, err := s.previousSources(ctx, rows)
	if err != nil {
		return TranslationList{}, err
	}
	out := TranslationList{DocumentID: doc.ID, Title: doc.Title, Revision: doc.Revision, Lang: l.Tag, Direction: l.Direction,
		Segments: make([]TranslationView, len(rows))}
	gl := s.glossary(ctx, l.Tag)
	for i, r := range rows {
		v := r.view(names)
		if r.DerivedFromID != nil && v.State == workflow.Outdated {
			v.PreviousSource = prev[*r.DerivedFromID]
		}
		if checked {
			v.Checks = []qa.Finding{}
			if v.Target != "" {
				v.Checks = qa.Check(qa.Input{Source: v.Source, Target: v.Target, Lang: l.Tag, Terms: gl.Match(v.Source)})
			}
		}
		out.Segments[i] = v
	}
	return out, nil
}

func (s *Store) previousSources(ctx context.Context, rows []translationRow) (map[int64]string, error) {
	var ids []int64
	for _, r := range rows {
		if r.DerivedFromID != nil {
			ids = append(ids, *r.DerivedFromID)
		}
	}
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var segs []Segment
	if err := s.read(ctx).Select("id, source").Where("id IN ?", ids).Find(&segs).Error; err != nil {
		return nil, fmt.Errorf("load previous sources: %w", err)
	}
	for _, sg := range segs {
		out[sg.ID] = sg.Source
	}
	return out, nil
}

// cleanTarget applies the only changes Tilmash makes to what a person typed:
// NFC and trimmed ends.
func cleanTarget(text string) string { return norm.NFC.String(strings.TrimSpace(text)) }

// current loads the segment (which must be in its document's current
// revision) and its translation in lang inside tx.
func current(tx *gorm.DB, segID int64, lang string) (Segment, Translation, error) {
	var seg Segment
	if err := tx.Take(&seg, segID).Error; err != nil {
		return Segment{}, Translation{}, notFound(err, "segment %d not found", segID)
	}
	var n int64
	err := tx.Table("revision_segments AS rs").
		Joins("JOIN revisions r ON r.id = rs.revision_id").
		Joins("JOIN documents d ON d.id = r.document_id AND d.revision = r.number").
		Where("rs.segment_id = ?", segID).Count(&n).Error
	if err != nil {
		return Segment{}, Translation{}, err
	}
	if n == 0 {
		return Segment{}, Translation{}, apperr.New(apperr.Conflict, "segment %d is no longer in the current revision of its document", segID)
	}
	var t Translation
	err = tx.Where("segment_id = ? AND lang = ?", segID, lang).Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return seg, Translation{SegmentID: segID, Lang: lang, State: string(workflow.Untranslated)}, nil
	}
	return seg, t, err
}

func (t Translation) current() workflow.Current {
	return workflow.Current{State: workflow.State(t.State), Version: t.Version, Text: t.Text, AuthorID: t.AuthorID}
}

// apply writes an allowed change, its history event and its effect on the
// translation memory (collected in b, applied to the index after commit).
func (s *Store) apply(tx *gorm.DB, b *memBatch, actor workflow.Actor, t *Translation, ch workflow.Change, text, comment, origin, source, docTitle string) error {
	if !ch.Changed {
		return nil
	}
	now := s.now()
	t.State, t.Version, t.UpdatedAt = string(ch.To), ch.Version, now
	switch ch.Action {
	case workflow.ActionEdit:
		t.Text, t.AuthorID, t.Comment, t.Origin = text, actor.ID, "", origin
	case workflow.ActionReject:
		t.Comment = comment
	case workflow.ActionClear:
		t.Text, t.AuthorID, t.Comment, t.Origin = "", actor.ID, "", ""
	}
	if t.ID == 0 {
		if err := tx.Create(t).Error; err != nil {
			return err
		}
	} else {
		// The version in WHERE makes a lost update impossible even if a
		// writer slipped past the transaction's lock.
		res := tx.Model(&Translation{}).Where("id = ? AND version = ?", t.ID, ch.Version-1).
			Updates(map[string]any{"text": t.Text, "state": t.State, "version": t.Version, "author_id": t.AuthorID,
				"comment": t.Comment, "origin": t.Origin, "updated_at": t.UpdatedAt})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return apperr.New(apperr.Conflict, "the translation changed while saving; reload and try again")
		}
	}
	ev := Event{SegmentID: t.SegmentID, Lang: t.Lang, ActorID: actor.ID, Action: string(ch.Action), FromState: string(ch.From),
		ToState: string(ch.To), Version: ch.Version, Text: t.Text, Comment: comment, At: now}
	if err := tx.Create(&ev).Error; err != nil {
		return err
	}
	b.changed, b.changedLang = append(b.changed, ch), append(b.changedLang, t.Lang)
	var author string
	if err := tx.Model(&User{}).Select("name").Where("id = ?", t.AuthorID).Scan(&author).Error; err != nil {
		return err
	}
	return remember(tx, b, t, ch, source, docTitle, author)
}

// act runs one workflow decision on a segment × language in one transaction.
func (s *Store) act(ctx context.Context, segID int64, lang string, decide func(Segment, Translation) (workflow.Change, string, string, error), actor workflow.Actor) (TranslationView, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return TranslationView{}, err
	}
	var out TranslationView
	var b memBatch
	err = s.write(ctx, func(tx *gorm.DB) error {
		seg, t, err := current(tx, segID, l.Tag)
		if err != nil {
			return err
		}
		ch, text, comment, err := decide(seg, t)
		if err != nil {
			return err
		}
		var doc struct {
			Title               string
			Paragraph, Position int
		}
		// The title for the memory; the place in the current revision for the answer.
		if err := tx.Raw(`SELECT d.title, COALESCE(rs.paragraph, 0) AS paragraph, COALESCE(rs.position, 0) AS position FROM documents d
			LEFT JOIN revisions r ON r.document_id = d.id AND r.number = d.revision
			LEFT JOIN revision_segments rs ON rs.revision_id = r.id AND rs.segment_id = ?
			WHERE d.id = ?`, seg.ID, seg.DocumentID).Scan(&doc).Error; err != nil {
			return err
		}
		title := doc.Title
		if err := s.apply(tx, &b, actor, &t, ch, text, comment, "", seg.Source, title); err != nil {
			return err
		}
		out = TranslationView{ID: seg.ID, Paragraph: doc.Paragraph, Position: doc.Position, Source: seg.Source, Target: t.Text,
			State: workflow.State(t.State), Version: t.Version, AuthorID: t.AuthorID, Comment: t.Comment, Unchanged: !ch.Changed}
		if !t.UpdatedAt.IsZero() {
			u := t.UpdatedAt
			out.UpdatedAt = &u
		}
		return nil
	})
	if err != nil {
		if apperr.CodeOf(err) == apperr.Conflict {
			s.observer.Conflict(l.Tag)
		}
		return TranslationView{}, err
	}
	s.applyMemory(&b)
	if out.Target != "" {
		out.Checks = s.check(ctx, out.Source, out.Target, l.Tag)
	}
	if out.AuthorID != 0 {
		if a, err := s.Actor(ctx, out.AuthorID); err == nil {
			out.Author = a.Name
		}
	}
	return out, nil
}

// SaveTranslation stores a new target text written from version base.
func (s *Store) SaveTranslation(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int, text string) (TranslationView, error) {
	text = cleanTarget(text)
	v, err := s.act(ctx, segID, lang, func(_ Segment, t Translation) (workflow.Change, string, string, error) {
		ch, err := workflow.Edit(actor, t.Lang, t.current(), base, text)
		return ch, text, "", err
	}, actor)
	if err == nil && !v.Unchanged {
		s.observeFindings(v.Checks)
	}
	return v, err
}

// Approve accepts version base of a translation; blocking check findings refuse it.
func (s *Store) Approve(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int) (TranslationView, error) {
	return s.ApproveWithOverride(ctx, actor, segID, lang, base, "")
}

// ApproveWithOverride accepts version base of a translation; when checks find
// errors, a reason to approve anyway is required and kept in history.
func (s *Store) ApproveWithOverride(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int, override string) (TranslationView, error) {
	override = cleanTarget(override)
	return s.act(ctx, segID, lang, func(seg Segment, t Translation) (workflow.Change, string, string, error) {
		findings := s.check(ctx, seg.Source, t.Text, t.Lang)
		ch, err := workflow.Approve(actor, t.Lang, t.current(), base, workflow.Gate{Blocked: qa.Blocking(findings), Override: override})
		if e, ok := apperr.As(err); ok && e.Code == apperr.ChecksFailed {
			return ch, "", "", e.With("checks", findings)
		}
		comment := ""
		if qa.Blocking(findings) {
			comment = "approved despite failed checks: " + override
		}
		return ch, "", comment, err
	}, actor)
}

// Reject returns version base of a translation to its translator with a comment.
func (s *Store) Reject(ctx context.Context, actor workflow.Actor, segID int64, lang string, base int, comment string) (TranslationView, error) {
	comment = cleanTarget(comment)
	return s.act(ctx, segID, lang, func(_ Segment, t Translation) (workflow.Change, string, string, error) {
		ch, err := workflow.Reject(actor, t.Lang, t.current(), base, comment)
		return ch, "", comment, err
	}, actor)
}

// EventView is one history entry.
type EventView struct {
	ID      int64     `json:"id"`
	Segment int64     `json:"segment"`
	Action  string    `json:"action"`
	From    string    `json:"from"`
	To      string    `json:"to"`
	Version int       `json:"version"`
	Text    string    `json:"text"`
	Comment string    `json:"comment,omitempty"`
	Actor   string    `json:"actor"`
	At      time.Time `json:"at"`
}

// History lists the events of a segment × language, oldest first, including
// those of the segments it derives from (the sentence before a source change).
func (s *Store) History(ctx context.Context, segID int64, lang string) ([]EventView, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	ids := []int64{}
	for id, hops := segID, 0; id != 0 && hops < 1000; hops++ {
		var seg Segment
		if err := db.Select("id, derived_from_id").Take(&seg, id).Error; err != nil {
			if hops == 0 {
				return nil, notFound(err, "segment %d not found", segID)
			}
			break
		}
		ids = append(ids, seg.ID)
		if seg.DerivedFromID == nil {
			break
		}
		id = *seg.DerivedFromID
	}
	var evs []Event
	if err := db.Where("segment_id IN ? AND lang = ?", ids, l.Tag).Order("id").Find(&evs).Error; err != nil {
		return nil, fmt.Errorf("load history of segment %d: %w", segID, err)
	}
	names, err := s.UserNames(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]EventView, len(evs))
	for i, e := range evs {
		actor := names[e.ActorID]
		if e.ActorID == 0 {
			actor = "system"
		}
		out[i] = EventView{ID: e.ID, Segment: e.SegmentID, Action: e.Action, From: e.FromState, To: e.ToState, Version: e.Version,
			Text: e.Text, Comment: e.Comment, Actor: actor, At: e.At}
	}
	return out, nil
}
