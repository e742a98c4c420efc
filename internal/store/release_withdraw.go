package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/publish"
	"tilmash/internal/workflow"
)

// Withdraw takes a release off the public: its URL answers 410 Gone with the
// reason and "latest" falls back to the previous live release. The text stays
// stored; a withdrawal cannot be undone (publish again instead).
func (s *Store) Withdraw(ctx context.Context, actor workflow.Actor, id int64, reason string) (ReleaseView, error) {
	if !actor.CanPublish() {
		return ReleaseView{}, apperr.New(apperr.Forbidden, "%s may not withdraw releases", actor.Name)
	}
	reason, err := publish.WithdrawalReason(reason)
	if err != nil {
		return ReleaseView{}, err
	}
	var rel Release
	err = s.write(ctx, func(tx *gorm.DB) error {
		if rel, err = releaseByID(tx, id); err != nil {
			return err
		}
		if rel.WithdrawnAt != nil {
			return apperr.New(apperr.Conflict, "release %d was already withdrawn on %s: %s",
				id, rel.WithdrawnAt.Format("2006-01-02 15:04 UTC"), rel.WithdrawReason)
		}
		now := s.now()
		res := tx.Model(&Release{}).Where("id = ? AND withdrawn_at IS NULL", id).
			Updates(map[string]any{"withdrawn_at": now, "withdrawn_by": actor.ID, "withdraw_reason": reason})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return apperr.New(apperr.Conflict, "release %d changed while withdrawing it; reload and try again", id)
		}
		rel.WithdrawnAt, rel.WithdrawnBy, rel.WithdrawReason = &now, actor.ID, reason
		return nil
	})
	if err != nil {
		return ReleaseView{}, fmt.Errorf("withdraw release %d: %w", id, err)
	}
	return s.releaseOne(ctx, rel)
}
