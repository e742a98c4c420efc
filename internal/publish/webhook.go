package publish

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// SignatureHeader carries a webhook body's signature: "sha256=" and the
// hex HMAC-SHA256 of the body under the shared secret.
const SignatureHeader = "X-Tilmash-Signature"

// Webhook events.
const (
	EventPublished = "release.published"
	EventWithdrawn = "release.withdrawn"
)

// Webhooks configures the optional notifications sent on each release.
type Webhooks struct {
	URLs   []string
	Secret string
	// Backoff is the retry schedule; the zero value means DefaultBackoff.
	Backoff Backoff
	// Timeout bounds one attempt; zero means 10 seconds.
	Timeout time.Duration
	// Lease is how long a dispatcher holds a claimed notification before
	// another may take it; zero means Timeout + 30 seconds. It is what a
	// notification whose process died mid-attempt waits before another
	// process sends it again, so it must outlast an attempt: shorter, and a
	// slow but live attempt would be sent twice.
	Lease time.Duration
}

// Enabled reports whether any URL is configured.
func (w Webhooks) Enabled() bool { return len(w.URLs) > 0 }

// Validate refuses URLs that are not absolute http(s) addresses, and URLs
// without a secret: an unsigned notification could be forged by anyone.
func (w Webhooks) Validate() error {
	for _, raw := range w.URLs {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("webhook %q: want an absolute http:// or https:// URL", raw)
		}
	}
	if w.Enabled() && strings.TrimSpace(w.Secret) == "" {
		return fmt.Errorf("webhooks need a secret to sign their bodies: set --webhook-secret or TILMASH_WEBHOOK_SECRET")
	}
	if w.Timeout < 0 || w.Lease < 0 {
		return fmt.Errorf("webhook timeout %v and lease %v: want positive durations (or zero for the defaults)", w.Timeout, w.Lease)
	}
	if w.Lease > 0 && w.Lease <= w.AttemptTimeout() {
		return fmt.Errorf("webhook lease %v: want it longer than an attempt's timeout (%v), or a slow attempt is sent twice", w.Lease, w.AttemptTimeout())
	}
	return nil
}

// Schedule returns the back-off to use, the default for the zero value.
func (w Webhooks) Schedule() Backoff {
	if w.Backoff.Attempts <= 0 {
		return DefaultBackoff()
	}
	return w.Backoff
}

// AttemptTimeout returns the time one attempt may take.
func (w Webhooks) AttemptTimeout() time.Duration {
	if w.Timeout <= 0 {
		return 10 * time.Second
	}
	return w.Timeout
}

// ClaimLease returns how long a dispatcher holds a notification it claimed.
func (w Webhooks) ClaimLease() time.Duration {
	if w.Lease <= 0 {
		return w.AttemptTimeout() + 30*time.Second
	}
	return w.Lease
}

// Backoff is an exponential retry schedule.
type Backoff struct {
	Initial  time.Duration // the wait after the first failure
	Max      time.Duration // no wait is longer
	Attempts int           // attempts in all, the first included
}

// DefaultBackoff waits 2s, 4s, 8s … up to 10 minutes, eight attempts in all
// (about 14 minutes from the first to the last).
func DefaultBackoff() Backoff {
	return Backoff{Initial: 2 * time.Second, Max: 10 * time.Minute, Attempts: 8}
}

// Delay is the wait after failed attempt n (1-based) before the next one:
// Initial doubled n-1 times, at most Max.
func (b Backoff) Delay(n int) time.Duration {
	d := b.Initial
	for i := 1; i < n; i++ {
		if d >= b.Max/2 {
			return b.Max
		}
		d *= 2
	}
	return min(d, b.Max)
}

// Retry reports whether to try again after attempt n (1-based) answered
// status (0 when no answer came): network failures, 408, 429 and 5xx are
// worth another try while attempts remain; other answers are final.
func (b Backoff) Retry(n, status int) bool {
	if n >= b.Attempts {
		return false
	}
	return status == 0 || status == 408 || status == 429 || status >= 500
}

// Delivered reports whether a receiver's status means it took the notification.
func Delivered(status int) bool { return status >= 200 && status < 300 }

// Sign returns the signature header value of body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a signature header value in constant time; receivers written
// in Go can use it as is.
func Verify(secret string, body []byte, signature string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(signature))
}

// ReleasePath is the public path of a release; number "latest" names the
// newest live one.
func ReleasePath(doc int64, lang, number string) string {
	return fmt.Sprintf("/releases/%d/%s/%s", doc, lang, number)
}
