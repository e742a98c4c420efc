package api

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
	sid, version, err := segmentVersion(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.app.ClearTranslation(c.Request.Context(), actor(c), sid, c.Param("lang"), version)
	if err != nil {
		s.fail(c, err)
		return
	}
	v.Checks = []qa.Finding{} // an empty text has nothing to check
	c.JSON(http.StatusOK, answer(actor(c), c.Param("lang"), v))
}

// segmentVersion reads the segment of the path and the required version of
// a {"version"} body.
func segmentVersion(c *gin.Context) (int64, int, error) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		return 0, 0, err
	}
	var req clearRequest
	if err := decodeJSON(c, &req); err != nil {
		return 0, 0, err
	}
	version, err := requireVersion(req.Version)
	return sid, version, err
}
