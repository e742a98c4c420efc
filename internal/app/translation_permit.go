package app

import (
	"tilmash/internal/qa"
	"tilmash/internal/workflow"
)

// Permissions is what a may do with the translation v in lang, as
// workflow.Permit answers, with v's checks as approval's gate. The API's
// answers and the workspace's pages both show it, so that neither keeps a
// copy of the rules.
func (v TranslationView) Permissions(a workflow.Actor, lang string) workflow.Permissions {
	cur := workflow.Current{State: v.State, Version: v.Version, Text: v.Target, AuthorID: v.AuthorID}
	return workflow.Permit(a, lang, cur, workflow.Gate{Blocked: qa.Blocking(v.Checks)})
}
