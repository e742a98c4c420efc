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
	"tilmash/internal/publish"
	"tilmash/internal/store"
)

// Webhook delivery limits.
const (
	webhookQueue       = 256 // notifications waiting for a worker
	webhookConcurrency = 4   // deliveries in flight at once
)

// webhooks sends signed notifications of releases to the configured URLs
// from background goroutines the server owns: one dispatcher and a bounded
// number of deliveries, each retrying with back-off. Close stops them.
// With no URLs configured it does nothing.
type webhooks struct {
	cfg     publish.Webhooks
	backoff publish.Backoff
	store   *store.Store
	log     *slog.Logger
	client  *http.Client
	jobs    chan hookJob
	ctx     context.Context
	stop    context.CancelFunc
	wg      sync.WaitGroup
	once    sync.Once
}

// hookJob is one notification to one URL; every attempt sends the same body.
type hookJob struct {
	url      string
	delivery string
	event    string
	release  int64
	body     []byte
}

// hookPayload is the JSON body of a notification.
type hookPayload struct {
	Event    string      `json:"event"`
	Delivery string      `json:"delivery"`
	Release  releaseJSON `json:"release"`
}

func newWebhooks(cfg publish.Webhooks, st *store.Store, log *slog.Logger) (*webhooks, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	h := &webhooks{cfg: cfg, backoff: cfg.Schedule(), store: st, log: log}
	if !cfg.Enabled() {
		return h, nil
	}
	h.client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	h.jobs = make(chan hookJob, webhookQueue)
	h.ctx, h.stop = context.WithCancel(context.Background())
	h.wg.Add(1)
	go h.dispatch()
	return h, nil
}

// Close stops the server's background work — webhook deliveries and their
// retries — and waits for it to end. Call it after the HTTP server has shut
// down and before the store is closed.
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

// notify queues a notification of a release event to every URL. It never
// blocks a request: when the queue is full the notification is logged as dropped.
func (h *webhooks) notify(event string, rel releaseJSON) {
	if !h.cfg.Enabled() || h.ctx.Err() != nil {
		return
	}
	for _, u := range h.cfg.URLs {
		id := deliveryID()
		body, err := json.Marshal(hookPayload{Event: event, Delivery: id, Release: rel})
		if err != nil {
			h.log.Error("webhook payload", "release", rel.ID, "err", err)
			return
		}
		job := hookJob{url: u, delivery: id, event: event, release: rel.ID, body: body}
		select {
		case h.jobs <- job:
		default:
			h.record(job, 0, 0, "dropped: the delivery queue is full", true)
		}
	}
}

// deliveryID names one notification; its attempts share it.
func deliveryID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// dispatch starts a delivery per queued notification, at most
// webhookConcurrency at once, until the server closes.
func (h *webhooks) dispatch() {
	defer h.wg.Done()
	slots := make(chan struct{}, webhookConcurrency)
	for {
		select {
		case <-h.ctx.Done():
			return
		case job := <-h.jobs:
			select {
			case slots <- struct{}{}:
			case <-h.ctx.Done():
				return
			}
			h.wg.Add(1)
			go func() {
				defer h.wg.Done()
				defer func() { <-slots }()
				h.deliver(job)
			}()
		}
	}
}

// deliver tries one notification until the receiver takes it, answers with
// a final status, attempts run out, or the server closes.
func (h *webhooks) deliver(job hookJob) {
	for n := 1; ; n++ {
		status, err := h.attempt(job, n)
		msg := ""
		switch {
		case err != nil:
			msg = err.Error()
		case !publish.Delivered(status):
			msg = "HTTP " + strconv.Itoa(status) + " " + http.StatusText(status)
		}
		again := msg != "" && h.backoff.Retry(n, status)
		h.record(job, n, status, msg, !again)
		if !again {
			if msg != "" {
				h.log.Warn("webhook not delivered", "host", hostOf(job.url), "release", job.release, "attempts", n, "err", msg)
			}
			return
		}
		select {
		case <-time.After(h.backoff.Delay(n)):
		case <-h.ctx.Done():
			h.record(job, n+1, 0, "not attempted: the server stopped before the retry", true)
			return
		}
	}
}

// attempt posts the body once and returns the receiver's status.
func (h *webhooks) attempt(job hookJob, n int) (int, error) {
	ctx, cancel := context.WithTimeout(h.ctx, h.cfg.AttemptTimeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, job.url, bytes.NewReader(job.body))
	if err != nil {
		return 0, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Tilmash-Webhook/1")
	req.Header.Set(publish.SignatureHeader, publish.Sign(h.cfg.Secret, job.body))
	req.Header.Set("X-Tilmash-Event", job.event)
	req.Header.Set("X-Tilmash-Delivery", job.delivery)
	req.Header.Set("X-Tilmash-Attempt", strconv.Itoa(n))
	res, err := h.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("post to %s: %w", hostOf(job.url), unwrapURL(err))
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

// record appends an attempt to the delivery log; it outlives a closing
// server so the last attempt is not lost.
func (h *webhooks) record(job hookJob, n, status int, msg string, final bool) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(h.ctx), 5*time.Second)
	defer cancel()
	err := h.store.RecordDelivery(ctx, store.DeliveryView{Delivery: job.delivery, URL: job.url, Release: job.release,
		Event: job.event, Attempt: n, Status: status, Error: msg, Final: final})
	if err != nil {
		h.log.Error("webhook delivery log", "release", job.release, "err", err)
	}
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
