package auth

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// TestThrottleWaits: four free attempts, then 1 s doubling up to 15 min,
// each measured from the attempt before.
func TestThrottleWaits(t *testing.T) {
	r := DefaultThrottle().Name
	want := []time.Duration{0, 0, 0, 0, 1 * time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 32 * time.Second, 64 * time.Second, 128 * time.Second, 256 * time.Second,
		512 * time.Second, 15 * time.Minute, 15 * time.Minute, 15 * time.Minute}
	var c Counter
	now := t0
	for i, w := range want {
		if got := r.Wait(c, now); got != w {
			t.Fatalf("before attempt %d: wait %v, want %v", i+1, got, w)
		}
		now = now.Add(w)
		if got := r.Wait(c, now); got != 0 {
			t.Fatalf("attempt %d after its wait: still %v", i+1, got)
		}
		c = r.Attempt(c, now)
	}
}

// TestThrottleBurstCountsWhole: attempts that start at the same instant are
// refused once the free ones are used; the count is what was recorded.
func TestThrottleBurstCountsWhole(t *testing.T) {
	r := DefaultThrottle().Name
	var c Counter
	allowed := 0
	for range 40 {
		if r.Wait(c, t0) == 0 {
			c = r.Attempt(c, t0)
			allowed++
		}
	}
	if allowed != r.Free || c.Attempts != r.Free {
		t.Fatalf("allowed %d (counted %d) of a burst, want %d", allowed, c.Attempts, r.Free)
	}
}

// TestThrottleClockOrder: a burst's attempts are stamped before they queue
// for the counter, so they reach it out of clock order. The free ones are
// all allowed however they arrive (a later stamp counted first once made the
// next one wait the microseconds between them, and the burst used fewer
// tries than it had), and the last one counted keeps the latest stamp.
func TestThrottleClockOrder(t *testing.T) {
	r := DefaultThrottle().Name
	var c Counter
	allowed := 0
	for i := range 40 {
		now := t0.Add(time.Duration(40-i) * time.Microsecond) // each stamped before the one counted before it
		if r.Wait(c, now) == 0 {
			c = r.Attempt(c, now)
			allowed++
		}
	}
	if allowed != r.Free || c.Attempts != r.Free {
		t.Fatalf("allowed %d (counted %d) of a burst out of clock order, want %d", allowed, c.Attempts, r.Free)
	}
	if want := t0.Add(40 * time.Microsecond); !c.Last.Equal(want) {
		t.Fatalf("last attempt at %v, want the latest stamp %v", c.Last, want)
	}
}

func TestThrottleForgets(t *testing.T) {
	r := DefaultThrottle().Name
	c := Counter{Attempts: 30, Last: t0}
	if got := r.Wait(c, t0.Add(59*time.Minute)); got != 0 {
		t.Fatalf("59 min after the last attempt of a 15 min lockout: wait %v", got)
	}
	if got := r.Wait(c, t0.Add(10*time.Minute)); got != 5*time.Minute {
		t.Fatalf("10 min into a 15 min lockout: wait %v", got)
	}
	if got := r.Fresh(c, t0.Add(time.Hour)); got != (Counter{}) {
		t.Fatalf("an hour later: %+v", got)
	}
	if got := r.Attempt(c, t0.Add(2*time.Hour)); got.Attempts != 1 {
		t.Fatalf("a fresh start counts 1, got %+v", got)
	}
}

func TestThrottleKeys(t *testing.T) {
	if NameKey(" Aigerim ") != NameKey("aigerim") || NameKey("aigerim") == NameKey("bolat") {
		t.Error("name keys: folded and trimmed, distinct per name")
	}
	if NameKey("aigerim").ID == "aigerim" || len(NameKey("x").ID) != 32 {
		t.Error("name keys are hashes")
	}
	same := [][2]string{
		{"2001:db8:1:2::1", "2001:db8:1:2:ffff::9"}, // one /64
		{"::ffff:192.0.2.7", "192.0.2.7"},           // a mapped IPv4 address
	}
	for _, p := range same {
		if AddressKey(p[0]) != AddressKey(p[1]) {
			t.Errorf("%s and %s should share a counter", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"2001:db8:1:2::1", "2001:db8:1:3::1"}, {"192.0.2.7", "192.0.2.8"}} {
		if AddressKey(p[0]) == AddressKey(p[1]) {
			t.Errorf("%s and %s should not share a counter", p[0], p[1])
		}
	}
	if NameKey("x").Kind == AddressKey("x").Kind {
		t.Error("names and addresses never share a key")
	}
	p := DefaultThrottle()
	o := p.Overflow(NameKey("someone"))
	if o.Kind != "name" || o != p.Overflow(NameKey("someone")) || p.Rule(o) != p.Name || p.Rule(AddressKey("::1")) != p.Address {
		t.Errorf("overflow %v", o)
	}
}
