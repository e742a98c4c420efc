package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/record"
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

// listDocuments: GET /api/v1/documents?q=&lang=&filter=&archived=&page=
// answers one page of at most 50 documents, newest activity first, as
// {"documents": [...], "total", "page", "pages", "per_page", "langs"}.
// lang may repeat or list tags by commas; filter is needs_work or ready.
func (s *Server) listDocuments(c *gin.Context) {
	q, err := documentListQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	list, err := s.app.ListDocuments(c.Request.Context(), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, list)
}

// documentListQuery reads a document list's query parameters.
func documentListQuery(c *gin.Context) (app.DocumentListQuery, error) {
	q := app.DocumentListQuery{Q: c.Query("q"), Filter: record.DocumentFilter(c.Query("filter")), Page: 1}
	for _, v := range c.QueryArray("lang") {
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				q.Langs = append(q.Langs, t)
			}
		}
	}
	if v := c.Query("archived"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return q, apperr.New(apperr.Invalid, "archived is true or false, not %q", v)
		}
		q.Archived = b
	}
	if v := c.Query("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return q, apperr.New(apperr.Invalid, "page is a whole number from 1, not %q", v)
		}
		q.Page = n
	}
	return q, nil
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
