package app

import (
	"context"
	"time"

	"tilmash/internal/apperr"
	"tilmash/internal/record"
	"tilmash/internal/workflow"
)

// DeliveryReader reads the webhook delivery log.
type DeliveryReader interface {
	// Deliveries lists the newest attempts, of one release when releaseID > 0, at most limit.
	Deliveries(ctx context.Context, releaseID int64, limit int) ([]record.Delivery, error)
}

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

// DeliveryLog is the newest webhook attempts and how many URLs are notified.
type DeliveryLog struct {
	Deliveries []DeliveryView `json:"deliveries"`
	URLs       int            `json:"urls"`
}

// Deliveries reads the webhook delivery log, of one release when
// releaseID > 0, at most limit (1–1000) attempts; for admins only.
func (a *App) Deliveries(ctx context.Context, actor workflow.Actor, releaseID int64, limit int) (DeliveryLog, error) {
	if !actor.IsAdmin() {
		return DeliveryLog{}, apperr.New(apperr.Forbidden, "%s may not read the webhook delivery log; it is for admins", actor.Name)
	}
	if limit < 1 || limit > 1000 {
		return DeliveryLog{}, apperr.New(apperr.Invalid, `"limit" must be between 1 and 1000, not %d`, limit)
	}
	ds, err := a.db.Deliveries(ctx, releaseID, limit)
	if err != nil {
		return DeliveryLog{}, err
	}
	out := DeliveryLog{Deliveries: make([]DeliveryView, len(ds)), URLs: len(a.webhooks.URLs)}
	for i, d := range ds {
		out.Deliveries[i] = DeliveryView{ID: d.ID, Delivery: d.Delivery, URL: d.URL, Release: d.ReleaseID, Event: d.Event,
			Attempt: d.Attempt, Status: d.Status, Error: d.Error, Final: d.Final, At: d.At}
	}
	return out, nil
}
