package auth

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newTestThrottle(maxKeys int) (*Throttle, *fakeClock) {
	clock := &fakeClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	cfg := DefaultThrottle()
	cfg.MaxKeys = maxKeys
	return NewThrottle(cfg, clock.now), clock
}

// TestThrottleDelays: three free mistakes, then 1 s doubling up to 15 min.
func TestThrottleDelays(t *testing.T) {
	th, _ := newTestThrottle(100)
	key := ThrottleKey("aigerim", "10.0.0.1")
	want := []time.Duration{0, 0, 0, 1 * time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 32 * time.Second, 64 * time.Second, 128 * time.Second, 256 * time.Second,
		512 * time.Second, 15 * time.Minute, 15 * time.Minute, 15 * time.Minute}
	for i, w := range want {
		if got := th.Failed(key); got != w {
			t.Errorf("failure %d: wait %v, want %v", i+1, got, w)
		}
		if got := th.Wait(key); got != w {
			t.Errorf("after failure %d: Wait = %v, want %v", i+1, got, w)
		}
	}
	for i := range 100 {
		th.Failed(key)
		if got := th.Wait(key); got != 15*time.Minute {
			t.Fatalf("failure %d: wait %v, want the 15 min cap", 17+i, got)
		}
	}
}

func TestThrottleTimePassesAndSuccessForgets(t *testing.T) {
	th, clock := newTestThrottle(100)
	key := ThrottleKey("bolat", "10.0.0.2")
	for range 5 {
		th.Failed(key)
	}
	if got := th.Wait(key); got != 2*time.Second {
		t.Fatalf("wait %v, want 2s", got)
	}
	clock.advance(1500 * time.Millisecond)
	if got := th.Wait(key); got != 500*time.Millisecond {
		t.Fatalf("after 1.5 s: wait %v, want 0.5s", got)
	}
	clock.advance(500 * time.Millisecond)
	if got := th.Wait(key); got != 0 {
		t.Fatalf("after the delay: wait %v, want 0", got)
	}
	// The count survives the wait: the next failure doubles again.
	if got := th.Failed(key); got != 4*time.Second {
		t.Fatalf("6th failure: %v, want 4s", got)
	}
	th.Succeeded(key)
	if got := th.Wait(key); got != 0 || th.Len() != 0 {
		t.Fatalf("after success: wait %v, %d keys", got, th.Len())
	}
	// An hour without failures starts afresh.
	for range 4 {
		th.Failed(key)
	}
	clock.advance(time.Hour)
	if got := th.Failed(key); got != 0 {
		t.Fatalf("a failure an hour later waits %v, want 0 (forgotten)", got)
	}
}

func TestThrottleKeys(t *testing.T) {
	th, _ := newTestThrottle(100)
	for range 4 {
		th.Failed(ThrottleKey(" Aigerim ", "10.0.0.1"))
	}
	tests := []struct {
		name, ip string
		wait     bool
	}{
		{"aigerim", "10.0.0.1", true},
		{"AIGERIM", "10.0.0.1", true},
		{"aigerim", "10.0.0.9", false},
		{"bolat", "10.0.0.1", false},
	}
	for _, tt := range tests {
		if got := th.Wait(ThrottleKey(tt.name, tt.ip)) > 0; got != tt.wait {
			t.Errorf("%s@%s: waits = %v, want %v", tt.name, tt.ip, got, tt.wait)
		}
	}
}

// TestThrottleBounded: memory stays bounded, and the stalest key goes first.
func TestThrottleBounded(t *testing.T) {
	th, clock := newTestThrottle(10)
	for i := range 50 {
		clock.advance(time.Millisecond)
		for range 4 {
			th.Failed(ThrottleKey(fmt.Sprint("user", i), "10.0.0.1"))
		}
		if th.Len() > 10 {
			t.Fatalf("%d keys remembered, want at most 10", th.Len())
		}
	}
	if th.Wait(ThrottleKey("user49", "10.0.0.1")) == 0 {
		t.Error("the newest key was dropped")
	}
	if th.Wait(ThrottleKey("user0", "10.0.0.1")) != 0 {
		t.Error("the oldest key was kept")
	}
}

func TestThrottleConcurrent(t *testing.T) {
	th, _ := newTestThrottle(1000)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 100 {
				k := ThrottleKey(fmt.Sprint("u", j%10), fmt.Sprint(i))
				th.Failed(k)
				th.Wait(k)
				if j%7 == 0 {
					th.Succeeded(k)
				}
			}
		}()
	}
	wg.Wait()
}
