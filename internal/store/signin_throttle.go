package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tilmash/internal/auth"
)

// SigninCounter is one sign-in throttle counter (auth.Counter) in the
// database, so that it survives a restart and is shared by every process.
type SigninCounter struct {
	Subject  string    `gorm:"primaryKey"` // auth.ThrottleKey.String()
	Attempts int       `gorm:"not null"`
	LastAt   time.Time `gorm:"index;not null"`
}

// AdmitSignin decides, in one write transaction, whether a sign-in attempt
// under keys (its name's and its address's) may go on to the password check.
// When any key must still wait, it returns the longest wait and counts
// nothing; otherwise it counts the attempt against every key before
// returning, so a burst of attempts is counted whole before any of them is
// answered. Counters idle longer than their rule's Forget are dropped in the
// same transaction, which bounds the table together with MaxKeys.
func (s *Store) AdmitSignin(ctx context.Context, p auth.ThrottlePolicy, keys []auth.ThrottleKey, now time.Time) (time.Duration, error) {
	now = now.UTC()
	var wait time.Duration
	err := s.write(ctx, func(tx *gorm.DB) error {
		forget := max(p.Name.Forget, p.Address.Forget)
		if err := tx.Where("last_at < ?", now.Add(-forget)).Delete(&SigninCounter{}).Error; err != nil {
			return err
		}
		rows := make([]SigninCounter, len(keys))
		for i, k := range keys {
			row, err := s.signinCounter(tx, p, k)
			if err != nil {
				return err
			}
			rows[i] = row
			c := auth.Counter{Attempts: row.Attempts, Last: row.LastAt}
			wait = max(wait, p.Rule(k).Wait(c, now))
		}
		if wait > 0 {
			return nil
		}
		for i, k := range keys {
			c := p.Rule(k).Attempt(auth.Counter{Attempts: rows[i].Attempts, Last: rows[i].LastAt}, now)
			rows[i].Attempts, rows[i].LastAt = c.Attempts, c.Last
		}
		return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "subject"}},
			DoUpdates: clause.AssignmentColumns([]string{"attempts", "last_at"})}).Create(&rows).Error
	})
	if err != nil {
		return 0, fmt.Errorf("count sign-in attempt: %w", err)
	}
	return wait, nil
}

// signinCounter loads the counter of k, or a new one: under k's own key
// while the table has room, under k's shared overflow key once it is full.
func (s *Store) signinCounter(tx *gorm.DB, p auth.ThrottlePolicy, k auth.ThrottleKey) (SigninCounter, error) {
	row := SigninCounter{Subject: k.String()}
	err := tx.Where("subject = ?", row.Subject).Take(&row).Error
	if err == nil || !errors.Is(err, gorm.ErrRecordNotFound) {
		return row, err
	}
	var n int64
	if err := tx.Model(&SigninCounter{}).Count(&n).Error; err != nil {
		return row, err
	}
	if n < int64(p.MaxKeys) {
		return row, nil
	}
	row = SigninCounter{Subject: p.Overflow(k).String()}
	if err := tx.Where("subject = ?", row.Subject).Take(&row).Error; err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return row, err
	}
	return row, nil
}

// SigninSucceeded takes back the attempt AdmitSignin counted for a sign-in
// that turned out right: the name starts afresh, and the address gets its
// attempt back (only failures count against an office's shared address).
func (s *Store) SigninSucceeded(ctx context.Context, name, addr auth.ThrottleKey) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("subject = ?", name.String()).Delete(&SigninCounter{}).Error; err != nil {
			return err
		}
		return tx.Model(&SigninCounter{}).Where("subject = ? AND attempts > 0", addr.String()).
			UpdateColumn("attempts", gorm.Expr("attempts - 1")).Error
	})
	if err != nil {
		return fmt.Errorf("forget sign-in failures: %w", err)
	}
	return nil
}
