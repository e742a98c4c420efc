package api

import (
	"tilmash/internal/app"
	"tilmash/internal/language"
	"tilmash/internal/workflow"
)

// translationAnswer is a translation as the API answers an action on it (a
// save, approve, reject or clear): app's view, plus whether it is open
// and what the caller may do with it next, as workflow.Permit says. The
// editor's script shows its buttons from these, never from rules of its own.
type translationAnswer struct {
	app.TranslationView
	Open    bool                 `json:"open"`
	Actions workflow.Permissions `json:"actions"`
}

func answer(a workflow.Actor, lang string, v app.TranslationView) translationAnswer {
	if tag, err := language.Canonical(lang); err == nil {
		lang = tag // roles name canonical tags; the path may not
	}
	return translationAnswer{TranslationView: v, Open: v.State.Open(), Actions: v.Permissions(a, lang)}
}
