package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
	"tilmash/internal/workflow"
)

// ActorByToken resolves an API token to its user. Tokens carry 256 random
// bits and are looked up by hash, so guessing is not throttled here: no
// one's wrong guesses can lock a real user's token out.
func (a *App) ActorByToken(ctx context.Context, token string) (workflow.Actor, error) {
	u, roles, ok, err := a.db.TokenUser(ctx, auth.HashToken(token))
	if err != nil {
		return workflow.Actor{}, err
	}
	if !ok {
		return workflow.Actor{}, apperr.New(apperr.Unauthorized, "the token is not valid")
	}
	return actorOf(u, roles)
}

// CreateToken makes a new API token for the actor and returns it in clear,
// once: only its hash is stored. With revokeOthers every other token of the
// actor stops working in the same transaction (browser sessions are not
// tokens and stay signed in).
func (a *App) CreateToken(ctx context.Context, actor workflow.Actor, revokeOthers bool) (string, error) {
	token, hash, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	err = a.db.Write(ctx, func(tx Tx) error {
		if ok, err := tx.UserExists(actor.ID); err != nil {
			return err
		} else if !ok {
			return apperr.New(apperr.NotFound, "user %d not found", actor.ID)
		}
		if revokeOthers {
			if err := tx.DeleteTokens(actor.ID); err != nil {
				return err
			}
		}
		return tx.InsertToken(actor.ID, hash)
	})
	if err != nil {
		return "", fmt.Errorf("create a token for %s: %w", actor.Name, err)
	}
	return token, nil
}

// TokenCount is the number of API tokens the actor holds.
func (a *App) TokenCount(ctx context.Context, actor workflow.Actor) (int64, error) {
	return a.db.TokenCount(ctx, actor.ID)
}
