package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// searchMemory: GET /api/v1/tm/:lang/search?q=PHRASE — concordance search of
// the ru→lang translation memory (app.SearchMemory): the units whose source
// or target contains the phrase, newest first. An empty or over-long phrase is 400.
func (s *Server) searchMemory(c *gin.Context) {
	found, err := s.app.SearchMemory(c.Request.Context(), c.Param("lang"), c.Query("q"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"matches": found})
}
