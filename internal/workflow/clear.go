package workflow

// ActionClear takes a text back: the segment is untranslated again.
const ActionClear Action = "clear"

// Clear is a translator's taking back of a text saved by mistake (into the
// wrong segment, say): a translated or rejected text becomes untranslated
// with no text and a new version. An approved text is not cleared — it was
// reviewed, so it changes by a new edit that is reviewed in turn — and an
// untranslated or outdated one has nothing of the translator's to take back.
// The four-eyes rule is untouched: nothing reaches approved through Clear.
func Clear(actor Actor, lang string, cur Current, base int) (Change, error) {
	r := mayClear(actor, lang, cur)
	if r == ReasonNoRole {
		return Change{}, refusal(ActionClear, actor, lang, r)
	}
	if err := checkVersion(actor, lang, cur, base, Gate{}); err != nil {
		return Change{}, err
	}
	if r != "" {
		return Change{}, refusal(ActionClear, actor, lang, r)
	}
	return Change{Action: ActionClear, From: cur.State, To: Untranslated, Version: cur.Version + 1, Changed: true}, nil
}
