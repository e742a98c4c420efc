package app_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"tilmash/internal/tmx/tmxtest"
	"time"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/store"
	"tilmash/internal/tm"
	"tilmash/internal/workflow"
)

// heard records what an App's observer hears of the memory's use cases.
type heard struct {
	mu      sync.Mutex
	changed []string // action/lang
	lookups []bool   // exact
	imports []string
}

func (h *heard) Released(string)        {}
func (h *heard) SigninFailed()          {}
func (h *heard) SigninThrottled()       {}
func (h *heard) Conflict(string)        {}
func (h *heard) Finding(string, string) {}
func (h *heard) Imported(format string) {
	h.mu.Lock()
	h.imports = append(h.imports, format)
	h.mu.Unlock()
}
func (h *heard) TranslationChanged(action, lang string) {
	h.mu.Lock()
	h.changed = append(h.changed, action+"/"+lang)
	h.mu.Unlock()
}
func (h *heard) TMLookup(_ time.Duration, exact bool) {
	h.mu.Lock()
	h.lookups = append(h.lookups, exact)
	h.mu.Unlock()
}

// observed is the fixture's App again, with h as its observer.
func (f *tmFixture) observed(h *heard) *app.App {
	return app.New(app.Config{DB: store.Bind[app.Tx](f.st), Observer: h})
}

// TestPretranslate: exact matches fill the untranslated segments as the
// actor's "tm" translations, to be reviewed; fuzzy matches and segments
// already translated are left alone; a second run fills nothing; each fill
// is an "edit" the observer hears of and history keeps.
func TestPretranslate(t *testing.T) {
	ctx := context.Background()
	f := newTMFixture(t)
	var h heard
	a := f.observed(&h)
	file := tmxtest.Doc(
		tmxtest.TU("Семинар прошёл в Алматы.", " Семинар Алматыда өтті. "),
		tmxtest.TU("В нём участвовали 27 стран.", "Оған 27 ел қатысты."),
		tmxtest.TU("Итоги подведут в 2031 году.", "Қорытынды 2031 жылы шығарылады."), // 2031: a fuzzy match only
	)
	if res, err := a.ImportTMX(ctx, f.reviewer, "kk", strings.NewReader(file)); err != nil || res.Imported != 3 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	if want := []string{"tmx"}; !slices.Equal(h.imports, want) {
		t.Errorf("observer heard imports %q, want %q", h.imports, want)
	}
	segs := f.doc.Segments
	if _, err := a.SaveTranslation(ctx, f.translator, segs[1].ID, "kk", 0, "Оған жиырма жеті ел қатысты."); err != nil {
		t.Fatal(err)
	}
	h.changed = nil
	n, err := a.Pretranslate(ctx, f.translator, f.doc.ID, "kk")
	if err != nil || n != 1 {
		t.Fatalf("pretranslate: %d, %v; want 1", n, err)
	}
	if want := []string{"edit/kk"}; !slices.Equal(h.changed, want) {
		t.Errorf("observer heard %q, want %q", h.changed, want)
	}
	list, err := a.TranslationsUnchecked(ctx, f.doc.ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range list.Segments {
		got = append(got, fmt.Sprintf("%s|%s|%d|%s|%s", v.Target, v.State, v.Version, v.Origin, v.Author))
	}
	want := []string{
		"Семинар Алматыда өтті.|translated|1|tm|aigerim",
		"Оған жиырма жеті ел қатысты.|translated|1||aigerim",
		"|untranslated|0||",
	}
	if !slices.Equal(got, want) {
		t.Errorf("after pretranslating:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	events, err := a.History(ctx, segs[0].ID, "kk")
	if err != nil || len(events) != 1 {
		t.Fatalf("history: %+v, %v", events, err)
	}
	if e := events[0]; e.Action != "edit" || e.From != "untranslated" || e.To != "translated" || e.Version != 1 ||
		e.Text != "Семинар Алматыда өтті." || e.Actor != "aigerim" || e.Comment != "" {
		t.Errorf("history event: %+v", e)
	}
	if n, err := a.Pretranslate(ctx, f.translator, f.doc.ID, "kk"); err != nil || n != 0 {
		t.Errorf("second run: %d, %v; want 0", n, err)
	}
}

func TestPretranslateRefused(t *testing.T) {
	ctx := context.Background()
	f := newTMFixture(t)
	cases := []struct {
		name  string
		actor workflow.Actor
		doc   int64
		lang  string
		code  apperr.Code
		msg   string
	}{
		{"other language", f.english, f.doc.ID, "kk", apperr.Forbidden, "emma may not translate into kk"},
		{"unknown language", f.translator, f.doc.ID, "de", apperr.Invalid, `unknown language "de" (target languages: kk, en, ky, tg, tk, uz, ps, fa-AF, ar, nl)`},
		{"no document", f.translator, f.doc.ID + 99, "kk", apperr.NotFound, fmt.Sprintf("document %d not found", f.doc.ID+99)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.app.Pretranslate(ctx, c.actor, c.doc, c.lang)
			if e, ok := apperr.As(err); !ok || e.Code != c.code || e.Message != c.msg {
				t.Fatalf("err = %v, want %s %q", err, c.code, c.msg)
			}
		})
	}
}

// TestSuggestionSet: the best matches of a segment, with the words that
// differ marked, each lookup timed for the observer with its exactness; an
// unknown segment or language is refused.
func TestSuggestionSet(t *testing.T) {
	ctx := context.Background()
	f := newTMFixture(t)
	var h heard
	a := f.observed(&h)
	file := tmxtest.Doc(
		tmxtest.TU("Итоги подведут в 2031 году.", "Қорытынды 2031 жылы шығарылады."),
		tmxtest.TU("Совсем другое предложение о погоде.", "Ауа райы туралы мүлде басқа сөйлем."),
	)
	if _, err := a.ImportTMX(ctx, f.reviewer, "kk", strings.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	set, err := a.SuggestionSet(ctx, f.doc.Segments[2].ID, "kk")
	if err != nil {
		t.Fatal(err)
	}
	if !set.Exact || len(set.Suggestions) != 1 {
		t.Fatalf("suggestions: %+v", set)
	}
	s := set.Suggestions[0]
	source := "Итоги подведут в 2031 году."
	if s.Target != "Қорытынды 2031 жылы шығарылады." || s.Origin != "tmx" || s.Author != "bolat" || s.Count != 1 || !s.Exact ||
		s.Score < app.SuggestionMinScore || s.Score >= 100 || !slices.Equal(s.Diff, []tm.Span{{Start: strings.Index(source, "2031"), End: strings.Index(source, "2031") + 4}}) {
		t.Errorf("suggestion: %+v", s)
	}
	if want := []bool{true}; !slices.Equal(h.lookups, want) {
		t.Errorf("observer heard lookups %v, want %v", h.lookups, want)
	}
	if set, err := a.SuggestionSet(ctx, f.doc.Segments[0].ID, "kk"); err != nil || set.Suggestions == nil || len(set.Suggestions) != 0 {
		t.Errorf("no match: %+v, %v; want an empty list", set, err)
	}
	for _, c := range []struct {
		seg  int64
		lang string
		code apperr.Code
		msg  string
	}{
		{f.doc.Segments[0].ID + 99, "kk", apperr.NotFound, fmt.Sprintf("segment %d not found", f.doc.Segments[0].ID+99)},
		{f.doc.Segments[0].ID, "ru", apperr.Invalid, "ru is the source language, not a target"},
	} {
		_, err := a.SuggestionSet(ctx, c.seg, c.lang)
		if e, ok := apperr.As(err); !ok || e.Code != c.code || e.Message != c.msg {
			t.Errorf("SuggestionSet(%d, %s) = %v, want %s %q", c.seg, c.lang, err, c.code, c.msg)
		}
	}
}
