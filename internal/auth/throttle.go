package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// ThrottleRule is how fast one key (a name, or a client address) may keep
// failing to sign in: Free attempts without a wait, then a wait that starts
// at Base and doubles with each further attempt up to Max. A key with no
// attempt for Forget starts afresh.
type ThrottleRule struct {
	Free   int
	Base   time.Duration
	Max    time.Duration
	Forget time.Duration
}

// ThrottlePolicy counts sign-in attempts per name across all addresses and
// per address across all names, so that neither more addresses nor more
// names buy a guesser more tries.
type ThrottlePolicy struct {
	Name    ThrottleRule
	Address ThrottleRule
	// MaxKeys bounds the stored counters. When that many are live, a new key
	// shares one of OverflowBuckets counters instead: nothing is ever evicted,
	// so flooding the table never frees a locked name.
	MaxKeys         int
	OverflowBuckets int
}

// DefaultThrottle lets a person mistype four times, then doubles a wait from
// one second up to a quarter of an hour; an address gets ten failures across
// all names before its own wait starts. Harmless to people, ruinous to
// guessing: after the free tries a name yields fewer than 100 guesses a day.
func DefaultThrottle() ThrottlePolicy {
	return ThrottlePolicy{
		Name:            ThrottleRule{Free: 4, Base: time.Second, Max: 15 * time.Minute, Forget: time.Hour},
		Address:         ThrottleRule{Free: 10, Base: time.Second, Max: 15 * time.Minute, Forget: time.Hour},
		MaxKeys:         100_000,
		OverflowBuckets: 1024,
	}
}

// Counter is the stored state of one key: the attempts it made that did not
// succeed (counted when they start, so a burst is counted whole before any
// of it is answered) and when the latest began.
type Counter struct {
	Attempts int
	Last     time.Time
}

// Fresh is the counter as it stands at now: forgotten after Forget without attempts.
func (r ThrottleRule) Fresh(c Counter, now time.Time) Counter {
	if c.Attempts > 0 && now.Sub(c.Last) >= r.Forget {
		return Counter{}
	}
	return c
}

// Wait is how long the key must still wait before its next attempt may
// start; zero allows it now. The n-th attempt may start delay(n) after the
// one before it.
func (r ThrottleRule) Wait(c Counter, now time.Time) time.Duration {
	c = r.Fresh(c, now)
	delay := r.delay(c.Attempts + 1)
	if c.Attempts == 0 || delay == 0 {
		// A free attempt never waits, even when now is before the last one began: attempts
		// stamped before they queue for the counter reach it out of order.
		return 0
	}
	if d := c.Last.Add(delay).Sub(now); d > 0 {
		return d
	}
	return 0
}

// Attempt is the counter after an attempt starts at now. Last never moves back: an attempt
// stamped earlier may be counted after a later one.
func (r ThrottleRule) Attempt(c Counter, now time.Time) Counter {
	c = r.Fresh(c, now)
	if c.Last.After(now) {
		now = c.Last
	}
	return Counter{Attempts: c.Attempts + 1, Last: now}
}

// delay is the wait before the n-th attempt (1-based).
func (r ThrottleRule) delay(n int) time.Duration {
	over := n - r.Free
	if over <= 0 {
		return 0
	}
	d := r.Base
	for i := 1; i < over; i++ {
		d *= 2
		if d >= r.Max {
			return r.Max
		}
	}
	return min(d, r.Max)
}

// ThrottleKey names a counter. Names and addresses are stored only as
// hashes: a throttle table never holds a typed name (which is sometimes a
// password typed into the wrong field) or an address in clear.
type ThrottleKey struct {
	Kind string // "name" or "addr"
	ID   string // hex hash
}

// String is the key as stored.
func (k ThrottleKey) String() string { return k.Kind + ":" + k.ID }

// NameKey is the counter of a sign-in name, as the store matches names
// (trimmed; case folded so "Aigerim" and "aigerim" share one count), whether
// or not such a user exists — an unknown name is throttled like a known one.
func NameKey(name string) ThrottleKey {
	return ThrottleKey{Kind: "name", ID: digest(strings.ToLower(strings.TrimSpace(name)))}
}

// AddressKey is the counter of a client address. An IPv6 client counts by
// its /64, which one subscriber usually has whole.
func AddressKey(ip string) ThrottleKey {
	a, err := netip.ParseAddr(ip)
	if err == nil {
		a = a.Unmap()
		if a.Is6() {
			p, _ := a.Prefix(64)
			ip = p.String()
		} else {
			ip = a.String()
		}
	}
	return ThrottleKey{Kind: "addr", ID: digest(ip)}
}

// Overflow is the shared counter a key falls back to while the table is full.
func (p ThrottlePolicy) Overflow(k ThrottleKey) ThrottleKey {
	buckets := max(p.OverflowBuckets, 1)
	sum := sha256.Sum256([]byte(k.ID))
	n := (int(sum[0])<<8 | int(sum[1])) % buckets
	return ThrottleKey{Kind: k.Kind, ID: "overflow-" + strconv.Itoa(n)}
}

// Rule is the rule of a key's kind.
func (p ThrottlePolicy) Rule(k ThrottleKey) ThrottleRule {
	if k.Kind == "addr" {
		return p.Address
	}
	return p.Name
}

func digest(s string) string {
	sum := sha256.Sum256([]byte("tilmash-throttle\x00" + s))
	return hex.EncodeToString(sum[:16])
}
