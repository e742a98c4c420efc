package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tilmash/internal/apperr"
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
