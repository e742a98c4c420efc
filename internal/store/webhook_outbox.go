package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tilmash/internal/record"
)

// WebhookOutbox is one notification of one release event to one URL that is
// still owed: written when the event happens, claimed by one dispatcher at a
// time, kept until it is delivered or given up. Because it lives in the
// database, a retry survives a restart, and several processes never send the
// same attempt twice.
type WebhookOutbox struct {
	ID        int64  `gorm:"primaryKey"`
	Delivery  string `gorm:"uniqueIndex;not null"` // the X-Tilmash-Delivery id all attempts share
	URL       string `gorm:"not null"`
	Event     string `gorm:"not null"`
	ReleaseID int64
	Body      []byte `gorm:"not null"` // signed as is on every attempt
	Attempts  int    `gorm:"not null"`
	// NextAt is when the next attempt is due; ClaimedUntil keeps other
	// dispatchers off a notification while one attempt is under way.
	NextAt       time.Time `gorm:"index:idx_outbox_due,priority:2;not null"`
	ClaimedUntil time.Time `gorm:"not null"`
	Done         bool      `gorm:"index:idx_outbox_due,priority:1;not null"`
	CreatedAt    time.Time
}

// Enqueue stores notifications to send, due now, in the use case's transaction.
func (t *Tx) Enqueue(msgs []record.OutboxMessage) error {
	if len(msgs) == 0 {
		return nil
	}
	now := t.now()
	rows := make([]WebhookOutbox, len(msgs))
	for i, m := range msgs {
		rows[i] = WebhookOutbox{Delivery: m.Delivery, URL: m.URL, Event: m.Event, ReleaseID: m.ReleaseID, Body: m.Body,
			NextAt: now, CreatedAt: now}
	}
	if err := t.db.Create(&rows).Error; err != nil {
		return fmt.Errorf("queue webhook notifications: %w", err)
	}
	return nil
}

// ClaimWebhooks takes up to limit notifications that are due and not claimed,
// and claims them for lease, in one write transaction: no other dispatcher
// gets them until the lease ends (a dispatcher that dies mid-attempt thus
// only delays its notifications by the lease). On PostgreSQL, where other
// processes claim at the same time, the rows are read locked and rows
// another claim holds are passed over (skipLocked).
func (s *Store) ClaimWebhooks(ctx context.Context, limit int, lease time.Duration) ([]record.OutboxMessage, error) {
	now := s.now()
	var rows []WebhookOutbox
	err := s.write(ctx, func(tx *gorm.DB) error {
		err := skipLocked(tx).Where("done = ? AND next_at <= ? AND claimed_until <= ?", false, now, now).
			Order("next_at, id").Limit(limit).Find(&rows).Error
		if err != nil || len(rows) == 0 {
			return err
		}
		ids := make([]int64, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		return tx.Model(&WebhookOutbox{}).Where("id IN ?", ids).Update("claimed_until", now.Add(lease)).Error
	})
	if err != nil {
		return nil, fmt.Errorf("claim webhook notifications: %w", err)
	}
	out := make([]record.OutboxMessage, len(rows))
	for i, r := range rows {
		out[i] = record.OutboxMessage{ID: r.ID, Delivery: r.Delivery, URL: r.URL, Event: r.Event, ReleaseID: r.ReleaseID, Body: r.Body, Attempts: r.Attempts}
	}
	return out, nil
}

// NextWebhookDue is when the earliest pending notification is due; ok is
// false when none is pending.
func (s *Store) NextWebhookDue(ctx context.Context) (due time.Time, ok bool, err error) {
	var row WebhookOutbox
	res := s.read(ctx).Where("done = ?", false).Order("next_at").Limit(1).Find(&row)
	if res.Error != nil {
		return time.Time{}, false, fmt.Errorf("find the next webhook notification: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return time.Time{}, false, nil
	}
	if row.ClaimedUntil.After(row.NextAt) {
		return row.ClaimedUntil, true, nil
	}
	return row.NextAt, true, nil
}

// FinishWebhookAttempt logs an attempt and, in the same transaction, marks
// the notification delivered or given up (final), or due again at retryAt.
func (s *Store) FinishWebhookAttempt(ctx context.Context, id int64, d record.Delivery, final bool, retryAt time.Time) error {
	row := WebhookDelivery{Delivery: d.Delivery, URL: d.URL, ReleaseID: d.ReleaseID, Event: d.Event, Attempt: d.Attempt,
		Status: d.Status, Error: d.Error, Final: final, At: s.now()}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return tx.Model(&WebhookOutbox{}).Where("id = ?", id).Updates(map[string]any{
			"attempts": d.Attempt, "done": final, "next_at": retryAt.UTC(), "claimed_until": time.Time{}}).Error
	})
	if err != nil {
		return fmt.Errorf("record webhook delivery %s attempt %d: %w", d.Delivery, d.Attempt, err)
	}
	return nil
}

// Deliveries lists the newest webhook attempts, of one release when
// releaseID > 0, at most limit.
func (s *Store) Deliveries(ctx context.Context, releaseID int64, limit int) ([]record.Delivery, error) {
	q := s.read(ctx)
	if releaseID > 0 {
		q = q.Where("release_id = ?", releaseID)
	}
	var rows []WebhookDelivery
	if err := q.Order("id DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list webhook deliveries: %w", err)
	}
	out := make([]record.Delivery, len(rows))
	for i, r := range rows {
		out[i] = record.Delivery(r)
	}
	return out, nil
}
