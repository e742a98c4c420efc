package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// exactHeader says whether a memory lookup's answer is certified exact.
const exactHeader = "X-Tilmash-Exact"

// suggestions: GET /api/v1/segments/:sid/suggestions?lang=kk
// {"suggestions": [...]} as before; whether they are the memory's true best
// matches (false when the lookup ran out of its budget) is said beside the
// body, in the X-Tilmash-Exact header and each suggestion's "exact", so that
// clients reading the list see no change.
func (s *Server) suggestions(c *gin.Context) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.fail(c, err)
		return
	}
	lang := c.Query("lang")
	if lang == "" {
		s.fail(c, apperr.New(apperr.Invalid, "the lang query parameter is required (?lang=kk)"))
		return
	}
	set, err := s.app.SuggestionSet(c.Request.Context(), sid, lang)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header(exactHeader, strconv.FormatBool(set.Exact))
	c.JSON(http.StatusOK, gin.H{"suggestions": set.Suggestions})
}

// pretranslate: POST /api/v1/documents/:id/pretranslate {"lang"}
func (s *Server) pretranslate(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req struct {
		Lang string `json:"lang"`
	}
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	if req.Lang == "" {
		s.fail(c, apperr.New(apperr.Invalid, `"lang" is required`))
		return
	}
	n, err := s.app.Pretranslate(c.Request.Context(), actor(c), id, req.Lang)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"filled": n})
}
