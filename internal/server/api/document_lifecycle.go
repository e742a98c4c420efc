package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// archiveDocument: POST /api/v1/documents/:id/archive takes a document off
// the work lists; its releases stay public. Answers the document.
func (s *Server) archiveDocument(c *gin.Context) { s.setArchived(c, true) }

// unarchiveDocument: POST /api/v1/documents/:id/unarchive brings it back.
func (s *Server) unarchiveDocument(c *gin.Context) { s.setArchived(c, false) }

func (s *Server) setArchived(c *gin.Context, archive bool) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	do := s.app.UnarchiveDocument
	if archive {
		do = s.app.ArchiveDocument
	}
	doc, err := do(c.Request.Context(), actor(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, doc)
}

// deleteDocument: DELETE /api/v1/documents/:id removes a document never
// released, answering {"id", "removed": {table: rows}}; one with releases
// is a 409 that suggests archiving.
func (s *Server) deleteDocument(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	res, err := s.app.DeleteDocument(c.Request.Context(), actor(c), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}
