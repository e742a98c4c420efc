package workflow

import (
	"testing"

	"tilmash/internal/apperr"
)

// TestClear covers every state with every kind of actor. The current version
// was written by the kk translator (ID 1) at version 3, except untranslated (0).
func TestClear(t *testing.T) {
	otherTranslator := Actor{ID: 6, Name: "dana", Roles: []Role{{Kind: Translator, Lang: "kk"}}}
	actors := []Actor{kkTranslator, otherTranslator, kkReviewer, enReviewer, admin, publisher}
	want := map[State][6]string{
		Untranslated: {"conflict", "conflict", "conflict", "forbidden", "conflict", "forbidden"},
		Translated:   {"translated>untranslated v4", "translated>untranslated v4", "translated>untranslated v4", "forbidden", "translated>untranslated v4", "forbidden"},
		Approved:     {"conflict", "conflict", "conflict", "forbidden", "conflict", "forbidden"},
		Rejected:     {"rejected>untranslated v4", "rejected>untranslated v4", "rejected>untranslated v4", "forbidden", "rejected>untranslated v4", "forbidden"},
		Outdated:     {"conflict", "conflict", "conflict", "forbidden", "conflict", "forbidden"},
	}
	for _, st := range States() {
		cur := Current{State: st, Version: 3, Text: "ескі", AuthorID: 1}
		if st == Untranslated {
			cur = Current{State: st}
		}
		for i, a := range actors {
			ch, err := Clear(a, "kk", cur, cur.Version)
			if got := stateOf(t, ch, err); got != want[st][i] {
				t.Errorf("Clear(%s by %s) = %s, want %s", st, a.Name, got, want[st][i])
			}
			if err == nil && ch.Action != ActionClear {
				t.Errorf("Clear(%s by %s) action = %s, want %s", st, a.Name, ch.Action, ActionClear)
			}
		}
	}
}

func TestClearRules(t *testing.T) {
	cur := Current{State: Translated, Version: 2, Text: "мәтін", AuthorID: 1}
	tests := []struct {
		name  string
		actor Actor
		lang  string
		base  int
		code  apperr.Code
	}{
		{"current version", kkTranslator, "kk", 2, ""},
		{"stale version", kkTranslator, "kk", 1, apperr.Conflict},
		{"version from the future", kkTranslator, "kk", 3, apperr.Conflict},
		{"another language", kkTranslator, "en", 2, apperr.Forbidden},
		{"no roles", Actor{ID: 9, Name: "nobody"}, "kk", 2, apperr.Forbidden},
	}
	for _, tt := range tests {
		_, err := Clear(tt.actor, tt.lang, cur, tt.base)
		if tt.code == "" {
			if err != nil {
				t.Errorf("%s: %v, want no error", tt.name, err)
			}
			continue
		}
		if got := apperr.CodeOf(err); got != tt.code {
			t.Errorf("%s: code %q (%v), want %q", tt.name, got, err, tt.code)
		}
	}
	// A stale clear carries the current text, as a stale save does.
	_, err := Clear(kkTranslator, "kk", cur, 1)
	if e, ok := apperr.As(err); !ok || e.Details["current"] == nil {
		t.Errorf("stale clear: %v carries no current translation", err)
	}
}
