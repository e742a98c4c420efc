package server

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// suggestions: GET /api/v1/segments/:sid/suggestions?lang=kk
// {"suggestions": [...], "exact": true}: exact says the suggestions are the
// memory's true best matches (false when the lookup ran out of its budget).
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
	set, err := s.store.SuggestionSet(c.Request.Context(), sid, lang)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"suggestions": set.Suggestions, "exact": set.Exact})
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
	n, err := s.store.Pretranslate(c.Request.Context(), actor(c), id, req.Lang)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"filled": n})
}
