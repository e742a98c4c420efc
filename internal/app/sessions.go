package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/workflow"
)

// SessionActor resolves a browser's session token to its user and, when the
// session is due for it, pushes its expiry back; renewed says it was, so the
// caller sends the cookie again. A failed renewal is logged and leaves the
// session as it was.
func (a *App) SessionActor(ctx context.Context, token string) (act workflow.Actor, renewed bool, err error) {
	hash := auth.HashToken(token)
	s, ok, err := a.db.SessionByHash(ctx, hash)
	if err != nil {
		return workflow.Actor{}, false, fmt.Errorf("check session: %w", err)
	}
	now := a.now()
	if !ok {
		return workflow.Actor{}, false, apperr.New(apperr.Unauthorized, "the session is not valid; sign in again")
	}
	if !s.ExpiresAt.After(now) {
		return workflow.Actor{}, false, apperr.New(apperr.Unauthorized, "the session has expired; sign in again")
	}
	if act, err = a.Actor(ctx, s.UserID); err != nil {
		return workflow.Actor{}, false, err
	}
	if !auth.SessionNeedsRenewal(s.ExpiresAt, now) {
		return act, false, nil
	}
	err = a.db.Write(ctx, func(tx Tx) error { return tx.SetSessionExpiry(hash, now.Add(auth.SessionLifetime)) })
	if err != nil {
		a.log.Error("renew session", "user", act.Name, "err", err)
		return act, false, nil
	}
	return act, true, nil
}

// SignOut ends a browser's session; ending one that does not exist is not an error.
func (a *App) SignOut(ctx context.Context, token string) error {
	err := a.db.Write(ctx, func(tx Tx) error { return tx.DeleteSession(auth.HashToken(token)) })
	if err != nil {
		return fmt.Errorf("sign out: %w", err)
	}
	return nil
}
