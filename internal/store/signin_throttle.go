package store

import "time"

// SigninCounter is one sign-in throttle counter (auth.Counter) in the
// database, so that it survives a restart and is shared by every process;
// internal/app counts (signin.go).
type SigninCounter struct {
	Subject  string    `gorm:"primaryKey"` // auth.ThrottleKey.String()
	Attempts int       `gorm:"not null"`
	LastAt   time.Time `gorm:"index;not null"`
}
