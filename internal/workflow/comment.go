package workflow

import "tilmash/internal/apperr"

// ActionComment and ActionResolve are the history's names of a comment on a
// segment and of its resolution; neither changes the translation's state.
const (
	ActionComment Action = "comment"
	ActionResolve Action = "resolve"
)

// MayComment: who may ask or answer a question about a segment. In a
// language (lang not ""): its translators and reviewers, publishers (whose
// source it is) and admins. About the source, for every language (lang ""):
// anyone who works on documents at all.
func MayComment(actor Actor, lang string) error {
	if actor.CanPublish() || (lang != "" && actor.CanTranslate(lang)) || (lang == "" && len(actor.Roles) > 0) {
		return nil
	}
	if lang == "" {
		return apperr.New(apperr.Forbidden, "%s has no role and may not comment", actor.Name)
	}
	return apperr.New(apperr.Forbidden, "%s may not comment in %s", actor.Name, lang).With("reason", ReasonNoRole)
}

// MayResolve: a comment is resolved by its author, by a reviewer of its
// language (the one who answers translators' questions), or by a publisher
// or admin.
func MayResolve(actor Actor, lang string, authorID int64) error {
	if actor.Wrote(authorID) || actor.CanPublish() || (lang != "" && actor.CanReview(lang)) {
		return nil
	}
	return apperr.New(apperr.Forbidden, "only the comment's author, a reviewer of %s or a publisher may resolve it", lang).
		With("reason", ReasonNoRole)
}
