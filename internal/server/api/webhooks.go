package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// webhookDeliveries: GET /api/v1/webhooks/deliveries[?release=ID&limit=N], admins only.
func (s *Server) webhookDeliveries(c *gin.Context) {
	release, err := queryInt(c, "release", 0)
	if err != nil {
		s.fail(c, err)
		return
	}
	limit, err := queryInt(c, "limit", 100)
	if err != nil {
		s.fail(c, err)
		return
	}
	log, err := s.app.Deliveries(c.Request.Context(), actor(c), int64(release), limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, log)
}

// queryInt reads an optional non-negative integer from the query string.
func queryInt(c *gin.Context, name string, def int) (int, error) {
	v, ok := c.GetQuery(name)
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, apperr.New(apperr.Invalid, "%q must be a whole number, not %q", name, v)
	}
	return n, nil
}
