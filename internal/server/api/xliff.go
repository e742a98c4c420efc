package api

import (
	"bytes"
	"fmt"
	"net/http"
	"tilmash/internal/app"

	"github.com/gin-gonic/gin"

	"tilmash/internal/xliff"
)

// exportXLIFF: GET /api/v1/documents/:id/xliff/:lang?format=2.1|1.2&target=source|empty,
// the file as an attachment. target (1.2 only) is what untranslated units carry.
// Stored text XML cannot carry is replaced, and said in X-Tilmash-Warning.
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
	fill, err := xliff.ParseTargetFill(c.Query("target"))
	if err != nil {
		s.fail(c, err)
		return
	}
	exp, err := s.app.XLIFFUnits(c.Request.Context(), id, c.Param("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	exp.Fill = fill
	// A document is small; writing it whole first lets a failure still be an error answer.
	var buf bytes.Buffer
	if err := exp.Write(&buf, format); err != nil {
		s.fail(c, err)
		return
	}
	if exp.Replaced > 0 {
		c.Header(WarningHeader, replacedWarning(exp.Replaced))
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

// WarningHeader carries a warning about an answer that succeeded: text the
// export had to change, for one.
const WarningHeader = "X-Tilmash-Warning"

// replacedWarning is the warning of an export that replaced n characters.
func replacedWarning(n int) string {
	return fmt.Sprintf("%d characters that XML 1.0 cannot carry were replaced by U+FFFD (stored before Tilmash refused them)", n)
}
