package server

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/store"
)

type releaseRequest struct {
	Lang string `json:"lang"`
}

// releaseJSON is a release as the API shows it, with its public links.
type releaseJSON struct {
	store.ReleaseView
	URL       string `json:"url"`
	LatestURL string `json:"latest_url"`
}

func (s *Server) releaseJSON(c *gin.Context, r store.ReleaseView) releaseJSON {
	return releaseJSON{ReleaseView: r,
		URL:       s.baseURL(c) + releasePath(r.DocumentID, r.Lang, fmt.Sprint(r.Number)),
		LatestURL: s.baseURL(c) + releasePath(r.DocumentID, r.Lang, "latest")}
}

// releasePath is the public path of a release ("latest" for the newest).
func releasePath(doc int64, lang, number string) string {
	return fmt.Sprintf("/releases/%d/%s/%s", doc, lang, number)
}

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
	if req.Lang == "" {
		writeError(c, http.StatusBadRequest, "invalid", `"lang" is required`)
		return
	}
	r, err := s.store.Publish(c.Request.Context(), actor(c), id, req.Lang)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"release": s.releaseJSON(c, r)})
}

func (s *Server) listReleases(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	rs, err := s.store.Releases(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]releaseJSON, len(rs))
	for i, r := range rs {
		out[i] = s.releaseJSON(c, r)
	}
	c.JSON(http.StatusOK, gin.H{"releases": out})
}
