package httpx

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// MaxBodyBytes bounds every request body that has no limit of its own.
const MaxBodyBytes = 5 << 20

// BaseURL is the scheme and host public links start with: configured, the
// public address the service was given, or else the request's own.
func BaseURL(c *gin.Context, configured string) string {
	if configured != "" {
		return configured
	}
	scheme := "http"
	if c.Request.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.Request.Host
}

// IDParam reads a positive integer path parameter; what names it in the
// not-found error ("document").
func IDParam(c *gin.Context, name, what string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "%s %q not found", what, c.Param(name))
	}
	return id, nil
}
