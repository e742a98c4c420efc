package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
	"tilmash/internal/auth"
)

// SetPasswordHash replaces a user's stored password hash with one made
// elsewhere: by auth.HashPassword, or in tests by bcrypt at its lowest cost
// so that signing in many times under the race detector stays fast.
// Signing in checks any bcrypt hash at the cost it was made with.
func (s *Store) SetPasswordHash(ctx context.Context, userID int64, hash string) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&User{}).Where("id = ?", userID).Update("password_hash", hash)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return apperr.New(apperr.NotFound, "user %d not found", userID)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set password of user %d: %w", userID, err)
	}
	return nil
}

// CreateToken makes a new API token for a user and returns it in clear, once:
// only its hash is stored. With revokeOthers every other token of the user
// stops working in the same transaction (browser sessions are not tokens and
// stay signed in).
func (s *Store) CreateToken(ctx context.Context, userID int64, revokeOthers bool) (string, error) {
	token, hash, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&User{}).Where("id = ?", userID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.NotFound, "user %d not found", userID)
		}
		if revokeOthers {
			if err := tx.Where("user_id = ?", userID).Delete(&Token{}).Error; err != nil {
				return err
			}
		}
		return tx.Create(&Token{UserID: userID, Hash: hash}).Error
	})
	if err != nil {
		return "", fmt.Errorf("create a token for user %d: %w", userID, err)
	}
	return token, nil
}

// TokenCount is the number of API tokens a user holds.
func (s *Store) TokenCount(ctx context.Context, userID int64) (int64, error) {
	var n int64
	if err := s.read(ctx).Model(&Token{}).Where("user_id = ?", userID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count tokens of user %d: %w", userID, err)
	}
	return n, nil
}
