package auth

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"time"
)

// Session lifetimes. A session dies after SessionLifetime without use; use
// renews it, but at most once per SessionRenewEvery so that reading pages does
// not turn every request into a database write.
const (
	SessionLifetime   = 12 * time.Hour
	SessionRenewEvery = time.Hour
)

// NewSessionToken returns a fresh browser session token for the cookie and the
// hash to store. Like API tokens it carries 256 random bits, so the stored
// SHA-256 hash cannot be turned back into a usable cookie.
func NewSessionToken() (token, hash string, err error) {
	token, err = NewSecret()
	if err != nil {
		return "", "", fmt.Errorf("new session: %w", err)
	}
	return token, HashToken(token), nil
}

// NewSecret returns 256 random bits, URL-safe: the key of a session or of a
// sign-in form's anti-forgery token.
func NewSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("new secret: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// SessionNeedsRenewal reports whether a session expiring at expires, used at
// now, should have its expiry pushed back to now+SessionLifetime.
func SessionNeedsRenewal(expires, now time.Time) bool {
	return expires.Sub(now) < SessionLifetime-SessionRenewEvery
}
