package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/workflow"
)

// Session is a signed-in browser, stored only as the hash of its cookie token.
type Session struct {
	ID        int64  `gorm:"primaryKey"`
	UserID    int64  `gorm:"index;not null"`
	User      *User  `gorm:"constraint:OnDelete:CASCADE"`
	Hash      string `gorm:"uniqueIndex;not null"`
	CreatedAt time.Time
	ExpiresAt time.Time `gorm:"index"`
}

// CreateSession stores a new session of a user and, in the same transaction,
// drops sessions that expired before now so the table never grows without bound.
func (s *Store) CreateSession(ctx context.Context, userID int64, hash string, now, expires time.Time) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("expires_at < ?", now.UTC()).Delete(&Session{}).Error; err != nil {
			return err
		}
		return tx.Create(&Session{UserID: userID, Hash: hash, CreatedAt: now.UTC(), ExpiresAt: expires.UTC()}).Error
	})
	if err != nil {
		return fmt.Errorf("create session for user %d: %w", userID, err)
	}
	return nil
}

// ActorBySession resolves a session hash to its user, if the session has not
// expired at now. It also returns the session's expiry so the caller can decide
// whether to renew it.
func (s *Store) ActorBySession(ctx context.Context, hash string, now time.Time) (workflow.Actor, time.Time, error) {
	var sess Session
	err := s.read(ctx).Where("hash = ?", hash).Take(&sess).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return workflow.Actor{}, time.Time{}, apperr.New(apperr.Unauthorized, "the session is not valid; sign in again")
	}
	if err != nil {
		return workflow.Actor{}, time.Time{}, fmt.Errorf("check session: %w", err)
	}
	if !sess.ExpiresAt.After(now) {
		return workflow.Actor{}, time.Time{}, apperr.New(apperr.Unauthorized, "the session has expired; sign in again")
	}
	a, err := s.Actor(ctx, sess.UserID)
	if err != nil {
		return workflow.Actor{}, time.Time{}, err
	}
	return a, sess.ExpiresAt, nil
}

// RenewSession moves a session's expiry.
func (s *Store) RenewSession(ctx context.Context, hash string, expires time.Time) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Model(&Session{}).Where("hash = ?", hash).Update("expires_at", expires.UTC()).Error
	})
	if err != nil {
		return fmt.Errorf("renew session: %w", err)
	}
	return nil
}

// DeleteSession ends a session (sign-out). Ending one that does not exist is not an error.
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Where("hash = ?", hash).Delete(&Session{}).Error
	})
	if err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}
