package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// DeliveryView is one webhook attempt as the API shows it.
type DeliveryView struct {
	ID       int64     `json:"id"`
	Delivery string    `json:"delivery"`
	URL      string    `json:"url"`
	Release  int64     `json:"release"`
	Event    string    `json:"event"`
	Attempt  int       `json:"attempt"`
	Status   int       `json:"status"`
	Error    string    `json:"error,omitempty"`
	Final    bool      `json:"final"`
	At       time.Time `json:"at"`
}

// RecordDelivery appends one webhook attempt to the delivery log.
func (s *Store) RecordDelivery(ctx context.Context, d DeliveryView) error {
	row := WebhookDelivery{Delivery: d.Delivery, URL: d.URL, ReleaseID: d.Release, Event: d.Event, Attempt: d.Attempt,
		Status: d.Status, Error: d.Error, Final: d.Final, At: d.At}
	if row.At.IsZero() {
		row.At = s.now()
	}
	if err := s.write(ctx, func(tx *gorm.DB) error { return tx.Create(&row).Error }); err != nil {
		return fmt.Errorf("record webhook delivery %s attempt %d: %w", d.Delivery, d.Attempt, err)
	}
	return nil
}

// Deliveries lists the newest webhook attempts, of one release when
// releaseID > 0, at most limit.
func (s *Store) Deliveries(ctx context.Context, releaseID int64, limit int) ([]DeliveryView, error) {
	q := s.read(ctx)
	if releaseID > 0 {
		q = q.Where("release_id = ?", releaseID)
	}
	var rows []WebhookDelivery
	if err := q.Order("id DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list webhook deliveries: %w", err)
	}
	out := make([]DeliveryView, len(rows))
	for i, r := range rows {
		out[i] = DeliveryView{ID: r.ID, Delivery: r.Delivery, URL: r.URL, Release: r.ReleaseID, Event: r.Event,
			Attempt: r.Attempt, Status: r.Status, Error: r.Error, Final: r.Final, At: r.At}
	}
	return out, nil
}
