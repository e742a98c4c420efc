package app

import (
	"context"
	"fmt"
	"strings"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
)

// NewUser describes a user to create.
type NewUser struct {
	Name     string
	Roles    []workflow.Role
	Password string // empty: the user signs in with tokens only
}

// CreateUser creates a user with roles and a first API token, returned in
// clear once. Only the operator's command line calls it.
func (a *App) CreateUser(ctx context.Context, nu NewUser) (workflow.Actor, string, error) {
	name := strings.TrimSpace(nu.Name)
	if name == "" {
		return workflow.Actor{}, "", apperr.New(apperr.Invalid, "a user needs a name")
	}
	if len(nu.Roles) == 0 {
		return workflow.Actor{}, "", apperr.New(apperr.Invalid, "user %s needs at least one role", name)
	}
	var hash string
	if nu.Password != "" {
		h, err := auth.HashPassword(nu.Password)
		if err != nil {
			return workflow.Actor{}, "", err
		}
		hash = h
	}
	token, tokenHash, err := auth.NewToken()
	if err != nil {
		return workflow.Actor{}, "", err
	}
	u := record.User{Name: name, PasswordHash: hash, CreatedAt: a.now()}
	err = a.db.Write(ctx, func(tx Tx) error {
		if _, exists, err := tx.UserByName(name); err != nil {
			return err
		} else if exists {
			return apperr.New(apperr.Conflict, "a user named %s exists already", name)
		}
		if err := tx.InsertUser(&u); err != nil {
			return err
		}
		if err := tx.SetRoles(u.ID, roleStrings(nu.Roles)); err != nil {
			return err
		}
		return tx.InsertToken(u.ID, tokenHash)
	})
	if err != nil {
		return workflow.Actor{}, "", fmt.Errorf("create user %s: %w", name, err)
	}
	return workflow.Actor{ID: u.ID, Name: u.Name, Roles: nu.Roles}, token, nil
}

func roleStrings(roles []workflow.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = r.String()
	}
	return out
}

// Actor loads a user with roles.
func (a *App) Actor(ctx context.Context, id int64) (workflow.Actor, error) {
	u, roles, err := a.db.UserWithRoles(ctx, id)
	if err != nil {
		return workflow.Actor{}, err
	}
	return actorOf(u, roles)
}

// actorOf is a user with its stored role strings parsed.
func actorOf(u record.User, roles []string) (workflow.Actor, error) {
	act := workflow.Actor{ID: u.ID, Name: u.Name}
	for _, r := range roles {
		role, err := workflow.ParseRole(r)
		if err != nil {
			return workflow.Actor{}, fmt.Errorf("user %s has a bad stored role: %w", u.Name, err)
		}
		act.Roles = append(act.Roles, role)
	}
	return act, nil
}

// ActorByName loads a user with roles by name.
func (a *App) ActorByName(ctx context.Context, name string) (workflow.Actor, error) {
	u, ok, err := a.db.UserNamed(ctx, strings.TrimSpace(name))
	if err != nil {
		return workflow.Actor{}, err
	}
	if !ok {
		return workflow.Actor{}, apperr.New(apperr.NotFound, "no user named %q", strings.TrimSpace(name))
	}
	return a.Actor(ctx, u.ID)
}

// ResetDemoUser creates the user if needed, replaces its roles, password and
// tokens with fresh ones, and returns the new password and token in clear.
// Only `serve --demo` calls it, so demo credentials never outlive a start.
func (a *App) ResetDemoUser(ctx context.Context, name string, roles []workflow.Role) (string, string, error) {
	password, err := auth.NewPassword()
	if err != nil {
		return "", "", err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return "", "", err
	}
	token, tokenHash, err := auth.NewToken()
	if err != nil {
		return "", "", err
	}
	err = a.db.Write(ctx, func(tx Tx) error {
		u, exists, err := tx.UserByName(name)
		if err != nil {
			return err
		}
		if !exists {
			u = record.User{Name: name, CreatedAt: a.now()}
			if err := tx.InsertUser(&u); err != nil {
				return err
			}
		}
		if _, err := tx.SetPassword(u.ID, hash); err != nil {
			return err
		}
		if err := tx.DeleteTokens(u.ID); err != nil {
			return err
		}
		if err := tx.SetRoles(u.ID, roleStrings(roles)); err != nil {
			return err
		}
		return tx.InsertToken(u.ID, tokenHash)
	})
	if err != nil {
		return "", "", fmt.Errorf("reset demo user %s: %w", name, err)
	}
	return password, token, nil
}

// SetPasswordHash replaces a user's stored password hash with one made
// elsewhere: by auth.HashPassword, or in tests by bcrypt at its lowest cost
// so that signing in many times under the race detector stays fast.
func (a *App) SetPasswordHash(ctx context.Context, userID int64, hash string) error {
	err := a.db.Write(ctx, func(tx Tx) error {
		ok, err := tx.SetPassword(userID, hash)
		if err == nil && !ok {
			err = apperr.New(apperr.NotFound, "user %d not found", userID)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("set password of user %d: %w", userID, err)
	}
	return nil
}
