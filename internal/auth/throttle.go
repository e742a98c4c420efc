package auth

import (
	"strings"
	"sync"
	"time"
)

// ThrottleConfig tunes the sign-in slow-down.
type ThrottleConfig struct {
	Free    int           // failures allowed before any delay
	Base    time.Duration // the delay after the first failure past Free; it doubles with each further one
	Max     time.Duration // the longest delay: a lockout
	Forget  time.Duration // a key without failures for this long starts afresh
	MaxKeys int           // memory bound; the stalest keys are dropped first
}

// DefaultThrottle lets a person mistype three times, then doubles a wait from
// one second up to a quarter of an hour: harmless to people, ruinous to
// password guessing.
func DefaultThrottle() ThrottleConfig {
	return ThrottleConfig{Free: 3, Base: time.Second, Max: 15 * time.Minute, Forget: time.Hour, MaxKeys: 10000}
}

// Throttle counts failed sign-ins per key (a name and an address) and says how
// long the next attempt must wait. It lives in memory: a restart forgets, which
// is acceptable for a slow-down whose longest wait is minutes. It is safe for
// concurrent use.
type Throttle struct {
	cfg  ThrottleConfig
	now  func() time.Time
	mu   sync.Mutex
	keys map[string]*attempts
}

type attempts struct {
	failures int
	last     time.Time // of the latest failure
	until    time.Time // no attempt before this
}

// NewThrottle makes a throttle reading time from now (time.Now in production,
// a fake clock in tests).
func NewThrottle(cfg ThrottleConfig, now func() time.Time) *Throttle {
	if cfg.MaxKeys <= 0 {
		cfg.MaxKeys = DefaultThrottle().MaxKeys
	}
	return &Throttle{cfg: cfg, now: now, keys: make(map[string]*attempts)}
}

// ThrottleKey is the key of a sign-in attempt: the name as the store matches it
// (trimmed; case folded so that "Aigerim" and "aigerim" share one count) and
// the client address.
func ThrottleKey(name, ip string) string {
	return strings.ToLower(strings.TrimSpace(name)) + "\x00" + ip
}

// Wait is how long the key must wait before its next attempt; zero allows it now.
func (t *Throttle) Wait(key string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	a := t.keys[key]
	if a == nil {
		return 0
	}
	now := t.now()
	if t.stale(a, now) {
		delete(t.keys, key)
		return 0
	}
	if d := a.until.Sub(now); d > 0 {
		return d
	}
	return 0
}

// Failed records a failed attempt and returns the wait it imposes.
func (t *Throttle) Failed(key string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	a := t.keys[key]
	if a != nil && t.stale(a, now) {
		a = nil
	}
	if a == nil {
		if len(t.keys) >= t.cfg.MaxKeys {
			t.evict(now)
		}
		a = &attempts{}
		t.keys[key] = a
	}
	a.failures++
	a.last = now
	d := t.delay(a.failures)
	a.until = now.Add(d)
	return d
}

// Succeeded forgets the key's failures.
func (t *Throttle) Succeeded(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.keys, key)
}

// delay is the wait after the n-th consecutive failure.
func (t *Throttle) delay(n int) time.Duration {
	over := n - t.cfg.Free
	if over <= 0 {
		return 0
	}
	d := t.cfg.Base
	for i := 1; i < over; i++ {
		d *= 2
		if d >= t.cfg.Max {
			return t.cfg.Max
		}
	}
	return min(d, t.cfg.Max)
}

func (t *Throttle) stale(a *attempts, now time.Time) bool {
	return now.Sub(a.last) >= t.cfg.Forget && !now.Before(a.until)
}

// evict drops stale keys, and if none is stale, the one whose last failure is oldest.
func (t *Throttle) evict(now time.Time) {
	var oldestKey string
	var oldest time.Time
	for k, a := range t.keys {
		if t.stale(a, now) {
			delete(t.keys, k)
			continue
		}
		if oldestKey == "" || a.last.Before(oldest) {
			oldestKey, oldest = k, a.last
		}
	}
	if len(t.keys) >= t.cfg.MaxKeys && oldestKey != "" {
		delete(t.keys, oldestKey)
	}
}

// Len is the number of keys remembered (for tests and metrics).
func (t *Throttle) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.keys)
}
