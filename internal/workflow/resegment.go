package workflow

import "tilmash/internal/apperr"

// Actions of a revision that recuts or restores the source, recorded in history.
const (
	// ActionRestore: a sentence came back in a new revision exactly as an earlier one had it,
	// and with it its translation, state and version unchanged.
	ActionRestore Action = "restore"
	// ActionFlagSplit: a translator says the segmenter cut a segment wrong; the document's
	// publishers see it on the source page until the segment is joined or split.
	ActionFlagSplit Action = "flag_split"
)

// Restore is what a revision does to the translation of a restored sentence: nothing but
// say so. Its source is byte-identical to the one it was written for, so its state, even
// approved, still holds.
func Restore(cur Current) Change {
	return Change{Action: ActionRestore, From: cur.State, To: cur.State, Version: cur.Version}
}

// MayResegment: joining and splitting segments changes the source document, so it is for
// those who may revise it (publishers and admins).
func MayResegment(a Actor) error {
	if !a.CanManageDocuments() {
		return apperr.New(apperr.Forbidden, "%s may not join or split segments: publishers and admins do", a.Name)
	}
	return nil
}

// MayFlagSplit: whoever works on a segment's translation may say its cut is wrong.
func MayFlagSplit(a Actor, lang string) error {
	if !a.CanTranslate(lang) && !a.CanManageDocuments() {
		return apperr.New(apperr.Forbidden, "%s does not work on %s", a.Name, lang)
	}
	return nil
}
