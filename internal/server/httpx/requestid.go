package httpx

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/gin-gonic/gin"
)

// requestIDHeader names a request so a user can quote it and an operator find its log line.
const (
	requestIDHeader = "X-Request-ID"
	requestIDKey    = "tilmash.request_id"
	maxRequestID    = 64
)

// RequestID takes the caller's X-Request-ID when it is well formed (a proxy
// or client that names its requests keeps its name) and makes one otherwise;
// the answer echoes it, and so do the log line and every error body.
func RequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(requestIDHeader)
		if !WellFormedRequestID(id) {
			id = newRequestID()
		}
		c.Set(requestIDKey, id)
		c.Header(requestIDHeader, id)
		c.Next()
	}
}

// WellFormedRequestID accepts 1 to 64 letters, digits and - _ . : — enough
// for UUIDs and the ids of common proxies, nothing that could forge a log
// line or a header.
func WellFormedRequestID(id string) bool {
	if id == "" || len(id) > maxRequestID {
		return false
	}
	for i := 0; i < len(id); i++ {
		b := id[i]
		if !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '-' || b == '_' || b == '.' || b == ':') {
			return false
		}
	}
	return true
}

func newRequestID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// RequestIDOf is the request's id, as RequestID set it.
func RequestIDOf(c *gin.Context) string { return c.GetString(requestIDKey) }
