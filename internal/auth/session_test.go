package auth

import (
	"testing"
	"time"
)

func TestSessionTokens(t *testing.T) {
	tok, hash, err := NewSessionToken()
	if err != nil {
		t.Fatal(err)
	}
	if len(tok) != 43 || HashToken(tok) != hash || hash == tok {
		t.Fatalf("token %q hash %q", tok, hash)
	}
	tok2, _, _ := NewSessionToken()
	if tok2 == tok {
		t.Fatal("two session tokens are equal")
	}
}

func TestSessionNeedsRenewal(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		left time.Duration
		want bool
	}{
		{SessionLifetime, false},
		{SessionLifetime - SessionRenewEvery + time.Second, false},
		{SessionLifetime - SessionRenewEvery, false},
		{SessionLifetime - SessionRenewEvery - time.Second, true},
		{time.Minute, true},
	}
	for _, tt := range tests {
		if got := SessionNeedsRenewal(now.Add(tt.left), now); got != tt.want {
			t.Errorf("%v left: renew = %v, want %v", tt.left, got, tt.want)
		}
	}
}
