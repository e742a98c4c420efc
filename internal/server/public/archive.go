package public

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/publish"
	"tilmash/internal/server/httpx"
)

// archiveName is the last part of the address of a document's zip.
const archiveName = "all.zip"

// publicArchive serves /releases/DOC/all.zip: the latest live release of
// the document in every language, each as HTML, text and JSON.
func (s *Server) publicArchive(c *gin.Context) {
	doc, err := httpx.IDParam(c, "doc", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	if c.Param("lang") != archiveName {
		s.fail(c, apperr.New(apperr.NotFound, "no such page: %s; a release is at /releases/%d/LANG/latest and every language at /releases/%d/%s",
			c.Request.URL.Path, doc, doc, archiveName))
		return
	}
	ctx := c.Request.Context()
	rels, err := s.app.LiveReleases(ctx, doc)
	if err != nil {
		s.fail(c, err)
		return
	}
	if len(rels) == 0 {
		s.fail(c, apperr.New(apperr.NotFound, "document %d has no live release", doc))
		return
	}
	base := s.baseURL(c)
	pages := make([]publish.Page, len(rels))
	for i, rel := range rels {
		alts, err := s.alternates(ctx, base, doc, rel.Lang)
		if err != nil {
			s.fail(c, err)
			return
		}
		pages[i] = releasePage(base, rel, alts)
	}
	var buf bytes.Buffer
	if err := s.pages.Zip(&buf, rels[0].Title, pages); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="tilmash-document-%d.zip"`, doc))
	writePublic(c, http.StatusOK, "zip", "", cacheLatest, buf.Bytes())
}
