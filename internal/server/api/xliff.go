package api

import (
	"bytes"
	"fmt"
	"net/http"
	"tilmash/internal/app"

	"github.com/gin-gonic/gin"

	"tilmash/internal/xliff"
)

// exportXLIFF: GET /api/v1/documents/:id/xliff/:lang?format=2.1|1.2, the file as an attachment.
func (s *Server) exportXLIFF(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	format, err := xliff.ParseFormat(c.Query("format"))
	if err != nil {
		s.fail(c, err)
		return
	}
	exp, err := s.app.XLIFFUnits(c.Request.Context(), id, c.Param("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	// A document is small; writing it whole first lets a failure still be an error answer.
	var buf bytes.Buffer
	if err := exp.Write(&buf, format); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, app.XLIFFFileName(id, exp.Header.TargetLang)))
	c.Data(http.StatusOK, xliff.ContentType+"; charset=utf-8", buf.Bytes())
}

// importXLIFF: POST /api/v1/documents/:id/xliff[?lang=kk], the filled file as
// the body; lang, when given, is the language the file must be in. The body
// has its own limit, xliff.DefaultLimit, instead of MaxBodyBytes.
func (s *Server) importXLIFF(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	if err := refuseFormUpload(c, "XLIFF"); err != nil {
		s.fail(c, err)
		return
	}
	res, err := s.app.ImportXLIFF(c.Request.Context(), actor(c), id, c.Query("lang"), c.Request.Body, xliff.DefaultLimit)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}
