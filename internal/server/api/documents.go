package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type documentRequest struct {
	Title string `json:"title"`
	Text  string `json:"text"`
	// BaseRevision is the revision a new source text was made from (PUT only).
	BaseRevision int `json:"base_revision"`
}

func (s *Server) me(c *gin.Context) {
	a := actor(c)
	roles := make([]string, len(a.Roles))
	for i, r := range a.Roles {
		roles[i] = r.String()
	}
	c.JSON(http.StatusOK, gin.H{"id": a.ID, "name": a.Name, "roles": roles})
}

func (s *Server) listLanguages(c *gin.Context) {
	ls, err := s.app.Languages(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]gin.H, len(ls))
	for i, l := range ls {
		out[i] = gin.H{"tag": l.Tag, "name": l.Name, "native_name": l.NativeName, "script": l.Script, "dir": l.Direction, "source": l.IsSource}
	}
	c.JSON(http.StatusOK, gin.H{"languages": out})
}

func (s *Server) listDocuments(c *gin.Context) {
	docs, err := s.app.Documents(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"documents": docs})
}

func (s *Server) createDocument(c *gin.Context) {
	var req documentRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	doc, err := s.app.CreateDocument(c.Request.Context(), actor(c), req.Title, req.Text)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, doc)
}

func (s *Server) getDocument(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	doc, err := s.app.Document(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, doc)
}

func (s *Server) reviseDocument(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req documentRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	doc, err := s.app.ReviseDocument(c.Request.Context(), actor(c), id, req.BaseRevision, req.Text)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, doc)
}
