package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/publish"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
)

// Withdraw takes a release off the public: its URL answers 410 Gone with the
// reason and "latest" falls back to the previous live release. The text stays
// stored; a withdrawal cannot be undone (publish again instead).
func (a *App) Withdraw(ctx context.Context, actor workflow.Actor, id int64, reason string) (ReleaseView, error) {
	if !actor.CanPublish() {
		return ReleaseView{}, apperr.New(apperr.Forbidden, "%s may not withdraw releases", actor.Name)
	}
	reason, err := publish.WithdrawalReason(reason)
	if err != nil {
		return ReleaseView{}, err
	}
	var rel record.Release
	err = a.db.Write(ctx, func(tx Tx) error {
		if rel, err = tx.LockRelease(id); err != nil {
			return err
		}
		if rel.WithdrawnAt != nil {
			return apperr.New(apperr.Conflict, "release %d was already withdrawn on %s: %s",
				id, rel.WithdrawnAt.Format("2006-01-02 15:04 UTC"), rel.WithdrawReason)
		}
		w := record.Withdrawal{At: a.now(), By: actor.ID, Reason: reason}
		ok, err := tx.WithdrawRelease(id, w)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.New(apperr.Conflict, "release %d changed while withdrawing it; reload and try again", id)
		}
		rel.WithdrawnAt, rel.WithdrawnBy, rel.WithdrawReason = &w.At, w.By, w.Reason
		return nil
	})
	if err != nil {
		return ReleaseView{}, fmt.Errorf("withdraw release %d: %w", id, err)
	}
	return a.releaseOne(ctx, rel)
}
