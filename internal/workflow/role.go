package workflow

import (
	"strings"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
)

// Role grants permissions; translator and reviewer roles are bound to one language.
type Role struct {
	Kind RoleKind
	Lang string // only for translator and reviewer
}

// RoleKind names a kind of role.
type RoleKind string

// The role kinds.
const (
	Admin      RoleKind = "admin"
	Publisher  RoleKind = "publisher"
	Translator RoleKind = "translator"
	Reviewer   RoleKind = "reviewer"
)

// String writes the role as it is stored and typed: "admin", "translator:kk".
func (r Role) String() string {
	if r.Lang == "" {
		return string(r.Kind)
	}
	return string(r.Kind) + ":" + r.Lang
}

// ParseRole reads "admin", "publisher", "translator:LANG" or "reviewer:LANG".
func ParseRole(s string) (Role, error) {
	kind, lang, hasLang := strings.Cut(strings.TrimSpace(s), ":")
	switch RoleKind(kind) {
	case Admin, Publisher:
		if hasLang {
			return Role{}, apperr.New(apperr.Invalid, "role %q takes no language", kind)
		}
		return Role{Kind: RoleKind(kind)}, nil
	case Translator, Reviewer:
		if !hasLang {
			return Role{}, apperr.New(apperr.Invalid, "role %q needs a language, as in %s:kk", kind, kind)
		}
		tag, err := language.Canonical(lang)
		if err != nil {
			return Role{}, err
		}
		return Role{Kind: RoleKind(kind), Lang: tag}, nil
	}
	return Role{}, apperr.New(apperr.Invalid, "unknown role %q (want admin, publisher, translator:LANG or reviewer:LANG)", s)
}

// Actor is the person taking an action, with the roles they hold.
type Actor struct {
	ID    int64
	Name  string
	Roles []Role
}

func (a Actor) has(kind RoleKind, lang string) bool {
	for _, r := range a.Roles {
		if r.Kind == Admin || (r.Kind == kind && (r.Lang == "" || r.Lang == lang)) {
			return true
		}
	}
	return false
}

// CanTranslate: translators and reviewers of the language, and admins.
func (a Actor) CanTranslate(lang string) bool {
	return a.has(Translator, lang) || a.has(Reviewer, lang)
}

// CanReview: reviewers of the language and admins.
func (a Actor) CanReview(lang string) bool { return a.has(Reviewer, lang) }

// CanPublish: publishers and admins.
func (a Actor) CanPublish() bool { return a.has(Publisher, "") }

// Wrote reports whether the actor is the author of a version: the four-eyes
// rule keeps such a version from its author's review.
func (a Actor) Wrote(authorID int64) bool { return authorID == a.ID }

// CanManageDocuments: importing and revising source documents is the press
// service's work, so publishers and admins.
func (a Actor) CanManageDocuments() bool { return a.has(Publisher, "") }

// IsAdmin reports whether the actor administers the service.
func (a Actor) IsAdmin() bool { return a.has(Admin, "") }

// Languages lists the languages the actor translates or reviews (empty for admins,
// who work in all of them).
func (a Actor) Languages() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range a.Roles {
		if r.Lang != "" && !seen[r.Lang] {
			seen[r.Lang] = true
			out = append(out, r.Lang)
		}
	}
	return out
}
