package xliff

import (
	"fmt"
	"strings"
)

// Tilmash workflow states as they appear in Unit.State. "published" is not a
// workflow state: callers pass it for approved text that is in a release, and
// it maps to XLIFF's "final".
const (
	stateUntranslated = "untranslated"
	stateTranslated   = "translated"
	stateApproved     = "approved"
	stateRejected     = "rejected"
	stateOutdated     = "outdated"
	statePublished    = "published"
)

// subStatePrefix marks XLIFF 2 subState values that carry a Tilmash state.
const subStatePrefix = "tilmash:"

func knownState(s string) bool {
	switch s {
	case stateUntranslated, stateTranslated, stateApproved, stateRejected, stateOutdated, statePublished:
		return true
	}
	return false
}

// open reports whether a state means "a translator still has work to do".
func open(s string) bool {
	return s == stateUntranslated || s == stateRejected || s == stateOutdated
}

// v2State maps a Tilmash state to XLIFF 2 state and subState (GUIDE.md §3).
func v2State(s string) (state, subState string) {
	switch s {
	case stateTranslated:
		return "translated", ""
	case stateApproved:
		return "reviewed", ""
	case statePublished:
		return "final", ""
	}
	return "initial", subStatePrefix + s
}

// v12State maps a Tilmash state to the XLIFF 1.2 target state and the
// trans-unit's approved flag. Rejected text needs translating again, so it
// is "needs-translation"; outdated text is a translation of an older source
// that a translator must check against the new one: "needs-review-translation"
// ("only the text of the item needs to be reviewed") says exactly that, and
// CAT tools show it as a draft rather than as new work. Untranslated units
// have no target at all, which every 1.2 tool reads as "new".
func v12State(s string) (state string, approved bool) {
	switch s {
	case stateTranslated:
		return "translated", false
	case stateApproved:
		return "signed-off", true
	case statePublished:
		return "final", true
	case stateRejected:
		return "needs-translation", false
	case stateOutdated:
		return "needs-review-translation", false
	}
	return "new", false
}

// fromV2 maps XLIFF 2 state and subState back to a Tilmash state. A subState
// of another tool is ignored; a Tilmash subState refines "initial" only,
// because a tool that moved the state on may have left the subState behind.
func fromV2(state, subState string) (string, error) {
	switch state {
	case "", "initial":
		name, ours := strings.CutPrefix(subState, subStatePrefix)
		if !ours {
			return stateUntranslated, nil
		}
		if !knownState(name) {
			return "", fmt.Errorf("unknown state: subState %q is not a Tilmash state", subState)
		}
		if !open(name) {
			// "initial" wins: the text is not translated whatever the subState says.
			return stateUntranslated, nil
		}
		return name, nil
	case "translated":
		return stateTranslated, nil
	case "reviewed":
		return stateApproved, nil
	case "final":
		return statePublished, nil
	}
	return "", fmt.Errorf("unknown state %q (want initial, translated, reviewed or final)", state)
}

// v12Target is what Read saw of a 1.2 trans-unit, for fromV12.
type v12Target struct {
	present   bool   // a <target> element exists
	text      string // its text
	state     string // its state attribute
	qualifier string // its state-qualifier attribute
	approved  bool   // approved="yes" on the trans-unit
	hint      string // tl:state on the trans-unit, "" if absent
}

// fromV12 maps an XLIFF 1.2 target state back to a Tilmash state. The
// standard state decides the broad class (work to do, awaiting review,
// approved, final), because a CAT tool may have changed it since the export;
// tl:state only picks the exact Tilmash state within that class.
func fromV12(t v12Target) (string, error) {
	if t.hint != "" && !knownState(t.hint) {
		return "", fmt.Errorf("unknown state: tl:state %q is not a Tilmash state", t.hint)
	}
	rejected := strings.HasPrefix(t.qualifier, "rejected-")
	var s string
	switch t.state {
	case "":
		switch {
		case (!t.present || t.text == "") && open(t.hint):
			s = t.hint
		case !t.present || t.text == "":
			s = stateUntranslated
		case t.approved:
			s = stateApproved
		default:
			s = stateTranslated
		}
		return s, nil
	case "new", "needs-translation", "needs-l10n", "needs-adaptation":
		switch {
		case open(t.hint):
			s = t.hint
		case rejected:
			s = stateRejected
		default:
			s = stateUntranslated
		}
	case "needs-review-translation", "needs-review-l10n", "needs-review-adaptation":
		switch {
		case t.hint == stateOutdated || t.hint == stateRejected:
			s = t.hint
		case rejected:
			s = stateRejected
		default:
			s = stateTranslated
		}
	case "translated":
		s = stateTranslated
		if t.approved {
			s = stateApproved
		}
	case "signed-off":
		s = stateApproved
	case "final":
		s = statePublished
	default:
		if !strings.HasPrefix(t.state, "x-") {
			return "", fmt.Errorf("unknown state %q (want new, needs-translation, needs-review-translation, translated, signed-off, final or another XLIFF 1.2 state)", t.state)
		}
		// A tool's private state: judge by what is there.
		return fromV12(v12Target{present: t.present, text: t.text, approved: t.approved})
	}
	return s, nil
}
