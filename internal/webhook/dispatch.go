// Package webhook delivers the notifications the use cases leave in the
// database's outbox: one Dispatcher per process claims due ones, posts them
// signed, and records each attempt with its outcome, so retries survive a
// restart and several processes never send one attempt twice.
package webhook

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"tilmash/internal/metrics"
	"tilmash/internal/publish"
	"tilmash/internal/record"
)

// Delivery limits.
const (
	concurrency = 4               // deliveries in flight at once
	poll        = 2 * time.Second // how often the outbox is read without a wake-up
)

// Outbox is where the notifications wait: internal/store implements it.
type Outbox interface {
	// ClaimWebhooks takes up to limit due notifications for lease.
	ClaimWebhooks(ctx context.Context, limit int, lease time.Duration) ([]record.OutboxMessage, error)
	// NextWebhookDue is when the earliest pending notification is due.
	NextWebhookDue(ctx context.Context) (time.Time, bool, error)
	// FinishWebhookAttempt logs an attempt and marks the notification done
	// (final) or due again at retryAt.
	FinishWebhookAttempt(ctx context.Context, id int64, d record.Delivery, final bool, retryAt time.Time) error
}

// Dispatcher posts the outbox's notifications, at most concurrency at once.
// With no URLs configured it does nothing. Close stops it; what is pending
// stays in the outbox for the next start.
type Dispatcher struct {
	cfg     publish.Webhooks
	backoff publish.Backoff
	outbox  Outbox
	log     *slog.Logger
	metrics *metrics.Metrics
	client  *http.Client
	wake    chan struct{}
	ctx     context.Context
	stop    context.CancelFunc
	wg      sync.WaitGroup
	once    sync.Once
}

// New validates cfg and starts a Dispatcher over outbox; m may be nil.
func New(cfg publish.Webhooks, outbox Outbox, log *slog.Logger, m *metrics.Metrics) (*Dispatcher, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	h := &Dispatcher{cfg: cfg, backoff: cfg.Schedule(), outbox: outbox, log: log, metrics: m}
	if !cfg.Enabled() {
		return h, nil
	}
	h.client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	h.wake = make(chan struct{}, 1)
	h.ctx, h.stop = context.WithCancel(context.Background())
	h.wg.Add(1)
	go h.dispatch()
	return h, nil
}

// Wake tells the dispatcher that notifications were queued; it never waits.
func (h *Dispatcher) Wake() {
	if h.wake == nil {
		return
	}
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// Close stops the deliveries and waits for those under way. Call it after
// the HTTP server has shut down and before the store is closed.
func (h *Dispatcher) Close() error {
	if h.stop == nil {
		return nil
	}
	h.once.Do(func() {
		h.stop()
		h.wg.Wait()
	})
	return nil
}

// dispatch claims due notifications and delivers them, at most
// concurrency at once, until the server closes. It reads the outbox
// when woken by notify, when a delivery ends, when the next retry is due,
// and every poll (another process may have queued work).
func (h *Dispatcher) dispatch() {
	defer h.wg.Done()
	slots := make(chan struct{}, concurrency)
	lease := h.cfg.ClaimLease()
	for {
		free := cap(slots) - len(slots)
		if free > 0 {
			msgs, err := h.outbox.ClaimWebhooks(h.ctx, free, lease)
			if err != nil && h.ctx.Err() == nil {
				h.log.Error("webhook outbox", "err", err)
			}
			for _, m := range msgs {
				slots <- struct{}{}
				h.wg.Add(1)
				go func() {
					defer h.wg.Done()
					h.deliver(m)
					<-slots
					select {
					case h.wake <- struct{}{}:
					default:
					}
				}()
			}
		}
		wait := poll
		if len(slots) == cap(slots) {
			wait = time.Hour // every slot is busy: a finishing delivery wakes the loop
		} else if due, ok, err := h.outbox.NextWebhookDue(h.ctx); err == nil && ok {
			wait = min(wait, max(time.Until(due), 10*time.Millisecond))
		}
		timer := time.NewTimer(wait)
		select {
		case <-h.ctx.Done():
			timer.Stop()
			return
		case <-h.wake:
		case <-timer.C:
		}
		timer.Stop()
	}
}

// deliver makes one attempt of a claimed notification and records it: done
// when the receiver took it or answered finally, otherwise due again after
// the back-off.
func (h *Dispatcher) deliver(m record.OutboxMessage) {
	n := m.Attempts + 1
	status, err := h.attempt(m, n)
	msg := ""
	switch {
	case err != nil:
		msg = err.Error()
	case !publish.Delivered(status):
		msg = "HTTP " + strconv.Itoa(status) + " " + http.StatusText(status)
	}
	again := msg != "" && h.backoff.Retry(n, status)
	outcome := "delivered"
	switch {
	case again:
		outcome = "retry"
	case msg != "":
		outcome = "failed"
		h.log.Warn("webhook not delivered", "host", hostOf(m.URL), "release", m.ReleaseID, "attempts", n, "err", msg)
	}
	h.metrics.WebhookAttempt(outcome)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(h.ctx), 5*time.Second)
	defer cancel()
	err = h.outbox.FinishWebhookAttempt(ctx, m.ID, record.Delivery{Delivery: m.Delivery, URL: m.URL, ReleaseID: m.ReleaseID,
		Event: m.Event, Attempt: n, Status: status, Error: msg}, !again, time.Now().Add(h.backoff.Delay(n)))
	if err != nil {
		h.log.Error("webhook delivery log", "release", m.ReleaseID, "err", err)
	}
}

// attempt posts the body once and returns the receiver's status.
func (h *Dispatcher) attempt(job record.OutboxMessage, n int) (int, error) {
	ctx, cancel := context.WithTimeout(h.ctx, h.cfg.AttemptTimeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, job.URL, bytes.NewReader(job.Body))
	if err != nil {
		return 0, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Tilmash-Webhook/1")
	req.Header.Set(publish.SignatureHeader, publish.Sign(h.cfg.Secret, job.Body))
	req.Header.Set("X-Tilmash-Event", job.Event)
	req.Header.Set("X-Tilmash-Delivery", job.Delivery)
	req.Header.Set("X-Tilmash-Attempt", strconv.Itoa(n))
	res, err := h.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("post to %s: %w", hostOf(job.URL), unwrapURL(err))
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	res.Body.Close()
	return res.StatusCode, nil
}

// unwrapURL drops *url.Error's repetition of the method and full URL, which
// may carry a receiver's token.
func unwrapURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// hostOf is what logs show of a URL: never its path or query, where
// receivers often keep a secret.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "?"
	}
	return u.Host
}
