package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/server/httpx"
)

type commentRequest struct {
	Text *string `json:"text"`
}

// listComments: GET /api/v1/segments/{sid}/comments[?lang=LANG] — the
// comments of one language and those about the source, or (no lang) of
// every language, oldest first.
func (s *Server) listComments(c *gin.Context) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.fail(c, err)
		return
	}
	cs, err := s.app.Comments(c.Request.Context(), sid, c.Query("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"comments": cs})
}

// addComment: POST /api/v1/segments/{sid}/comments[?lang=LANG] {"text"} —
// a comment in one language, or (no lang) about the source for all.
func (s *Server) addComment(c *gin.Context) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req commentRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	if req.Text == nil {
		httpx.WriteError(c, http.StatusBadRequest, "invalid", `"text" is required`)
		return
	}
	v, err := s.app.AddComment(c.Request.Context(), actor(c), sid, c.Query("lang"), *req.Text)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, v)
}

// resolveComment: POST /api/v1/comments/{cid}/resolve — the question is
// answered; 409 when someone resolved it first.
func (s *Server) resolveComment(c *gin.Context) {
	cid, err := idParam(c, "cid", "comment")
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.app.ResolveComment(c.Request.Context(), actor(c), cid)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}
