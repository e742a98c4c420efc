package workflow

import (
	"fmt"
	"strings"
	"testing"

	"tilmash/internal/apperr"
)

// summary writes Permissions as "edit approve reject clear", each "ok" or its reason.
func summary(p Permissions) string {
	parts := make([]string, 0, 4)
	for _, x := range []Permission{p.Edit, p.Approve, p.Reject, p.Clear} {
		switch {
		case x.Allowed && x.Reason == "":
			parts = append(parts, "ok")
		case !x.Allowed && x.Reason != "":
			parts = append(parts, string(x.Reason))
		default:
			parts = append(parts, fmt.Sprintf("bad(%v,%q)", x.Allowed, x.Reason))
		}
	}
	return strings.Join(parts, " ")
}

// TestPermit is every state × kind of actor × whether the actor wrote the
// current version, with checks that pass; TestPermitGate adds the checks.
func TestPermit(t *testing.T) {
	const (
		untr = "ok no_role no_role not_translated"   // a translator on an untranslated segment
		tr   = "ok no_role no_role ok"               // … translated
		appr = "ok no_role no_role already_approved" // … approved
		rej  = "ok no_role no_role ok"               // … rejected
		outd = "ok no_role no_role outdated"         // … outdated
		none = "no_role no_role no_role no_role"
	)
	tests := []struct {
		actor Actor
		own   bool
		want  map[State]string
	}{
		{kkTranslator, false, map[State]string{Untranslated: untr, Translated: tr, Approved: appr, Rejected: rej, Outdated: outd}},
		{kkTranslator, true, map[State]string{Untranslated: untr, Translated: tr, Approved: appr, Rejected: rej, Outdated: outd}},
		{kkReviewer, false, map[State]string{
			Untranslated: "ok not_translated not_translated not_translated",
			Translated:   "ok ok ok ok",
			Approved:     "ok already_approved ok already_approved",
			Rejected:     "ok ok already_rejected ok",
			Outdated:     "ok ok ok outdated",
		}},
		{kkReviewer, true, map[State]string{
			Untranslated: "ok own_text own_text not_translated",
			Translated:   "ok own_text own_text ok",
			Approved:     "ok own_text own_text already_approved",
			Rejected:     "ok own_text own_text ok",
			Outdated:     "ok own_text own_text outdated",
		}},
		{admin, false, map[State]string{
			Untranslated: "ok not_translated not_translated not_translated",
			Translated:   "ok ok ok ok",
			Approved:     "ok already_approved ok already_approved",
			Rejected:     "ok ok already_rejected ok",
			Outdated:     "ok ok ok outdated",
		}},
		// The four-eyes rule holds for admins too.
		{admin, true, map[State]string{
			Untranslated: "ok own_text own_text not_translated",
			Translated:   "ok own_text own_text ok",
			Approved:     "ok own_text own_text already_approved",
			Rejected:     "ok own_text own_text ok",
			Outdated:     "ok own_text own_text outdated",
		}},
		{enReviewer, false, map[State]string{Untranslated: none, Translated: none, Approved: none, Rejected: none, Outdated: none}},
		{enReviewer, true, map[State]string{Untranslated: none, Translated: none, Approved: none, Rejected: none, Outdated: none}},
		{publisher, false, map[State]string{Untranslated: none, Translated: none, Approved: none, Rejected: none, Outdated: none}},
		{publisher, true, map[State]string{Untranslated: none, Translated: none, Approved: none, Rejected: none, Outdated: none}},
		{Actor{ID: 9, Name: "nobody"}, false, map[State]string{Untranslated: none, Translated: none, Approved: none, Rejected: none, Outdated: none}},
	}
	for _, tt := range tests {
		for _, st := range States() {
			cur := current(st, tt.actor, tt.own)
			if got := summary(Permit(tt.actor, "kk", cur, Gate{})); got != tt.want[st] {
				t.Errorf("Permit(%s, own %v, %s) = %s, want %s", tt.actor.Name, tt.own, st, got, tt.want[st])
			}
		}
	}
}

// current is a translation in state st at version 3, written by actor when
// own, else by someone else (ID 7); an untranslated one that nobody cleared
// has no author.
func current(st State, actor Actor, own bool) Current {
	cur := Current{State: st, Version: 3, Text: "мәтін", AuthorID: 7}
	if st == Untranslated {
		cur.Text, cur.AuthorID = "", 0
	}
	if own {
		cur.AuthorID = actor.ID
	}
	return cur
}

// TestPermitGate: failed checks refuse an approve (after role, authorship and
// state), and an override reason lets it through; nothing else depends on them.
func TestPermitGate(t *testing.T) {
	blocked, overridden := Gate{Blocked: true}, Gate{Blocked: true, Override: "the year is spelled out"}
	tests := []struct {
		actor Actor
		own   bool
		gate  Gate
		want  map[State]string
	}{
		{kkReviewer, false, blocked, map[State]string{
			Untranslated: "ok not_translated not_translated not_translated",
			Translated:   "ok qa_blocked ok ok",
			Approved:     "ok already_approved ok already_approved",
			Rejected:     "ok qa_blocked already_rejected ok",
			Outdated:     "ok qa_blocked ok outdated",
		}},
		{kkReviewer, true, blocked, map[State]string{
			Untranslated: "ok own_text own_text not_translated",
			Translated:   "ok own_text own_text ok",
			Approved:     "ok own_text own_text already_approved",
			Rejected:     "ok own_text own_text ok",
			Outdated:     "ok own_text own_text outdated",
		}},
		{kkReviewer, false, overridden, map[State]string{
			Untranslated: "ok not_translated not_translated not_translated",
			Translated:   "ok ok ok ok",
			Approved:     "ok already_approved ok already_approved",
			Rejected:     "ok ok already_rejected ok",
			Outdated:     "ok ok ok outdated",
		}},
		{kkReviewer, false, Gate{Blocked: true, Override: " \t"}, map[State]string{
			Untranslated: "ok not_translated not_translated not_translated",
			Translated:   "ok qa_blocked ok ok",
			Approved:     "ok already_approved ok already_approved",
			Rejected:     "ok qa_blocked already_rejected ok",
			Outdated:     "ok qa_blocked ok outdated",
		}},
		{kkTranslator, false, blocked, map[State]string{
			Untranslated: "ok no_role no_role not_translated",
			Translated:   "ok no_role no_role ok",
			Approved:     "ok no_role no_role already_approved",
			Rejected:     "ok no_role no_role ok",
			Outdated:     "ok no_role no_role outdated",
		}},
	}
	for _, tt := range tests {
		for _, st := range States() {
			cur := current(st, tt.actor, tt.own)
			if got := summary(Permit(tt.actor, "kk", cur, tt.gate)); got != tt.want[st] {
				t.Errorf("Permit(%s, own %v, %+v, %s) = %s, want %s", tt.actor.Name, tt.own, tt.gate, st, got, tt.want[st])
			}
		}
	}
}

// TestPermitAgreesWithActions: for every state, actor, authorship and gate,
// an action at the current version succeeds exactly when Permit allows it,
// and a refusal names Permit's reason. Pages show what Permit says; this is
// what makes them true.
func TestPermitAgreesWithActions(t *testing.T) {
	actors := []Actor{kkTranslator, kkReviewer, enReviewer, admin, publisher, {ID: 9, Name: "nobody"}}
	gates := []Gate{{}, {Blocked: true}, {Blocked: true, Override: "why"}}
	for _, a := range actors {
		for _, own := range []bool{false, true} {
			for _, g := range gates {
				for _, st := range States() {
					cur := current(st, a, own)
					p := Permit(a, "kk", cur, g)
					what := fmt.Sprintf("%s own=%v gate=%+v %s", a.Name, own, g, st)
					_, err := Edit(a, "kk", cur, cur.Version, "жаңа мәтін")
					agree(t, what+" edit", p.Edit, err)
					_, err = Approve(a, "kk", cur, cur.Version, g)
					agree(t, what+" approve", p.Approve, err)
					_, err = Reject(a, "kk", cur, cur.Version, "түзетіңіз")
					agree(t, what+" reject", p.Reject, err)
					_, err = Clear(a, "kk", cur, cur.Version)
					agree(t, what+" clear", p.Clear, err)
				}
			}
		}
	}
}

func agree(t *testing.T, what string, p Permission, err error) {
	t.Helper()
	if p.Allowed {
		if err != nil {
			t.Errorf("%s: Permit allows it, the action says %v", what, err)
		}
		return
	}
	e, ok := apperr.As(err)
	if !ok {
		t.Errorf("%s: Permit refuses it (%s), the action says %v", what, p.Reason, err)
		return
	}
	if e.Details["reason"] != string(p.Reason) {
		t.Errorf("%s: refused with reason %v (%v), Permit says %s", what, e.Details["reason"], err, p.Reason)
	}
}

// TestRefusalCodes: each reason's error code, which the API maps to a status.
func TestRefusalCodes(t *testing.T) {
	tests := []struct {
		action Action
		reason Reason
		code   apperr.Code
		msg    string
	}{
		{ActionEdit, ReasonNoRole, apperr.Forbidden, "aigerim may not translate into kk"},
		{ActionApprove, ReasonNoRole, apperr.Forbidden, "aigerim may not review kk"},
		{ActionApprove, ReasonOwnText, apperr.Forbidden, "you wrote this version: another reviewer must approve it"},
		{ActionReject, ReasonOwnText, apperr.Forbidden, "you wrote this version: another reviewer must review it"},
		{ActionApprove, ReasonNotTranslated, apperr.Conflict, "there is no translation to approve yet"},
		{ActionReject, ReasonNotTranslated, apperr.Conflict, "there is no translation to reject yet"},
		{ActionClear, ReasonNotTranslated, apperr.Conflict, "there is no translation to clear"},
		{ActionApprove, ReasonAlreadyApproved, apperr.Conflict, "this version is already approved"},
		{ActionClear, ReasonAlreadyApproved, apperr.Conflict, "an approved translation cannot be cleared: edit it, and it is reviewed again"},
		{ActionReject, ReasonAlreadyRejected, apperr.Conflict, "this version is already rejected"},
		{ActionClear, ReasonOutdated, apperr.Conflict, "an outdated translation cannot be cleared: edit it for the new source"},
		{ActionApprove, ReasonQABlocked, apperr.ChecksFailed, `quality checks found errors: fix them, or approve with an "override" reason`},
	}
	for _, tt := range tests {
		e, ok := apperr.As(refusal(tt.action, kkTranslator, "kk", tt.reason))
		if !ok || e.Code != tt.code || e.Message != tt.msg || e.Details["reason"] != string(tt.reason) {
			t.Errorf("refusal(%s, %s) = %+v, want %s %q", tt.action, tt.reason, e, tt.code, tt.msg)
		}
	}
}

// TestConflictCarriesPermissions: a stale action's conflict says what the
// actor may do with the current translation and whether it is open.
func TestConflictCarriesPermissions(t *testing.T) {
	cur := Current{State: Rejected, Version: 4, Text: "бар мәтін", AuthorID: 1}
	_, err := Edit(kkTranslator, "kk", cur, 3, "жаңа")
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.Conflict {
		t.Fatalf("want conflict, got %v", err)
	}
	got := e.Details["current"].(map[string]any)
	if got["open"] != true || summary(got["actions"].(Permissions)) != "ok no_role no_role ok" {
		t.Errorf("conflict details = %v", got)
	}
	cur.State = Approved
	_, err = Approve(kkReviewer, "kk", cur, 3, Gate{Blocked: true})
	e, _ = apperr.As(err)
	got = e.Details["current"].(map[string]any)
	if got["open"] != false || summary(got["actions"].(Permissions)) != "ok already_approved ok already_approved" {
		t.Errorf("approve conflict details = %v", got)
	}
}
