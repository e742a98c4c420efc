package httpx

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// StatusOf is the one mapping from application error codes to HTTP statuses.
func StatusOf(code apperr.Code) int {
	switch code {
	case apperr.Invalid:
		return http.StatusBadRequest
	case apperr.Unauthorized:
		return http.StatusUnauthorized
	case apperr.Forbidden:
		return http.StatusForbidden
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.Conflict:
		return http.StatusConflict
	case apperr.Gone:
		return http.StatusGone
	case apperr.TooLarge:
		return http.StatusRequestEntityTooLarge
	case apperr.ChecksFailed, apperr.BadCut, apperr.Unprocessable:
		return http.StatusUnprocessableEntity
	case apperr.Throttled:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// WriteError ends the request with the JSON error body {"error", "code"}.
func WriteError(c *gin.Context, status int, code, message string) {
	AbortWithError(c, status, gin.H{"error": message, "code": code})
}

// AbortWithError ends the request with a JSON error body; every error body
// carries the request's id, so a user can quote it.
func AbortWithError(c *gin.Context, status int, body gin.H) {
	if id := RequestIDOf(c); id != "" {
		body["request_id"] = id
	}
	c.AbortWithStatusJSON(status, body)
}

// Fail answers with an application error, or a 500 logged to log for anything else.
func Fail(c *gin.Context, log *slog.Logger, err error) {
	e, ok := apperr.As(err)
	if !ok {
		log.Error("request failed", "request_id", RequestIDOf(c), "method", c.Request.Method, "route", c.FullPath(), "err", err)
		WriteError(c, http.StatusInternalServerError, string(apperr.Internal), "internal error")
		return
	}
	body := gin.H{}
	for k, v := range e.Details {
		body[k] = v
	}
	body["error"] = e.Message
	body["code"] = string(e.Code)
	AbortWithError(c, StatusOf(e.Code), body)
}
