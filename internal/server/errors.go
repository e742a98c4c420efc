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
	}
	return http.StatusInternalServerError
}

func writeError(c *gin.Context, status int, code, message string) {
	c.AbortWithStatusJSON(status, gin.H{"error": message, "code": code})
}

// fail answers with an application error, or a logged 500 for anything else.
func (s *Server) fail(c *gin.Context, err error) {
	e, ok := apperr.As(err)
	if !ok {
		s.log.Error("request failed", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
		writeError(c, http.StatusInternalServerError, string(apperr.Internal), "internal error")
		return
	}
	body := gin.H{}
	for k, v := range e.Details {
		body[k] = v
	}
	body["error"] = e.Message
	body["code"] = string(e.Code)
	c.AbortWithStatusJSON(statusOf(e.Code), body)
}
