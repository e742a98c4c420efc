// Package workflow owns the life of a translation: its states, the actions
// that move it, and who may take them. It is pure: the store calls it inside
// its transactions and the server never decides a transition itself.
package workflow

import "tilmash/internal/apperr"

// State of one segment in one target language.
type State string

// The states; their names are part of the public API.
const (
	Untranslated State = "untranslated"
	Translated   State = "translated" // awaiting review
	Approved     State = "approved"
	Rejected     State = "rejected"
	Outdated     State = "outdated" // the source changed since it was translated
)

// States lists every state in the order dashboards show them.
func States() []State {
	return []State{Untranslated, Translated, Approved, Rejected, Outdated}
}

// ParseState validates a state name.
func ParseState(s string) (State, error) {
	for _, st := range States() {
		if string(st) == s {
			return st, nil
		}
	}
	return "", apperr.New(apperr.Invalid, "unknown state %q (want untranslated, translated, approved, rejected or outdated)", s)
}

// Open reports whether a segment in this state still needs a translator.
func (s State) Open() bool {
	return s == Untranslated || s == Rejected || s == Outdated
}
