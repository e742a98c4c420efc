package publish

import (
	"fmt"
	"testing"
	"time"
)

// TestSign uses RFC 4231's test case 2 for HMAC-SHA256.
func TestSign(t *testing.T) {
	body := []byte("what do ya want for nothing?")
	want := "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
	if got := Sign("Jefe", body); got != want {
		t.Fatalf("Sign = %s, want %s", got, want)
	}
	if !Verify("Jefe", body, want) || Verify("jefe", body, want) || Verify("Jefe", append(body, '!'), want) || Verify("Jefe", body, "") {
		t.Error("Verify accepts a wrong signature or refuses the right one")
	}
}

func TestBackoff(t *testing.T) {
	b := Backoff{Initial: time.Second, Max: 10 * time.Second, Attempts: 5}
	var got []time.Duration
	for n := 1; n <= 6; n++ {
		got = append(got, b.Delay(n))
	}
	want := []time.Duration{1 * time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("delays %v, want %v", got, want)
		}
	}
	if d := DefaultBackoff(); d.Delay(1000) != d.Max {
		t.Errorf("a late delay overflows: %v", d.Delay(1000))
	}
	for _, c := range []struct {
		n, status int
		retry     bool
	}{
		{1, 0, true}, {1, 500, true}, {1, 503, true}, {1, 429, true}, {1, 408, true},
		{1, 400, false}, {1, 404, false}, {1, 301, false}, {4, 503, true}, {5, 503, false}, {5, 0, false},
	} {
		if got := b.Retry(c.n, c.status); got != c.retry {
			t.Errorf("Retry(%d, %d) = %v, want %v", c.n, c.status, got, c.retry)
		}
	}
	if (Webhooks{}).Schedule() != DefaultBackoff() || (Webhooks{}).AttemptTimeout() != 10*time.Second {
		t.Error("zero Webhooks does not default")
	}
}

// TestWebhookLease: the claim's lease defaults to the attempt timeout and
// 30 s, may be set, and must outlast an attempt, or a slow live attempt
// would be claimed and sent again by another process.
func TestWebhookLease(t *testing.T) {
	hook := []string{"https://example.org/h"}
	for _, c := range []struct {
		w     Webhooks
		lease time.Duration
		err   string
	}{
		{Webhooks{URLs: hook, Secret: "s"}, 40 * time.Second, ""},
		{Webhooks{URLs: hook, Secret: "s", Timeout: 2 * time.Second}, 32 * time.Second, ""},
		{Webhooks{URLs: hook, Secret: "s", Timeout: 2 * time.Second, Lease: 3 * time.Second}, 3 * time.Second, ""},
		{Webhooks{URLs: hook, Secret: "s", Lease: 10 * time.Second}, 10 * time.Second,
			"webhook lease 10s: want it longer than an attempt's timeout (10s), or a slow attempt is sent twice"},
		{Webhooks{URLs: hook, Secret: "s", Timeout: -time.Second}, 40 * time.Second,
			"webhook timeout -1s and lease 0s: want positive durations (or zero for the defaults)"},
	} {
		if got := c.w.ClaimLease(); got != c.lease {
			t.Errorf("%+v: lease %v, want %v", c.w, got, c.lease)
		}
		err := c.w.Validate()
		if got := fmt.Sprint(err); (c.err == "" && err != nil) || (c.err != "" && got != c.err) {
			t.Errorf("%+v: Validate() = %v, want %q", c.w, err, c.err)
		}
	}
}
