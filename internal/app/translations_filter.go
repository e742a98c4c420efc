package app

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
	"tilmash/internal/qa"
	"tilmash/internal/textfold"
)

// TranslationFilter narrows a document in one language to what a person is
// looking for: a word of the source or the target (any case, any script),
// the author of the current text, and a failing check (a finding id such as
// "number-missing", or a severity, "error" or "warning"). Empty fields
// match everything.
type TranslationFilter struct {
	Query  string
	Author string
	Check  string
}

// Empty tells that the filter keeps every segment.
func (f TranslationFilter) Empty() bool { return f.Query == "" && f.Author == "" && f.Check == "" }

// validate cleans the query and refuses one too long to be a search.
func (f TranslationFilter) validate() (TranslationFilter, error) {
	f.Query, f.Author, f.Check = cleanText(f.Query), strings.TrimSpace(f.Author), strings.TrimSpace(f.Check)
	if n := utf8.RuneCountInString(f.Query); n > limits.SearchRunes {
		return f, apperr.New(apperr.Invalid, "the search is %d characters long; the limit is %d", n, limits.SearchRunes).
			With("limit", limits.SearchRunes)
	}
	return f, nil
}

// SearchTranslations is Translations narrowed by f.
func (a *App) SearchTranslations(ctx context.Context, docID int64, lang string, f TranslationFilter) (TranslationList, error) {
	if f.Empty() {
		return a.Translations(ctx, docID, lang)
	}
	l, err := a.TranslationsUnchecked(ctx, docID, lang)
	if err != nil {
		return TranslationList{}, err
	}
	return a.FilterTranslations(ctx, l, f)
}

// FilterTranslations narrows an unchecked list (TranslationsUnchecked) by
// f, the kept segments checked. The text and author filters run over the
// whole document first, so that the quality checks, the costly part, run
// on the segments that matched them only. l's segments are reused.
func (a *App) FilterTranslations(ctx context.Context, l TranslationList, f TranslationFilter) (TranslationList, error) {
	f, err := f.validate()
	if err != nil {
		return TranslationList{}, err
	}
	m := newTextMatcher(f.Query)
	kept := l.Segments[:0]
	for _, sg := range l.Segments {
		if f.Author != "" && !strings.EqualFold(sg.Author, f.Author) {
			continue
		}
		if !m.match(sg.Source) && !m.match(sg.Target) {
			continue
		}
		kept = append(kept, sg)
	}
	gl, err := a.glossary(ctx, l.Lang)
	if err != nil {
		return TranslationList{}, err
	}
	out := kept[:0]
	for _, sg := range kept {
		sg.Checks = []qa.Finding{}
		if sg.Target != "" {
			sg.Checks = a.checkWith(gl, sg.Source, sg.Target, l.Lang)
		}
		if f.Check != "" && !failing(sg.Checks, f.Check) {
			continue
		}
		out = append(out, sg)
	}
	l.Segments = out
	return l, nil
}

// Authors are the names of the authors of a list's texts, sorted, each once.
func (l TranslationList) Authors() []string {
	seen := map[string]bool{}
	out := []string{}
	for _, sg := range l.Segments {
		if sg.Author != "" && !seen[sg.Author] {
			seen[sg.Author] = true
			out = append(out, sg.Author)
		}
	}
	slices.Sort(out)
	return out
}

// failing tells whether a finding of checks has the id, or the severity, check.
func failing(checks []qa.Finding, check string) bool {
	for _, c := range checks {
		if c.ID == check || string(c.Severity) == check {
			return true
		}
	}
	return false
}

// textMatcher finds a phrase in a text whatever the case of either, for
// every script Unicode folds (Cyrillic, Latin, Greek …). The phrase is
// folded once; each text is folded into a reused buffer, so a search over
// 30,000 segments allocates almost nothing.
type textMatcher struct {
	phrase []byte
	buf    []byte
}

func newTextMatcher(phrase string) *textMatcher {
	return &textMatcher{phrase: []byte(textfold.Fold(phrase))}
}

func (m *textMatcher) match(text string) bool {
	if len(m.phrase) == 0 {
		return true
	}
	m.buf = textfold.AppendFold(m.buf[:0], text)
	return bytes.Contains(m.buf, m.phrase)
}
