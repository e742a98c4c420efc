package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
)

// csrfLabel separates anti-forgery tokens from any other value derived from
// the same secret.
const csrfLabel = "tilmash csrf v1"

// CSRFToken derives the anti-forgery token of a secret: the session token of a
// signed-in browser, or the pre-session secret of the sign-in form. The server
// keeps no extra state, and the token, which pages show, reveals nothing of the
// HttpOnly cookie it comes from.
func CSRFToken(secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(csrfLabel))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// CheckCSRF reports whether token is the anti-forgery token of secret, in
// constant time. An empty secret or token never matches.
func CheckCSRF(secret, token string) bool {
	if secret == "" || token == "" {
		return false
	}
	return hmac.Equal([]byte(CSRFToken(secret)), []byte(token))
}
