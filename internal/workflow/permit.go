package workflow

import "tilmash/internal/apperr"

// Reason says why an action is not open to an actor on a translation. The
// names are part of the API (error bodies, the actions of a translation) and
// of the workspace's pages, whose scripts turn them into localized sentences.
type Reason string

// The reasons, in the order the rules are asked: role, authorship, state, checks.
const (
	ReasonNoRole          Reason = "no_role"          // no translator (edit, clear) or reviewer (approve, reject) role for the language
	ReasonOwnText         Reason = "own_text"         // the four-eyes rule: the actor wrote the current version
	ReasonNotTranslated   Reason = "not_translated"   // there is no text to approve, reject or clear
	ReasonAlreadyApproved Reason = "already_approved" // approved: not approved again, and not cleared (an edit is reviewed anew)
	ReasonAlreadyRejected Reason = "already_rejected" // rejected: not rejected again
	ReasonOutdated        Reason = "outdated"         // the source changed: not cleared, but edited for the new source
	ReasonQABlocked       Reason = "qa_blocked"       // the checks found errors: approved only with an override reason
)

// Permission is one action's answer: allowed, or the reason it is not.
type Permission struct {
	Allowed bool   `json:"allowed"`
	Reason  Reason `json:"reason,omitempty"`
}

// Permissions answers, for one actor and one translation, every action a
// person takes on it. Pages and API answers carry it so that no script or
// template has to know the rules.
type Permissions struct {
	Edit    Permission `json:"edit"`
	Approve Permission `json:"approve"`
	Reject  Permission `json:"reject"`
	Clear   Permission `json:"clear"`
}

// Permit is the one place the rules of who may do what to a translation in
// which state are written; Edit, Approve, Reject and Clear ask it too. The
// gate is what the quality checks say of the current version: only a gate
// that is blocked and has no override refuses an approve (ReasonQABlocked),
// so a caller that does not know the checks passes Gate{} and learns what
// role, authorship and state allow. Versions are not judged here: each
// action names the version it read, and a stale one is a conflict.
func Permit(actor Actor, lang string, cur Current, gate Gate) Permissions {
	return Permissions{
		Edit:    permission(mayEdit(actor, lang)),
		Approve: permission(mayApprove(actor, lang, cur, gate)),
		Reject:  permission(mayReject(actor, lang, cur)),
		Clear:   permission(mayClear(actor, lang, cur)),
	}
}

func permission(r Reason) Permission {
	return Permission{Allowed: r == "", Reason: r}
}

// Each may… returns the first rule that refuses the action, or "".

func mayEdit(actor Actor, lang string) Reason {
	if !actor.CanTranslate(lang) {
		return ReasonNoRole
	}
	return ""
}

func mayApprove(actor Actor, lang string, cur Current, gate Gate) Reason {
	if !actor.CanReview(lang) {
		return ReasonNoRole
	}
	if actor.Wrote(cur.AuthorID) {
		return ReasonOwnText
	}
	switch cur.State {
	case Translated, Outdated, Rejected:
	case Approved:
		return ReasonAlreadyApproved
	default:
		return ReasonNotTranslated
	}
	if gate.blocks() {
		return ReasonQABlocked
	}
	return ""
}

func mayReject(actor Actor, lang string, cur Current) Reason {
	if !actor.CanReview(lang) {
		return ReasonNoRole
	}
	if actor.Wrote(cur.AuthorID) {
		return ReasonOwnText
	}
	switch cur.State {
	case Translated, Approved, Outdated:
	case Rejected:
		return ReasonAlreadyRejected
	default:
		return ReasonNotTranslated
	}
	return ""
}

func mayClear(actor Actor, lang string, cur Current) Reason {
	if !actor.CanTranslate(lang) {
		return ReasonNoRole
	}
	switch cur.State {
	case Translated, Rejected:
	case Approved:
		return ReasonAlreadyApproved
	case Outdated:
		return ReasonOutdated
	default:
		return ReasonNotTranslated
	}
	return ""
}

// refusal is the error of an action refused for reason r: its code, and a
// sentence for API callers in the words of that action. The reason goes in
// the error's details, so the API's body names it.
func refusal(action Action, actor Actor, lang string, r Reason) error {
	var e *apperr.Error
	switch r {
	case ReasonNoRole:
		if action == ActionApprove || action == ActionReject {
			e = apperr.New(apperr.Forbidden, "%s may not review %s", actor.Name, lang)
		} else {
			e = apperr.New(apperr.Forbidden, "%s may not translate into %s", actor.Name, lang)
		}
	case ReasonOwnText:
		if action == ActionApprove {
			e = apperr.New(apperr.Forbidden, "you wrote this version: another reviewer must approve it")
		} else {
			e = apperr.New(apperr.Forbidden, "you wrote this version: another reviewer must review it")
		}
	case ReasonNotTranslated:
		switch action {
		case ActionClear:
			e = apperr.New(apperr.Conflict, "there is no translation to clear")
		default:
			e = apperr.New(apperr.Conflict, "there is no translation to %s yet", action)
		}
	case ReasonAlreadyApproved:
		if action == ActionClear {
			e = apperr.New(apperr.Conflict, "an approved translation cannot be cleared: edit it, and it is reviewed again")
		} else {
			e = apperr.New(apperr.Conflict, "this version is already approved")
		}
	case ReasonAlreadyRejected:
		e = apperr.New(apperr.Conflict, "this version is already rejected")
	case ReasonOutdated:
		e = apperr.New(apperr.Conflict, "an outdated translation cannot be cleared: edit it for the new source")
	case ReasonQABlocked:
		e = apperr.New(apperr.ChecksFailed, "quality checks found errors: fix them, or approve with an \"override\" reason")
	default:
		e = apperr.New(apperr.Internal, "%s refused for an unknown reason %q", action, r)
	}
	return e.With("reason", string(r))
}

// Reasons lists every reason, for those who word them.
func Reasons() []Reason {
	return []Reason{ReasonNoRole, ReasonOwnText, ReasonNotTranslated, ReasonAlreadyApproved,
		ReasonAlreadyRejected, ReasonOutdated, ReasonQABlocked}
}
