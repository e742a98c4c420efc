package workflow

import "tilmash/internal/apperr"

// ActionClear takes a text back: the segment is untranslated again.
const ActionClear Action = "clear"

// Clear is a translator's taking back of a text saved by mistake (into the
// wrong segment, say): a translated or rejected text becomes untranslated
// with no text and a new version. An approved text is not cleared — it was
// reviewed, so it changes by a new edit that is reviewed in turn — and an
// untranslated or outdated one has nothing of the translator's to take back.
// The four-eyes rule is untouched: nothing reaches approved through Clear.
func Clear(actor Actor, lang string, cur Current, base int) (Change, error) {
	if !actor.CanTranslate(lang) {
		return Change{}, apperr.New(apperr.Forbidden, "%s may not translate into %s", actor.Name, lang)
	}
	if err := checkVersion(cur, base); err != nil {
		return Change{}, err
	}
	switch cur.State {
	case Translated, Rejected:
	case Approved:
		return Change{}, apperr.New(apperr.Conflict, "an approved translation cannot be cleared: edit it, and it is reviewed again")
	case Outdated:
		return Change{}, apperr.New(apperr.Conflict, "an outdated translation cannot be cleared: edit it for the new source")
	default:
		return Change{}, apperr.New(apperr.Conflict, "there is no translation to clear")
	}
	return Change{Action: ActionClear, From: cur.State, To: Untranslated, Version: cur.Version + 1, Changed: true}, nil
}
