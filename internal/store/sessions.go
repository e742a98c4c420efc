package store

import "time"

// Session is a signed-in browser, stored only as the hash of its cookie token.
type Session struct {
	ID        int64  `gorm:"primaryKey"`
	UserID    int64  `gorm:"index;not null"`
	User      *User  `gorm:"constraint:OnDelete:CASCADE"`
	Hash      string `gorm:"uniqueIndex;not null"`
	CreatedAt time.Time
	ExpiresAt time.Time `gorm:"index"`
}
