package httpx

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tilmash/internal/metrics"
)

// LogRequests writes one line per request: its id, method, route template
// (never the raw path, which may carry a token or a name), status, duration
// and the signed-in user, and counts it in m (which may be nil). Texts,
// passwords and tokens are never logged.
func LogRequests(log *slog.Logger, m *metrics.Metrics) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		elapsed := time.Since(start)
		m.Request(RouteOf(c), c.Request.Method, c.Writer.Status(), elapsed)
		attrs := []any{"request_id", RequestIDOf(c), "method", c.Request.Method, "route", RouteOf(c),
			"status", c.Writer.Status(), "duration", elapsed.Round(time.Microsecond)}
		if a := Actor(c); a.Name != "" {
			attrs = append(attrs, "user", a.Name)
		}
		log.Info("request", attrs...)
	}
}

// RouteOf is the request's route template ("/api/v1/segments/:sid/translations/:lang"),
// or "unmatched" for a path no route serves.
func RouteOf(c *gin.Context) string {
	if r := c.FullPath(); r != "" {
		return r
	}
	return "unmatched"
}

// Recoverer turns a panic into a logged 500 so one bad request never takes the service down.
func Recoverer(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if p := recover(); p != nil {
				log.Error("panic", "request_id", RequestIDOf(c), "route", RouteOf(c), "panic", p)
				if !c.Writer.Written() {
					WriteError(c, http.StatusInternalServerError, "internal", "internal error")
				}
				c.Abort()
			}
		}()
		c.Next()
	}
}
