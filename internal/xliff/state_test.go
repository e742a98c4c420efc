package xliff

import (
	"testing"
)

func TestV2StateMapping(t *testing.T) {
	cases := []struct {
		tilmash, state, subState string
	}{
		{"untranslated", "initial", "tilmash:untranslated"},
		{"rejected", "initial", "tilmash:rejected"},
		{"outdated", "initial", "tilmash:outdated"},
		{"translated", "translated", ""},
		{"approved", "reviewed", ""},
		{"published", "final", ""},
	}
	for _, c := range cases {
		state, sub := v2State(c.tilmash)
		if state != c.state || sub != c.subState {
			t.Errorf("v2State(%q) = %q, %q; want %q, %q", c.tilmash, state, sub, c.state, c.subState)
		}
		back, err := fromV2(state, sub)
		if err != nil || back != c.tilmash {
			t.Errorf("fromV2(%q, %q) = %q, %v; want %q", state, sub, back, err, c.tilmash)
		}
	}
}

func TestFromV2(t *testing.T) {
	cases := []struct {
		state, subState, want, err string
	}{
		{"", "", "untranslated", ""}, // state defaults to initial
		{"initial", "", "untranslated", ""},
		{"initial", "memoq:draft", "untranslated", ""},
		{"initial", "tilmash:approved", "untranslated", ""},  // initial wins over a stale subState
		{"translated", "tilmash:rejected", "translated", ""}, // a tool moved the state on
		{"reviewed", "x:y", "approved", ""},
		{"final", "", "published", ""},
		{"initial", "tilmash:", "", `unknown state: subState "tilmash:" is not a Tilmash state`},
		{"Translated", "", "", `unknown state "Translated" (want initial, translated, reviewed or final)`},
	}
	for _, c := range cases {
		got, err := fromV2(c.state, c.subState)
		if got != c.want || errString(err) != c.err {
			t.Errorf("fromV2(%q, %q) = %q, %v; want %q, %q", c.state, c.subState, got, err, c.want, c.err)
		}
	}
}

func TestV12StateMapping(t *testing.T) {
	cases := []struct {
		tilmash, state string
		approved       bool
	}{
		{"untranslated", "new", false},
		{"rejected", "needs-translation", false},
		{"outdated", "needs-review-translation", false},
		{"translated", "translated", false},
		{"approved", "signed-off", true},
		{"published", "final", true},
	}
	for _, c := range cases {
		state, approved := v12State(c.tilmash)
		if state != c.state || approved != c.approved {
			t.Errorf("v12State(%q) = %q, %v; want %q, %v", c.tilmash, state, approved, c.state, c.approved)
		}
		back, err := fromV12(v12Target{present: true, text: "x", state: state, approved: approved, hint: c.tilmash})
		if err != nil || back != c.tilmash {
			t.Errorf("fromV12 of %q = %q, %v", c.tilmash, back, err)
		}
	}
}

func TestFromV12(t *testing.T) {
	type tg = v12Target
	cases := []struct {
		name string
		in   v12Target
		want string
		err  string
	}{
		{"no target", tg{}, "untranslated", ""},
		{"no target, rejected hint", tg{hint: "rejected"}, "rejected", ""},
		{"empty target without state", tg{present: true}, "untranslated", ""},
		{"text without state", tg{present: true, text: "x"}, "translated", ""},
		{"text without state, approved", tg{present: true, text: "x", approved: true}, "approved", ""},
		{"new", tg{present: true, text: "x", state: "new"}, "untranslated", ""},
		{"needs-translation, outdated hint", tg{present: true, text: "x", state: "needs-translation", hint: "outdated"}, "outdated", ""},
		{"needs-translation, stale approved hint", tg{present: true, text: "x", state: "needs-translation", hint: "approved"}, "untranslated", ""},
		{"needs-l10n", tg{present: true, text: "x", state: "needs-l10n"}, "untranslated", ""},
		{"needs-adaptation, rejected qualifier", tg{present: true, text: "x", state: "needs-adaptation", qualifier: "rejected-grammar"}, "rejected", ""},
		{"needs-review-translation", tg{present: true, text: "x", state: "needs-review-translation"}, "translated", ""},
		{"needs-review-l10n, rejected qualifier", tg{present: true, text: "x", state: "needs-review-l10n", qualifier: "rejected-inaccurate"}, "rejected", ""},
		{"needs-review-translation, outdated hint", tg{present: true, text: "x", state: "needs-review-translation", hint: "outdated"}, "outdated", ""},
		{"translated from TM", tg{present: true, text: "x", state: "translated", qualifier: "leveraged-tm"}, "translated", ""},
		{"translated, approved=yes", tg{present: true, text: "x", state: "translated", approved: true}, "approved", ""},
		{"translated, stale rejected hint", tg{present: true, text: "x", state: "translated", hint: "rejected"}, "translated", ""},
		{"signed-off", tg{present: true, text: "x", state: "signed-off"}, "approved", ""},
		{"final", tg{present: true, text: "x", state: "final"}, "published", ""},
		{"tool state with text", tg{present: true, text: "x", state: "x-draft"}, "translated", ""},
		{"tool state, approved", tg{present: true, text: "x", state: "x-confirmed", approved: true}, "approved", ""},
		{"tool state, empty", tg{present: true, state: "x-empty"}, "untranslated", ""},
		{"unknown state", tg{present: true, text: "x", state: "reviewed"}, "", `unknown state "reviewed" (want new, needs-translation, needs-review-translation, translated, signed-off, final or another XLIFF 1.2 state)`},
		{"unknown hint", tg{present: true, text: "x", state: "translated", hint: "done"}, "", `unknown state: tl:state "done" is not a Tilmash state`},
	}
	for _, c := range cases {
		got, err := fromV12(c.in)
		if got != c.want || errString(err) != c.err {
			t.Errorf("%s: fromV12(%+v) = %q, %v; want %q, %q", c.name, c.in, got, err, c.want, c.err)
		}
	}
}
