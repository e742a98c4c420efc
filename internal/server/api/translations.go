package api

import (
	"net/http"

	"tilmash/internal/app"
	"tilmash/internal/server/httpx"

	"github.com/gin-gonic/gin"
)

type saveRequest struct {
	Target  *string `json:"target"`
	Version *int    `json:"version"`
}

type reviewRequest struct {
	Version  *int   `json:"version"`
	Comment  string `json:"comment"`
	Override string `json:"override"` // a reason to approve despite failed checks
}

func (s *Server) listTranslations(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	// ?q=WORD&author=NAME&check=ID: a search inside the document (issue 14).
	f := app.TranslationFilter{Query: c.Query("q"), Author: c.Query("author"), Check: c.Query("check")}
	list, err := s.app.SearchTranslations(c.Request.Context(), id, c.Param("lang"), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	// c.JSON's bytes, written without reflection (app.TranslationList.AppendJSON).
	c.Data(http.StatusOK, "application/json; charset=utf-8", list.AppendJSON(make([]byte, 0, 64<<10)))
}

func (s *Server) saveTranslation(c *gin.Context) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req saveRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	version, err := requireVersion(req.Version)
	if err != nil {
		s.fail(c, err)
		return
	}
	if req.Target == nil {
		httpx.WriteError(c, http.StatusBadRequest, "invalid", `"target" is required`)
		return
	}
	v, err := s.app.SaveTranslation(c.Request.Context(), actor(c), sid, c.Param("lang"), version, *req.Target)
	if err != nil {
		s.fail(c, err)
		return
	}
	if httpx.ViaSession(c) { // the editor's script: findings in the interface's language
		c.JSON(http.StatusOK, struct {
			translationAnswer
			Checks []localizedFinding `json:"checks"`
		}{answer(actor(c), c.Param("lang"), v), s.localizeFindings(c, v.Checks)})
		return
	}
	c.JSON(http.StatusOK, answer(actor(c), c.Param("lang"), v))
}

func (s *Server) approveTranslation(c *gin.Context) {
	s.review(c, false)
}

func (s *Server) rejectTranslation(c *gin.Context) {
	s.review(c, true)
}

func (s *Server) review(c *gin.Context, reject bool) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req reviewRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	version, err := requireVersion(req.Version)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx, a, lang := c.Request.Context(), actor(c), c.Param("lang")
	if reject {
		v, err := s.app.Reject(ctx, a, sid, lang, version, req.Comment)
		if err != nil {
			s.fail(c, err)
			return
		}
		c.JSON(http.StatusOK, answer(a, lang, v))
		return
	}
	v, err := s.app.ApproveWithOverride(ctx, a, sid, lang, version, req.Override)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, answer(a, lang, v))
}

func (s *Server) translationHistory(c *gin.Context) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.fail(c, err)
		return
	}
	evs, err := s.app.History(c.Request.Context(), sid, c.Param("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"events": evs})
}
