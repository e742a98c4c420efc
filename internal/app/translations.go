package app

import (
	"context"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"tilmash/internal/glossary"
	"tilmash/internal/qa"
	"tilmash/internal/record"
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

// cleanText applies the only changes Tilmash makes to what a person typed:
// NFC and trimmed ends.
func cleanText(text string) string { return norm.NFC.String(strings.TrimSpace(text)) }

// Translations lists the current revision of a document in one language,
// with the quality findings of every translated segment.
func (a *App) Translations(ctx context.Context, docID int64, lang string) (TranslationList, error) {
	return a.translations(ctx, docID, lang, true)
}

// TranslationsUnchecked is Translations without the findings (Checks nil):
// for a page that shows a few segments of a long document and checks only
// those (Check).
func (a *App) TranslationsUnchecked(ctx context.Context, docID int64, lang string) (TranslationList, error) {
	return a.translations(ctx, docID, lang, false)
}

// Check runs the quality checks of lang on one translation, glossary
// included; a glossary that cannot be read is an error.
func (a *App) Check(ctx context.Context, lang, source, target string) ([]qa.Finding, error) {
	if target == "" {
		return []qa.Finding{}, nil
	}
	return a.check(ctx, source, target, lang)
}

func (a *App) translations(ctx context.Context, docID int64, lang string, checked bool) (TranslationList, error) {
	l, err := a.TargetLanguage(ctx, lang)
	if err != nil {
		return TranslationList{}, err
	}
	doc, err := a.db.DocumentText(ctx, docID, l.Tag)
	if err != nil {
		return TranslationList{}, err
	}
	names, err := a.db.UserNames(ctx)
	if err != nil {
		return TranslationList{}, err
	}
	var gl *glossary.Glossary
	if checked { // one matcher for the whole list
		if gl, err = a.glossary(ctx, l.Tag); err != nil {
			return TranslationList{}, err
		}
	}
	out := TranslationList{DocumentID: doc.DocumentID, Title: doc.Title, Revision: doc.Revision, Lang: l.Tag, Direction: l.Direction,
		Segments: make([]TranslationView, len(doc.Segments))}
	for i, sg := range doc.Segments {
		v := TranslationView{ID: sg.ID, Paragraph: sg.Paragraph, Position: sg.Position, Source: sg.Source, State: workflow.Untranslated}
		if sg.Version > 0 || sg.State != "" {
			v.Target, v.State, v.Version = sg.Text, workflow.State(sg.State), sg.Version
			v.AuthorID, v.Comment, v.Origin, v.UpdatedAt = sg.AuthorID, sg.Comment, sg.Origin, sg.UpdatedAt
			v.Author = names[v.AuthorID]
		}
		if sg.Derived && v.State == workflow.Outdated {
			v.PreviousSource = sg.PreviousSource
		}
		if checked {
			v.Checks = []qa.Finding{}
			if v.Target != "" {
				v.Checks = a.checkWith(gl, v.Source, v.Target, l.Tag)
			}
		}
		out.Segments[i] = v
	}
	return out, nil
}

// viewOf is a decided translation as the API answers it.
func viewOf(p record.Place, t record.Translation, unchanged bool) TranslationView {
	v := TranslationView{ID: p.Segment.ID, Paragraph: p.Paragraph, Position: p.Position, Source: p.Segment.Source, Target: t.Text,
		State: workflow.State(t.State), Version: t.Version, AuthorID: t.AuthorID, Comment: t.Comment, Unchanged: unchanged}
	if !t.UpdatedAt.IsZero() {
		u := t.UpdatedAt
		v.UpdatedAt = &u
	}
	return v
}
