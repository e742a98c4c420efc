package api

import (
	"fmt"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/language"
	"tilmash/internal/limits"
)

// exchangeLimit bounds the body of a TMX upload: larger than MaxBodyBytes,
// which is meant for JSON. The CLI has no limit.
const exchangeLimit = limits.TMXUploadBytes

// importTMX: POST /api/v1/tm/:lang/import, a TMX 1.4b file as the body →
// {"imported", "duplicates", "skipped", "skipped_by_reason", "pairs"}; 422
// naming the file's pairs when it has no ru → lang unit.
func (s *Server) importTMX(c *gin.Context) {
	if err := refuseFormUpload(c, "TMX"); err != nil {
		s.fail(c, err)
		return
	}
	body := &capped{r: c.Request.Body, left: exchangeLimit}
	res, err := s.app.ImportTMX(c.Request.Context(), actor(c), c.Param("lang"), body)
	switch {
	case body.over:
		s.fail(c, apperr.New(apperr.TooLarge, "the TMX file is larger than the import limit of %d MiB; import it with tilmash tm import", exchangeLimit>>20))
	case body.err != nil:
		s.fail(c, apperr.New(apperr.Invalid, "could not read the request body: %v", body.err))
	case err != nil:
		s.fail(c, err)
	default:
		c.JSON(http.StatusOK, res)
	}
}

// exportTMX: GET /api/v1/tm/:lang/export, the memory of ru → lang as a TMX
// download; the trailer X-Tilmash-Warning says when stored text had to be changed.
func (s *Server) exportTMX(c *gin.Context) {
	l, err := s.app.TargetLanguage(c.Request.Context(), c.Param("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Type", "application/x-tmx+xml; charset=utf-8")
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="memory-%s-%s.tmx"`, language.Source, l.Tag))
	// The memory streams: whether a stored text had to be changed is known
	// only at the end, so the warning is a trailer.
	c.Header("Trailer", WarningHeader)
	c.Status(http.StatusOK)
	// The memory streams out row by row; a failure half-way can only be logged.
	replaced, err := s.app.ExportTMXCounted(c.Request.Context(), l.Tag, c.Writer)
	if err != nil {
		s.log.Error("export tmx", "lang", l.Tag, "err", err)
	}
	if replaced > 0 {
		c.Writer.Header().Set(WarningHeader, replacedWarning(replaced))
	}
}

// capped passes at most left bytes of r and notes whether there were more,
// and any failure of r itself, since a parser may report both only as text.
type capped struct {
	r    io.Reader
	left int64
	over bool
	err  error
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One byte more tells a body of exactly the limit from a larger one.
		var one [1]byte
		if n, _ := io.ReadFull(c.r, one[:]); n > 0 {
			c.over = true
			return 0, fmt.Errorf("the body is larger than %d bytes", exchangeLimit)
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if err != nil && err != io.EOF {
		c.err = err
	}
	return n, err
}
