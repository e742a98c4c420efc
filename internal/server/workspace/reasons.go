package workspace

import "tilmash/internal/workflow"

// reasonMessage is the message id that words why an action is refused. The
// review page shows it; the editor's script gets the reason code from the API
// and these words in its messages.
func reasonMessage(r workflow.Reason) string {
	switch r {
	case workflow.ReasonNoRole:
		return "reason.no_role"
	case workflow.ReasonOwnText:
		return "reason.own_text"
	case workflow.ReasonNotTranslated:
		return "reason.not_translated"
	case workflow.ReasonAlreadyApproved:
		return "reason.already_approved"
	case workflow.ReasonAlreadyRejected:
		return "reason.already_rejected"
	case workflow.ReasonOutdated:
		return "reason.outdated"
	case workflow.ReasonQABlocked:
		return "reason.qa_blocked"
	}
	return "reason.other"
}
