package server

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/metrics"
	"tilmash/internal/publish"
	"tilmash/internal/store"
)

// Webhook delivery limits.
const (
	webhookConcurrency = 4               // deliveries in flight at once
	webhookPoll        = 2 * time.Second // how often the outbox is read without a wake-up
)

// webhooks sends signed notifications of releases to the configured URLs
// through the database's outbox: notify writes one row per URL, and one
// dispatcher per process claims due rows, posts them (at most
// webhookConcurrency at once) and records each attempt with its outcome, so
// retries survive a restart and several processes never send one attempt
// twice. Close stops it; what is pending stays in the outbox for the next
// start. With no URLs configured it does nothing.
type webhooks struct {
	cfg     publish.Webhooks
	backoff publish.Backoff
	store   *store.Store
	log     *slog.Logger
	metrics *metrics.Metrics
	client  *http.Client
	wake    chan struct{}
	ctx     context.Context
	stop    context.CancelFunc
	wg      sync.WaitGroup
	once    sync.Once
}

// hookPayload is the JSON body of a notification.
type hookPayload struct {
	Event    string      `json:"event"`
	Delivery string      `json:"delivery"`
	Release  releaseJSON `json:"release"`
}

func newWebhooks(cfg publish.Webhooks, st *store.Store, log *slog.Logger, m *metrics.Metrics) (*webhooks, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	h := &webhooks{cfg: cfg, backoff: cfg.Schedule(), store: st, log: log, metrics: m}
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

// Close stops the server's background work — webhook deliveries — and waits
// for it to end. Call it after the HTTP server has shut down and before the
// store is closed.
func (s *Server) Close() error {
	s.hooks.close()
	return nil
}

func (h *webhooks) close() {
	if h.stop == nil {
		return
	}
	h.once.Do(func() {
		h.stop()
		h.wg.Wait()
	})
}

// notify queues a notification of a release event to every URL in the
// outbox and wakes the dispatcher; it never waits for a delivery.
func (h *webhooks) notify(ctx context.Context, event string, rel releaseJSON) {
	if !h.cfg.Enabled() {
		return
	}
	msgs := make([]store.OutboxMessage, 0, len(h.cfg.URLs))
	for _, u := range h.cfg.URLs {
		id := deliveryID()
		body, err := json.Marshal(hookPayload{Event: event, Delivery: id, Release: rel})
		if err != nil {
			h.log.Error("webhook payload", "release", rel.ID, "err", err)
			return
		}
		msgs = append(msgs, store.OutboxMessage{Delivery: id, URL: u, Event: event, Release: rel.ID, Body: body})
	}
	if err := h.store.EnqueueWebhooks(context.WithoutCancel(ctx), msgs); err != nil {
		h.log.Error("webhook queue", "release", rel.ID, "err", err)
		return
	}
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// deliveryID names one notification; its attempts share it.
func deliveryID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// dispatch claims due notifications and delivers them, at most
// webhookConcurrency at once, until the server closes. It reads the outbox
// when woken by notify, when a delivery ends, when the next retry is due,
// and every webhookPoll (another process may have queued work).
func (h *webhooks) dispatch() {
	defer h.wg.Done()
	slots := make(chan struct{}, webhookConcurrency)
	lease := h.cfg.AttemptTimeout() + 30*time.Second
	for {
		free := cap(slots) - len(slots)
		if free > 0 {
			msgs, err := h.store.ClaimWebhooks(h.ctx, free, lease)
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
		wait := webhookPoll
		if len(slots) == cap(slots) {
			wait = time.Hour // every slot is busy: a finishing delivery wakes the loop
		} else if due, ok, err := h.store.NextWebhookDue(h.ctx); err == nil && ok {
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
func (h *webhooks) deliver(m store.OutboxMessage) {
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
		h.log.Warn("webhook not delivered", "host", hostOf(m.URL), "release", m.Release, "attempts", n, "err", msg)
	}
	h.metrics.WebhookAttempt(outcome)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(h.ctx), 5*time.Second)
	defer cancel()
	err = h.store.FinishWebhookAttempt(ctx, m.ID, store.DeliveryView{Delivery: m.Delivery, URL: m.URL, Release: m.Release,
		Event: m.Event, Attempt: n, Status: status, Error: msg}, !again, time.Now().Add(h.backoff.Delay(n)))
	if err != nil {
		h.log.Error("webhook delivery log", "release", m.Release, "err", err)
	}
}

// attempt posts the body once and returns the receiver's status.
func (h *webhooks) attempt(job store.OutboxMessage, n int) (int, error) {
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

// webhookDeliveries: GET /api/v1/webhooks/deliveries[?release=ID&limit=N], admins only.
func (s *Server) webhookDeliveries(c *gin.Context) {
	a := actor(c)
	if !a.IsAdmin() {
		s.fail(c, apperr.New(apperr.Forbidden, "%s may not read the webhook delivery log; it is for admins", a.Name))
		return
	}
	release, err := queryInt(c, "release", 0)
	if err != nil {
		s.fail(c, err)
		return
	}
	limit, err := queryInt(c, "limit", 100)
	if err != nil {
		s.fail(c, err)
		return
	}
	if limit < 1 || limit > 1000 {
		s.fail(c, apperr.New(apperr.Invalid, `"limit" must be between 1 and 1000, not %d`, limit))
		return
	}
	ds, err := s.store.Deliveries(c.Request.Context(), int64(release), limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"deliveries": ds, "urls": len(s.cfg.Webhooks.URLs)})
}

// queryInt reads an optional non-negative integer from the query string.
func queryInt(c *gin.Context, name string, def int) (int, error) {
	v, ok := c.GetQuery(name)
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, apperr.New(apperr.Invalid, "%q must be a whole number, not %q", name, v)
	}
	return n, nil
}
