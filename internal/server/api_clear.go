package server

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/qa"
)

type clearRequest struct {
	Version *int `json:"version"`
}

// clearTranslation: POST /api/v1/segments/:sid/translations/:lang/clear {"version"}
// takes back a translated or rejected text; the segment is untranslated again.
// A stale version is a 409 with the current translation, as for a save.
func (s *Server) clearTranslation(c *gin.Context) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req clearRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	version, err := requireVersion(req.Version)
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.store.ClearTranslation(c.Request.Context(), actor(c), sid, c.Param("lang"), version)
	if err != nil {
		s.fail(c, err)
		return
	}
	v.Checks = []qa.Finding{} // an empty text has nothing to check
	c.JSON(http.StatusOK, v)
}
