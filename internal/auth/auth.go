// Package auth holds the credentials rules: how passwords and API tokens are
// made, stored and checked. It knows nothing of HTTP or SQL.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/bcrypt"

	"tilmash/internal/apperr"
)

// tokenPrefix makes leaked tokens easy to recognise in logs and secret scanners.
const tokenPrefix = "tlm_"

// NewToken returns a fresh API token and the hash to store. The token itself
// is shown once and never stored.
func NewToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("new token: %w", err)
	}
	token = tokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token), nil
}

// HashToken is the stored form of a token. Tokens carry 256 random bits, so a
// fast hash is enough and keeps every request cheap (bcrypt is for passwords).
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// NewPassword returns a random password for demo users: readable, 16 characters.
func NewPassword() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("new password: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// HashPassword validates and hashes a password with bcrypt.
func HashPassword(password string) (string, error) {
	if len([]rune(password)) < MinPasswordLength {
		return "", apperr.New(apperr.Invalid, "the password needs at least %d characters", MinPasswordLength)
	}
	if len(password) > 72 {
		return "", apperr.New(apperr.Invalid, "the password is longer than 72 bytes")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(h), nil
}

// decoyHash is the hash of a random password at the cost real ones have.
var decoyHash = sync.OnceValue(func() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	h, err := bcrypt.GenerateFromPassword(b, bcrypt.DefaultCost)
	if err != nil {
		panic("auth: bcrypt of a random password failed: " + err.Error())
	}
	return string(h)
})

// DecoyHash is a bcrypt hash no password matches, to compare against when
// a name has no password, so that the check costs what a real one costs.
func DecoyHash() string { return decoyHash() }

// CheckPassword reports whether password matches the stored hash.
func CheckPassword(hash, password string) bool {
	return hash != "" && bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}

// BearerToken extracts the token from an Authorization header value.
func BearerToken(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}
