package server

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// statusOf is the one mapping from application error codes to HTTP statuses.
func statusOf(code apperr.Code) int {
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
	case apperr.ChecksFailed:
		return http.StatusUnprocessableEntity
	case apperr.Throttled:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

func writeError(c *gin.Context, status int, code, message string) {
	abortWithError(c, status, gin.H{"error": message, "code": code})
}

// abortWithError ends the request with a JSON error body; every error body
// carries the request's id, so a user can quote it.
func abortWithError(c *gin.Context, status int, body gin.H) {
	if id := requestIDOf(c); id != "" {
		body["request_id"] = id
	}
	c.AbortWithStatusJSON(status, body)
}

// fail answers with an application error, or a logged 500 for anything else.
func (s *Server) fail(c *gin.Context, err error) {
	e, ok := apperr.As(err)
	if !ok {
		s.log.Error("request failed", "request_id", requestIDOf(c), "method", c.Request.Method, "route", c.FullPath(), "err", err)
		writeError(c, http.StatusInternalServerError, string(apperr.Internal), "internal error")
		return
	}
	body := gin.H{}
	for k, v := range e.Details {
		body[k] = v
	}
	body["error"] = e.Message
	body["code"] = string(e.Code)
	abortWithError(c, statusOf(e.Code), body)
}
