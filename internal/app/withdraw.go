package app

import (
	"context"
	"fmt"

	"tilmash/internal/apperr"
	"tilmash/internal/publish"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
)

// WithdrawRequest asks to withdraw one release.
type WithdrawRequest struct {
	ID     int64
	Reason string
	// PublicURL is the service's public address as the request reached it,
	// for the links in notifications.
	PublicURL string
}

// Withdraw takes a release off the public: its URL answers 410 Gone with the
// reason and "latest" falls back to the previous live release. The text stays
// stored; a withdrawal cannot be undone (publish again instead).
func (a *App) Withdraw(ctx context.Context, actor workflow.Actor, req WithdrawRequest) (ReleaseView, error) {
	id := req.ID
	if !actor.CanPublish() {
		return ReleaseView{}, apperr.New(apperr.Forbidden, "%s may not withdraw releases", actor.Name)
	}
	reason, err := publish.WithdrawalReason(req.Reason)
	if err != nil {
		return ReleaseView{}, err
	}
	var rel record.Release
	queued := false
	err = a.db.Write(ctx, func(tx Tx) error {
		queued = false
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
		names, err := tx.NamesOf([]int64{rel.PublishedBy, rel.WithdrawnBy})
		if err != nil {
			return err
		}
		msgs, err := a.releaseEvents(publish.EventWithdrawn, req.PublicURL, releaseView(rel, names))
		if err != nil {
			return err
		}
		queued = len(msgs) > 0
		return tx.Enqueue(msgs)
	})
	if err != nil {
		return ReleaseView{}, fmt.Errorf("withdraw release %d: %w", id, err)
	}
	if queued {
		a.wake()
	}
	return a.releaseOne(ctx, rel)
}
