package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// releaseDiff: GET /api/v1/documents/:id/releases/:lang/diff?from=N&to=M
// lists the segments changed, added and removed from release N to release M.
func (s *Server) releaseDiff(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	l, err := s.app.TargetLanguage(ctx, c.Param("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	from, err := releaseNumberQuery(c, "from")
	if err != nil {
		s.fail(c, err)
		return
	}
	to, err := releaseNumberQuery(c, "to")
	if err != nil {
		s.fail(c, err)
		return
	}
	d, err := s.app.DiffReleases(ctx, id, l.Tag, from, to)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"from": s.releaseJSON(c, d.From), "to": s.releaseJSON(c, d.To), "changes": d.Changes,
		"changed": d.Changed, "added": d.Added, "removed": d.Removed, "unchanged": d.Unchanged})
}

// releaseNumberQuery reads a required release number from the query string.
func releaseNumberQuery(c *gin.Context, name string) (int, error) {
	v, ok := c.GetQuery(name)
	if !ok || v == "" {
		return 0, apperr.New(apperr.Invalid, `%q is required: the release numbers to compare, as in ?from=1&to=2`, name)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0, apperr.New(apperr.Invalid, "%q must be a release number (1, 2, …), not %q", name, v)
	}
	return n, nil
}
