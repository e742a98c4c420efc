package api

import (
	"net/http"
	"tilmash/internal/app"
	"tilmash/internal/server/httpx"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// releaseRequest publishes one language ("lang", answered with "release")
// or several ("langs", answered with "releases" and "not_ready").
type releaseRequest struct {
	Lang         string   `json:"lang"`
	Langs        []string `json:"langs"`
	AllowPartial bool     `json:"allow_partial"`
	Reason       string   `json:"reason"`
}

// releaseJSON is a release as the API shows it, with its public links.
type releaseJSON = app.LinkedRelease

func (s *Server) releaseJSON(c *gin.Context, r app.ReleaseView) releaseJSON {
	return app.Link(s.baseURL(c), r)
}

func (s *Server) releaseJSONs(c *gin.Context, rs []app.ReleaseView) []releaseJSON {
	out := make([]releaseJSON, len(rs))
	for i, r := range rs {
		out[i] = s.releaseJSON(c, r)
	}
	return out
}

// createRelease publishes a document: POST /api/v1/documents/:id/releases.
func (s *Server) createRelease(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req releaseRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	preq := app.PublishRequest{Langs: req.Langs, AllowPartial: req.AllowPartial, Reason: req.Reason, PublicURL: s.baseURL(c)}
	switch {
	case req.Lang != "" && req.Langs != nil:
		s.fail(c, apperr.New(apperr.Invalid, `send either "lang" (one language) or "langs" (several), not both`))
		return
	case req.Lang == "" && req.Langs == nil:
		s.fail(c, apperr.New(apperr.Invalid, `"lang" is required (or "langs" for several languages)`))
		return
	case req.Lang != "":
		preq.Langs = []string{req.Lang}
	}
	res, err := s.app.PublishLanguages(c.Request.Context(), actor(c), id, preq)
	if err != nil {
		s.fail(c, err)
		return
	}
	made := s.releaseJSONs(c, res.Releases)
	if req.Lang != "" {
		one, err := res.Single()
		if err != nil {
			s.fail(c, err)
			return
		}
		if len(made) == 0 {
			c.JSON(http.StatusOK, gin.H{"release": s.releaseJSON(c, one), "unchanged": true})
			return
		}
		c.JSON(http.StatusCreated, gin.H{"release": made[0]})
		return
	}
	body := gin.H{"releases": made, "unchanged": s.releaseJSONs(c, res.Unchanged), "not_ready": res.NotReady}
	switch {
	case len(made) > 0:
		c.JSON(http.StatusCreated, body)
	case len(res.Unchanged) > 0:
		c.JSON(http.StatusOK, body)
	default:
		body["code"] = string(apperr.Conflict)
		body["error"] = `no language is ready to publish: every segment must be approved first (or send "allow_partial": true with a "reason")`
		httpx.AbortWithError(c, http.StatusConflict, body)
	}
}

// listReleases: GET /api/v1/documents/:id/releases, newest first.
func (s *Server) listReleases(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	rs, err := s.app.Releases(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"releases": s.releaseJSONs(c, rs)})
}

// getRelease: GET /api/v1/releases/:rid.
func (s *Server) getRelease(c *gin.Context) {
	id, err := idParam(c, "rid", "release")
	if err != nil {
		s.fail(c, err)
		return
	}
	r, err := s.app.Release(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"release": s.releaseJSON(c, r)})
}
