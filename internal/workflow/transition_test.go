package workflow

import (
	"fmt"
	"strings"
	"testing"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
)

var (
	kkTranslator = Actor{ID: 1, Name: "aigerim", Roles: []Role{{Kind: Translator, Lang: "kk"}}}
	kkReviewer   = Actor{ID: 2, Name: "bolat", Roles: []Role{{Kind: Reviewer, Lang: "kk"}}}
	enReviewer   = Actor{ID: 3, Name: "emma", Roles: []Role{{Kind: Reviewer, Lang: "en"}}}
	admin        = Actor{ID: 4, Name: "root", Roles: []Role{{Kind: Admin}}}
	publisher    = Actor{ID: 5, Name: "press", Roles: []Role{{Kind: Publisher}}}
)

func stateOf(t *testing.T, ch Change, err error) string {
	t.Helper()
	if err != nil {
		return string(apperr.CodeOf(err))
	}
	if !ch.Changed {
		return "same"
	}
	return fmt.Sprintf("%s>%s v%d", ch.From, ch.To, ch.Version)
}

// TestEdit covers every state with every kind of actor. The current version
// was written by the kk translator (ID 1) at version 3, except untranslated (0).
func TestEdit(t *testing.T) {
	actors := []Actor{kkTranslator, kkReviewer, enReviewer, admin, publisher}
	want := map[State][5]string{
		Untranslated: {"untranslated>translated v1", "untranslated>translated v1", "forbidden", "untranslated>translated v1", "forbidden"},
		Translated:   {"translated>translated v4", "translated>translated v4", "forbidden", "translated>translated v4", "forbidden"},
		Approved:     {"approved>translated v4", "approved>translated v4", "forbidden", "approved>translated v4", "forbidden"},
		Rejected:     {"rejected>translated v4", "rejected>translated v4", "forbidden", "rejected>translated v4", "forbidden"},
		Outdated:     {"outdated>translated v4", "outdated>translated v4", "forbidden", "outdated>translated v4", "forbidden"},
	}
	for _, st := range States() {
		cur := Current{State: st, Version: 3, Text: "ескі", AuthorID: 1}
		if st == Untranslated {
			cur = Current{State: st}
		}
		for i, a := range actors {
			ch, err := Edit(a, "kk", cur, cur.Version, "жаңа")
			if got := stateOf(t, ch, err); got != want[st][i] {
				t.Errorf("Edit(%s by %s) = %s, want %s", st, a.Name, got, want[st][i])
			}
		}
	}
}

func TestEditRules(t *testing.T) {
	cur := Current{State: Approved, Version: 3, Text: "мәтін", AuthorID: 1}
	tests := []struct {
		name string
		cur  Current
		base int
		text string
		want string
	}{
		{"stale version", cur, 2, "жаңа", "conflict"},
		{"newer than current", cur, 4, "жаңа", "conflict"},
		{"empty text", cur, 3, "  \n", "invalid"},
		{"at the cap", cur, 3, strings.Repeat("ә", limits.TranslationRunes), "approved>translated v4"},
		{"one rune over the cap", cur, 3, strings.Repeat("ә", limits.TranslationRunes+1), "invalid"},
		{"a 1 MB paste", cur, 3, strings.Repeat("x", 990000), "invalid"},
		{"over the cap with a stale version is invalid first", cur, 2, strings.Repeat("x", limits.TranslationRunes+1), "invalid"},
		{"bytes over the cap, runes not", cur, 3, strings.Repeat("ә", limits.TranslationRunes/2+1), "approved>translated v4"},
		{"same text keeps approval", cur, 3, "мәтін", "same"},
		{"same text on translated is a no-op", Current{State: Translated, Version: 3, Text: "мәтін", AuthorID: 1}, 3, "мәтін", "same"},
		{"same text confirms outdated", Current{State: Outdated, Version: 3, Text: "мәтін", AuthorID: 1}, 3, "мәтін", "outdated>translated v4"},
		{"same text resubmits rejected", Current{State: Rejected, Version: 3, Text: "мәтін", AuthorID: 1}, 3, "мәтін", "rejected>translated v4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, err := Edit(kkTranslator, "kk", tt.cur, tt.base, tt.text)
			if got := stateOf(t, ch, err); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestEditTooLongMessage(t *testing.T) {
	cur := Current{State: Translated, Version: 1, Text: "мәтін", AuthorID: 2}
	_, err := Edit(kkTranslator, "kk", cur, 1, strings.Repeat("ә", 990000))
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.Invalid {
		t.Fatalf("want invalid, got %v", err)
	}
	if want := "the translation is 990000 characters long; the limit is 20000 characters for one segment"; e.Message != want {
		t.Errorf("message %q, want %q", e.Message, want)
	}
	if e.Details["length"] != 990000 || e.Details["limit"] != limits.TranslationRunes {
		t.Errorf("details = %v", e.Details)
	}
}

func TestConflictCarriesCurrent(t *testing.T) {
	cur := Current{State: Translated, Version: 7, Text: "бар мәтін", AuthorID: 2}
	_, err := Edit(kkTranslator, "kk", cur, 6, "жаңа")
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.Conflict {
		t.Fatalf("want conflict, got %v", err)
	}
	got := e.Details["current"].(map[string]any)
	if got["target"] != "бар мәтін" || got["version"] != 7 || got["state"] != Translated {
		t.Errorf("conflict details = %v", got)
	}
}

// TestReview covers approve and reject from every state, by the author, by
// another reviewer, by a reviewer of another language, by an admin and by a translator.
func TestReview(t *testing.T) {
	authorReviewer := Actor{ID: 1, Name: "author", Roles: []Role{{Kind: Reviewer, Lang: "kk"}}}
	actors := []Actor{authorReviewer, kkReviewer, enReviewer, admin, kkTranslator}
	wantApprove := map[State][5]string{
		Untranslated: {"conflict", "conflict", "forbidden", "conflict", "forbidden"},
		Translated:   {"forbidden", "translated>approved v4", "forbidden", "translated>approved v4", "forbidden"},
		Approved:     {"forbidden", "conflict", "forbidden", "conflict", "forbidden"},
		Rejected:     {"forbidden", "rejected>approved v4", "forbidden", "rejected>approved v4", "forbidden"},
		Outdated:     {"forbidden", "outdated>approved v4", "forbidden", "outdated>approved v4", "forbidden"},
	}
	wantReject := map[State][5]string{
		Untranslated: {"conflict", "conflict", "forbidden", "conflict", "forbidden"},
		Translated:   {"forbidden", "translated>rejected v4", "forbidden", "translated>rejected v4", "forbidden"},
		Approved:     {"forbidden", "approved>rejected v4", "forbidden", "approved>rejected v4", "forbidden"},
		Rejected:     {"forbidden", "conflict", "forbidden", "conflict", "forbidden"},
		Outdated:     {"forbidden", "outdated>rejected v4", "forbidden", "outdated>rejected v4", "forbidden"},
	}
	for _, st := range States() {
		cur := Current{State: st, Version: 3, Text: "мәтін", AuthorID: 1}
		if st == Untranslated {
			cur = Current{State: st}
		}
		for i, a := range actors {
			ch, err := Approve(a, "kk", cur, cur.Version, Gate{})
			if got := stateOf(t, ch, err); got != wantApprove[st][i] {
				t.Errorf("Approve(%s by %s) = %s, want %s", st, a.Name, got, wantApprove[st][i])
			}
			ch, err = Reject(a, "kk", cur, cur.Version, "терминді тексеріңіз")
			if got := stateOf(t, ch, err); got != wantReject[st][i] {
				t.Errorf("Reject(%s by %s) = %s, want %s", st, a.Name, got, wantReject[st][i])
			}
		}
	}
}

func TestRejectNeedsComment(t *testing.T) {
	cur := Current{State: Translated, Version: 1, Text: "мәтін", AuthorID: 1}
	for _, c := range []string{"", "   ", "\n\t"} {
		if _, err := Reject(kkReviewer, "kk", cur, 1, c); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("Reject with comment %q: got %v, want invalid", c, err)
		}
	}
	if _, err := Approve(kkReviewer, "kk", cur, 0, Gate{}); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("Approve with stale version: got %v, want conflict", err)
	}
}

func TestOutdate(t *testing.T) {
	for _, st := range States() {
		cur := Current{State: st, Version: 2, AuthorID: 1}
		if st == Untranslated {
			cur = Current{State: st}
		}
		ch := Outdate(cur)
		want := Outdated
		if st == Untranslated {
			want = Untranslated
		}
		if ch.To != want {
			t.Errorf("Outdate(%s) = %s, want %s", st, ch.To, want)
		}
	}
}

// TestNoPathAvoidsReview is a property over every sequence of up to five
// actions: a text is approved only if a reviewer other than its author
// approved the exact version that stands.
func TestNoPathAvoidsReview(t *testing.T) {
	type step func(Current) (Change, Actor, error)
	steps := map[string]step{
		"edit-by-translator": func(c Current) (Change, Actor, error) {
			ch, err := Edit(kkTranslator, "kk", c, c.Version, fmt.Sprintf("t%d", c.Version))
			return ch, kkTranslator, err
		},
		"edit-by-reviewer": func(c Current) (Change, Actor, error) {
			ch, err := Edit(kkReviewer, "kk", c, c.Version, fmt.Sprintf("r%d", c.Version))
			return ch, kkReviewer, err
		},
		"approve-by-reviewer": func(c Current) (Change, Actor, error) {
			ch, err := Approve(kkReviewer, "kk", c, c.Version, Gate{})
			return ch, kkReviewer, err
		},
		"approve-by-admin": func(c Current) (Change, Actor, error) {
			ch, err := Approve(admin, "kk", c, c.Version, Gate{})
			return ch, admin, err
		},
		"reject": func(c Current) (Change, Actor, error) {
			ch, err := Reject(kkReviewer, "kk", c, c.Version, "no")
			return ch, kkReviewer, err
		},
		"outdate": func(c Current) (Change, Actor, error) { return Outdate(c), Actor{}, nil },
		"clear-by-translator": func(c Current) (Change, Actor, error) {
			ch, err := Clear(kkTranslator, "kk", c, c.Version)
			return ch, kkTranslator, err
		},
	}
	names := make([]string, 0, len(steps))
	for n := range steps {
		names = append(names, n)
	}
	var walk func(cur Current, depth int, path string)
	walk = func(cur Current, depth int, path string) {
		if depth == 5 {
			return
		}
		for _, n := range names {
			ch, actor, err := steps[n](cur)
			if err != nil {
				continue
			}
			next := cur
			if ch.Changed {
				next.State, next.Version = ch.To, ch.Version
				switch ch.Action {
				case ActionEdit:
					next.AuthorID = actor.ID
					next.Text = fmt.Sprintf("text%d", ch.Version)
				case ActionClear:
					next.AuthorID = actor.ID
					next.Text = ""
				}
			}
			if ch.To == Approved && ch.Changed && actor.ID == cur.AuthorID {
				t.Fatalf("%s %s: author approved own text", path, n)
			}
			if ch.Version < cur.Version {
				t.Fatalf("%s %s: version went back", path, n)
			}
			walk(next, depth+1, path+" "+n)
		}
	}
	walk(Current{State: Untranslated}, 0, "")
}

func TestApproveGate(t *testing.T) {
	cur := Current{State: Translated, Version: 1, Text: "2030", AuthorID: 1}
	tests := []struct {
		gate Gate
		want string
	}{
		{Gate{}, "translated>approved v2"},
		{Gate{Blocked: true}, "checks_failed"},
		{Gate{Blocked: true, Override: "  "}, "checks_failed"},
		{Gate{Blocked: true, Override: "the year is spelled out on purpose"}, "translated>approved v2"},
		{Gate{Override: "not needed"}, "translated>approved v2"},
	}
	for _, tt := range tests {
		ch, err := Approve(kkReviewer, "kk", cur, 1, tt.gate)
		if got := stateOf(t, ch, err); got != tt.want {
			t.Errorf("Approve with %+v = %s, want %s", tt.gate, got, tt.want)
		}
	}
	// Four-eyes and permissions come before the checks.
	if _, err := Approve(kkTranslator, "kk", cur, 1, Gate{Blocked: true}); apperr.CodeOf(err) != apperr.Forbidden {
		t.Errorf("a translator's approve of a blocked text: %v, want forbidden", err)
	}
}

func TestRestoreKeepsState(t *testing.T) {
	for _, s := range []State{Untranslated, Translated, Approved, Rejected, Outdated} {
		ch := Restore(Current{State: s, Version: 3})
		if ch != (Change{Action: ActionRestore, From: s, To: s, Version: 3}) {
			t.Errorf("Restore(%s) = %+v", s, ch)
		}
	}
}

func TestResegmentPermissions(t *testing.T) {
	tests := []struct {
		role      string
		resegment bool
		flagInKK  bool
	}{
		{"publisher", true, true},
		{"admin", true, true},
		{"translator:kk", false, true},
		{"reviewer:kk", false, true},
		{"translator:en", false, false},
	}
	for _, tt := range tests {
		r, err := ParseRole(tt.role)
		if err != nil {
			t.Fatal(err)
		}
		a := Actor{ID: 1, Name: "x", Roles: []Role{r}}
		if got := MayResegment(a) == nil; got != tt.resegment {
			t.Errorf("%s: MayResegment = %v", tt.role, got)
		}
		if got := MayFlagSplit(a, "kk") == nil; got != tt.flagInKK {
			t.Errorf("%s: MayFlagSplit(kk) = %v", tt.role, got)
		}
	}
}
