package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
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

// targetRow is a translation as a list shows it.
type targetRow struct {
	Text, State, Comment, Origin string
	Version                      int
	AuthorID                     int64
	UpdatedAt                    *time.Time
}

// targetsSQL reads the translations in one language of a revision's segments.
const targetsSQL = `SELECT t.segment_id, t.text, t.state, t.version, t.author_id, t.comment, t.origin, t.updated_at
FROM translations t
WHERE t.lang = ? AND t.segment_id IN (SELECT segment_id FROM revision_segments WHERE revision_id = ?)`

// targets runs targetsSQL, scanning each row into typed variables: the
// reflection of a GORM scan cost as much as SQLite's reading of the rows.
func targets(db *gorm.DB, revision int64, lang string) (map[int64]targetRow, error) {
	rs, err := db.Raw(targetsSQL, lang, revision).Rows()
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	out := map[int64]targetRow{}
	for rs.Next() {
		var seg int64
		var version, author sql.NullInt64
		var text, state, comment, origin sql.NullString // NULL reads as "", as GORM read it
		var updated sql.NullTime
		if err := rs.Scan(&seg, &text, &state, &version, &author, &comment, &origin, &updated); err != nil {
			return nil, err
		}
		t := targetRow{Text: text.String, State: state.String, Comment: comment.String, Origin: origin.String,
			Version: int(version.Int64), AuthorID: author.Int64}
		if updated.Valid {
			t.UpdatedAt = &updated.Time
		}
		out[seg] = t
	}
	return out, rs.Err()
}

// listDocument is a document with the id and creation time of its current revision.
type listDocument struct {
	ID              int64
	Title           string
	Revision        int
	RevisionID      *int64
	RevisionCreated *time.Time
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

// Check runs the quality checks of lang on one translation, glossary
// included; a glossary that cannot be read is an error.
func (s *Store) Check(ctx context.Context, lang, source, target string) ([]qa.Finding, error) {
	if target == "" {
		return []qa.Finding{}, nil
	}
	return s.check(ctx, source, target, lang)
}

func (s *Store) translations(ctx context.Context, docID int64, lang string, checked bool) (TranslationList, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return TranslationList{}, err
	}
	db := s.read(ctx)
	var docs []listDocument
	err = db.Raw(`SELECT d.id, d.title, d.revision, r.id AS revision_id, r.created_at AS revision_created
		FROM documents d LEFT JOIN revisions r ON r.document_id = d.id AND r.number = d.revision WHERE d.id = ?`, docID).Scan(&docs).Error
	if err != nil {
		return TranslationList{}, fmt.Errorf("list %s translations of document %d: %w", l.Tag, docID, err)
	}
	if len(docs) == 0 {
		return TranslationList{}, apperr.New(apperr.NotFound, "document %d not found", docID)
	}
	doc := docs[0]
	var layout []layoutSegment
	var texts map[int64]targetRow
	if doc.RevisionID != nil {
		if layout, err = s.layouts.layout(db, *doc.RevisionID, *doc.RevisionCreated); err == nil {
			texts, err = targets(db, *doc.RevisionID, l.Tag)
		}
		if err != nil {
			return TranslationList{}, fmt.Errorf("list %s translations of document %d: %w", l.Tag, docID, err)
		}
	}
	names, err := s.UserNames(ctx)
	if err != nil {
		return TranslationList{}, err
	}
	out := TranslationList{DocumentID: doc.ID, Title: doc.Title, Revision: doc.Revision, Lang: l.Tag, Direction: l.Direction,
		Segments: make([]TranslationView, len(layout))}
	var lc *langChecks
	var gl *glossary.Glossary
	if checked {
		if gl, err = s.glossary(ctx, l.Tag); err != nil {
			return TranslationList{}, err
		}
		lc = s.checks.forLang(l.Tag)
	}
	for i, sg := range layout {
		v := TranslationView{ID: sg.ID, Paragraph: sg.Paragraph, Position: sg.Position, Source: sg.Source, State: workflow.Untranslated}
		if t, ok := texts[sg.ID]; ok {
			v.Target, v.State, v.Version = t.Text, workflow.State(t.State), t.Version
			v.AuthorID, v.Comment, v.Origin, v.UpdatedAt = t.AuthorID, t.Comment, t.Origin, t.UpdatedAt
			v.Author = names[v.AuthorID]
		}
		if sg.DerivedFromID != nil && v.State == workflow.Outdated {
			v.PreviousSource = sg.PreviousSource
		}
		if checked {
			v.Checks = []qa.Finding{}
			if v.Target != "" {
				v.Checks = lc.get(gl, l.Tag, v.Source, v.Target)
			}
		}
		out.Segments[i] = v
	}
	return out, nil
}

// cleanTarget applies the only changes Tilmash makes to what a person typed:
// NFC and trimmed ends.
func cleanTarget(text string) string { return norm.NFC.String(strings.TrimSpace(text)) }

// place is what a decision on one segment × language reads: the segment,
// its translation, its document's title and its place in the current revision.
type place struct {
	Segment             Segment
	Translation         Translation
	Title               string
	Paragraph, Position int
}

// placeRow is place as one row of placeSQL.
type placeRow struct {
	ID            int64
	DocumentID    int64
	Source        string
	DerivedFromID *int64
	CreatedAt     time.Time
	Title         string
	Paragraph     *int
	Position      *int
	TID           *int64
	Text          *string
	State         *string
	Version       *int
	AuthorID      *int64
	Comment       *string
	Origin        *string
	UpdatedAt     *time.Time
}

// placeSQL reads a place in one statement: the writer runs it for every
// save, and four statements made a save's turn at the writer twice as long.
// A sentence twice in a revision takes the place of its first occurrence.
const placeSQL = `SELECT s.id, s.document_id, s.source, s.derived_from_id, s.created_at, d.title,
	rs.paragraph, rs.position,
	t.id AS t_id, t.text, t.state, t.version, t.author_id, t.comment, t.origin, t.updated_at
FROM segments s
JOIN documents d ON d.id = s.document_id
LEFT JOIN revisions r ON r.document_id = d.id AND r.number = d.revision
LEFT JOIN revision_segments rs ON rs.revision_id = r.id AND rs.segment_id = s.id
LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ?
WHERE s.id = ?
ORDER BY rs.ordinal LIMIT 1`

// placeOf loads a segment, which must be in its document's current
// revision, with its translation in lang (untranslated at version 0 when
// there is none yet), inside tx.
func placeOf(tx *gorm.DB, segID int64, lang string) (place, error) {
	r, found, err := scanPlace(tx, segID, lang)
	if err != nil {
		return place{}, err
	}
	if !found {
		return place{}, apperr.New(apperr.NotFound, "segment %d not found", segID)
	}
	if r.Paragraph == nil {
		return place{}, apperr.New(apperr.Conflict, "segment %d is no longer in the current revision of its document", segID)
	}
	p := place{Segment: Segment{ID: r.ID, DocumentID: r.DocumentID, Source: r.Source, DerivedFromID: r.DerivedFromID, CreatedAt: r.CreatedAt},
		Title: r.Title, Paragraph: *r.Paragraph, Position: *r.Position,
		Translation: Translation{SegmentID: segID, Lang: lang, State: string(workflow.Untranslated)}}
	if r.TID != nil {
		p.Translation = Translation{ID: *r.TID, SegmentID: segID, Lang: lang, Text: *r.Text, State: *r.State, Version: *r.Version,
			AuthorID: *r.AuthorID, Comment: *r.Comment, Origin: *r.Origin}
		if r.UpdatedAt != nil {
			p.Translation.UpdatedAt = *r.UpdatedAt
		}
	}
	return p, nil
}

// scanPlace runs placeSQL, scanning into typed variables.
func scanPlace(tx *gorm.DB, segID int64, lang string) (r placeRow, found bool, err error) {
	rs, err := tx.Raw(placeSQL, lang, segID).Rows()
	if err != nil {
		return placeRow{}, false, err
	}
	defer rs.Close()
	if !rs.Next() {
		return placeRow{}, false, rs.Err()
	}
	var derived, para, pos, tid, version, author sql.NullInt64
	var text, state, comment, origin sql.NullString
	var updated sql.NullTime
	if err := rs.Scan(&r.ID, &r.DocumentID, &r.Source, &derived, &r.CreatedAt, &r.Title, &para, &pos,
		&tid, &text, &state, &version, &author, &comment, &origin, &updated); err != nil {
		return placeRow{}, false, err
	}
	if derived.Valid {
		r.DerivedFromID = &derived.Int64
	}
	if para.Valid {
		p, q := int(para.Int64), int(pos.Int64)
		r.Paragraph, r.Position = &p, &q
	}
	if tid.Valid {
		v := int(version.Int64)
		r.TID, r.Text, r.State, r.Version, r.AuthorID = &tid.Int64, &text.String, &state.String, &v, &author.Int64
		r.Comment, r.Origin = &comment.String, &origin.String
		if updated.Valid {
			r.UpdatedAt = &updated.Time
		}
	}
	return r, true, rs.Err()
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
		// Plain statements, prepared once on the writer's connection: this
		// and the event below run for every save, one after another.
		res := tx.Exec(`UPDATE translations SET text = ?, state = ?, version = ?, author_id = ?, comment = ?, origin = ?, updated_at = ?
			WHERE id = ? AND version = ?`, t.Text, t.State, t.Version, t.AuthorID, t.Comment, t.Origin, t.UpdatedAt, t.ID, ch.Version-1)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return apperr.New(apperr.Conflict, "the translation changed while saving; reload and try again")
		}
	}
	err := tx.Exec(`INSERT INTO events (segment_id, lang, actor_id, action, from_state, to_state, version, text, comment, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, t.SegmentID, t.Lang, actor.ID, string(ch.Action), string(ch.From),
		string(ch.To), ch.Version, t.Text, comment, now).Error
	if err != nil {
		return err
	}
	b.changed = append(b.changed, changed{action: ch.Action, lang: t.Lang})
	var author string
	if ch.To == workflow.Approved { // only the memory's new entry names the author
		if err := tx.Model(&User{}).Select("name").Where("id = ?", t.AuthorID).Scan(&author).Error; err != nil {
			return err
		}
	}
	return remember(tx, b, t, ch, source, docTitle, author)
}

// act runs one workflow decision on a segment × language in one transaction.
func (s *Store) act(ctx context.Context, segID int64, lang string, decide func(Segment, Translation) (workflow.Change, string, string, error), actor workflow.Actor) (TranslationView, error) {
	l, err := s.TargetLanguage(ctx, lang)
	if err != nil {
		return TranslationView{}, err
	}
	// The matcher is read before the write: a glossary that cannot be read
	// fails the action before anything is written, not after.
	gl, err := s.glossary(ctx, l.Tag)
	if err != nil {
		return TranslationView{}, err
	}
	var out TranslationView
	err = s.writeMemory(ctx, func(tx *gorm.DB, b *memBatch) error {
		p, err := placeOf(tx, segID, l.Tag)
		if err != nil {
			return err
		}
		seg, t := p.Segment, p.Translation
		ch, text, comment, err := decide(seg, t)
		if err != nil {
			return err
		}
		if err := s.apply(tx, b, actor, &t, ch, text, comment, "", seg.Source, p.Title); err != nil {
			return err
		}
		out = TranslationView{ID: seg.ID, Paragraph: p.Paragraph, Position: p.Position, Source: seg.Source, Target: t.Text,
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
	if out.Target != "" {
		out.Checks = s.checkWith(gl, out.Source, out.Target, l.Tag)
	}
	switch {
	case out.AuthorID == actor.ID:
		out.Author = actor.Name
	case out.AuthorID != 0:
		var name []string
		if err := s.read(ctx).Model(&User{}).Where("id = ?", out.AuthorID).Limit(1).Pluck("name", &name).Error; err == nil && len(name) == 1 {
			out.Author = name[0]
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
		findings, err := s.check(ctx, seg.Source, t.Text, t.Lang)
		if err != nil {
			return workflow.Change{}, "", "", err
		}
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
	names, err := s.UserNames(ctx)
	if err != nil {
		return nil, err
	}
	out, err := historyRows(db, ids, l.Tag, names)
	if err != nil {
		return nil, fmt.Errorf("load history of segment %d: %w", segID, err)
	}
	return out, nil
}

// historyRows reads the events of segments in one language, oldest first,
// scanning into typed variables (a history grows with every save; GORM's
// reflection per row grew with it).
func historyRows(db *gorm.DB, segIDs []int64, lang string, names map[int64]string) ([]EventView, error) {
	rs, err := db.Raw(`SELECT id, segment_id, actor_id, action, from_state, to_state, version, text, comment, at
		FROM events WHERE segment_id IN ? AND lang = ? ORDER BY id`, segIDs, lang).Rows()
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	out := []EventView{}
	for rs.Next() {
		var e EventView
		var actorID, version sql.NullInt64
		var action, from, to, text, comment sql.NullString // NULL reads as "", as GORM read it
		if err := rs.Scan(&e.ID, &e.Segment, &actorID, &action, &from, &to, &version, &text, &comment, &e.At); err != nil {
			return nil, err
		}
		e.Action, e.From, e.To, e.Version, e.Text = action.String, from.String, to.String, int(version.Int64), text.String
		e.Comment, e.Actor = comment.String, names[actorID.Int64]
		if actorID.Int64 == 0 {
			e.Actor = "system"
		}
		out = append(out, e)
	}
	return out, rs.Err()
}
