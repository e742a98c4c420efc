package workflow

import (
	"strings"
	"unicode/utf8"

	"tilmash/internal/apperr"
	"tilmash/internal/limits"
)

// Action names a change in a translation's history.
type Action string

// The actions recorded in history.
const (
	ActionEdit    Action = "edit"
	ActionApprove Action = "approve"
	ActionReject  Action = "reject"
	ActionOutdate Action = "outdate" // the source changed; taken by the system on a new revision
)

// Current is what the store knows of a translation when an action arrives.
// An untranslated segment has Version 0 and no author.
type Current struct {
	State    State
	Version  int
	Text     string
	AuthorID int64 // who wrote the current version
}

// Change is the outcome of an allowed action: the new state and version, and
// whether anything changed at all (a save of the same text is a no-op).
type Change struct {
	Action  Action
	From    State
	To      State
	Version int
	Changed bool
}

// checkVersion refuses an action on a version the actor no longer sees. The
// conflict carries the current translation, whether it is open, and what the
// actor may do with it, so that an editor taking the other person's text
// knows its buttons without knowing the rules. Only an approve knows the
// checks (gate); the others judge approve as Permit does with Gate{}.
func checkVersion(actor Actor, lang string, cur Current, base int, gate Gate) error {
	if base != cur.Version {
		return apperr.New(apperr.Conflict, "the translation changed since you loaded it (you had version %d, it is now version %d)", base, cur.Version).
			With("current", map[string]any{"target": cur.Text, "state": cur.State, "version": cur.Version,
				"open": cur.State.Open(), "actions": Permit(actor, lang, cur, gate)})
	}
	return nil
}

// Edit is a translator's or reviewer's save of a new target text.
// Saving edits of any state yields translated: a correction after review is reviewed again.
func Edit(actor Actor, lang string, cur Current, base int, text string) (Change, error) {
	if r := mayEdit(actor, lang); r != "" {
		return Change{}, refusal(ActionEdit, actor, lang, r)
	}
	if strings.TrimSpace(text) == "" {
		return Change{}, apperr.New(apperr.Invalid, "the translation is empty")
	}
	// A text of at most limits.TranslationRunes bytes has at most as many runes: count only longer ones.
	if len(text) > limits.TranslationRunes {
		if n := utf8.RuneCountInString(text); n > limits.TranslationRunes {
			return Change{}, apperr.New(apperr.Invalid, "the translation is %d characters long; the limit is %d characters for one segment", n, limits.TranslationRunes).
				With("length", n).With("limit", limits.TranslationRunes)
		}
	}
	if err := checkVersion(actor, lang, cur, base, Gate{}); err != nil {
		return Change{}, err
	}
	if text == cur.Text && (cur.State == Translated || cur.State == Approved) {
		return Change{Action: ActionEdit, From: cur.State, To: cur.State, Version: cur.Version}, nil
	}
	return Change{Action: ActionEdit, From: cur.State, To: Translated, Version: cur.Version + 1, Changed: true}, nil
}

// Gate is what quality checks say about the current version: whether an
// error-level finding blocks approval, and the reviewer's reason to approve anyway.
type Gate struct {
	Blocked  bool
	Override string
}

// blocks reports whether the gate refuses an approve: errors, and no reason given.
func (g Gate) blocks() bool { return g.Blocked && strings.TrimSpace(g.Override) == "" }

// Approve is a reviewer's acceptance of the current version. Nobody approves a
// version they wrote (the four-eyes rule), admins included; a version with
// blocking check findings needs an override reason, which history records.
func Approve(actor Actor, lang string, cur Current, base int, gate Gate) (Change, error) {
	r := mayApprove(actor, lang, cur, gate)
	if r == ReasonNoRole {
		return Change{}, refusal(ActionApprove, actor, lang, r)
	}
	// A stale version is told before the rest: what refuses the action may
	// have changed with the version the reviewer has not seen.
	if err := checkVersion(actor, lang, cur, base, gate); err != nil {
		return Change{}, err
	}
	if r != "" {
		return Change{}, refusal(ActionApprove, actor, lang, r)
	}
	return Change{Action: ActionApprove, From: cur.State, To: Approved, Version: cur.Version + 1, Changed: true}, nil
}

// Reject sends the current version back to the translator with a comment.
func Reject(actor Actor, lang string, cur Current, base int, comment string) (Change, error) {
	r := mayReject(actor, lang, cur)
	if r == ReasonNoRole {
		return Change{}, refusal(ActionReject, actor, lang, r)
	}
	if strings.TrimSpace(comment) == "" {
		return Change{}, apperr.New(apperr.Invalid, "a rejection needs a comment for the translator")
	}
	if err := checkVersion(actor, lang, cur, base, Gate{}); err != nil {
		return Change{}, err
	}
	if r != "" {
		return Change{}, refusal(ActionReject, actor, lang, r)
	}
	return Change{Action: ActionReject, From: cur.State, To: Rejected, Version: cur.Version + 1, Changed: true}, nil
}

// Outdate marks a translation whose source sentence changed. It is the
// system's action on a new source revision, not a person's.
func Outdate(cur Current) Change {
	if cur.State == Untranslated {
		return Change{Action: ActionOutdate, From: cur.State, To: Untranslated, Version: cur.Version}
	}
	return Change{Action: ActionOutdate, From: cur.State, To: Outdated, Version: cur.Version + 1, Changed: true}
}
