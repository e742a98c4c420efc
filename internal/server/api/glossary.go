package api

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/language"
	"tilmash/internal/limits"
)

type termJSON struct {
	ID        int64    `json:"id,omitempty"`
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Note      string   `json:"note,omitempty"`
	Forbidden []string `json:"forbidden,omitempty"`
}

func toTermJSON(t glossary.Term) termJSON {
	return termJSON{ID: t.ID, Source: t.Source, Target: t.Target, Note: t.Note, Forbidden: t.Forbidden}
}

func (s *Server) listTerms(c *gin.Context) {
	l, err := s.app.TargetLanguage(c.Request.Context(), c.Param("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	terms, err := s.app.Terms(c.Request.Context(), l.Tag)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]termJSON, len(terms))
	for i, t := range terms {
		out[i] = toTermJSON(t)
	}
	c.JSON(http.StatusOK, gin.H{"lang": l.Tag, "terms": out})
}

func (s *Server) addTerm(c *gin.Context) {
	var req termJSON
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	added, err := s.app.AddTerms(c.Request.Context(), actor(c), c.Param("lang"),
		[]glossary.Term{{Source: req.Source, Target: req.Target, Note: req.Note, Forbidden: req.Forbidden}}, false)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"term": toTermJSON(added[0])})
}

func (s *Server) deleteTerm(c *gin.Context) {
	id, err := idParam(c, "tid", "term")
	if err != nil {
		s.fail(c, err)
		return
	}
	if err := s.app.DeleteTerm(c.Request.Context(), actor(c), c.Param("lang"), id); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// importTerms: POST /api/v1/glossary/:lang/import?format=csv|tbx[&replace=true], the file as the body
// → {"imported", "updated", "duplicates", "removed", "replaced"}: merged into the glossary, or
// replacing it with replace=true.
func (s *Server) importTerms(c *gin.Context) {
	l, err := s.app.TargetLanguage(c.Request.Context(), c.Param("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	if err := refuseFormUpload(c, "glossary"); err != nil {
		s.fail(c, err)
		return
	}
	// The readers own the file's limits and encodings (CSV and TBX may come as UTF-16).
	body, err := readRawBody(c, limits.GlossaryBytes)
	if err != nil {
		s.fail(c, err)
		return
	}
	terms, err := app.ReadGlossary(bytes.NewReader(body), c.DefaultQuery("format", app.GlossaryCSV), l.Tag)
	if err != nil {
		s.fail(c, err)
		return
	}
	res, err := s.app.ImportTerms(c.Request.Context(), actor(c), l.Tag, terms, c.Query("replace") == "true")
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}

// exportTerms: GET /api/v1/glossary/:lang/export?format=csv|tbx
func (s *Server) exportTerms(c *gin.Context) {
	l, err := s.app.TargetLanguage(c.Request.Context(), c.Param("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	terms, err := s.app.Terms(c.Request.Context(), l.Tag)
	if err != nil {
		s.fail(c, err)
		return
	}
	var buf bytes.Buffer
	format := c.DefaultQuery("format", "csv")
	switch format {
	case "csv":
		err = glossary.WriteCSV(&buf, terms)
		c.Header("Content-Type", "text/csv; charset=utf-8")
	case "tbx":
		err = glossary.WriteTBX(&buf, language.Source, l.Tag, terms)
		c.Header("Content-Type", "application/x-tbx+xml; charset=utf-8")
	default:
		s.fail(c, apperr.New(apperr.Invalid, "format must be csv or tbx"))
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="glossary-%s-%s.%s"`, language.Source, l.Tag, format))
	c.Status(http.StatusOK)
	_, _ = c.Writer.Write(buf.Bytes())
}

// segmentTerms: GET /api/v1/segments/:sid/glossary?lang=kk — the terms found in a segment's source.
func (s *Server) segmentTerms(c *gin.Context) {
	sid, err := idParam(c, "sid", "segment")
	if err != nil {
		s.fail(c, err)
		return
	}
	hits, err := s.app.GlossaryHits(c.Request.Context(), sid, c.Query("lang"))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]gin.H, len(hits))
	for i, h := range hits {
		out[i] = gin.H{"start": h.Start, "end": h.End, "form": h.Form, "term": toTermJSON(h.Term)}
	}
	c.JSON(http.StatusOK, gin.H{"terms": out})
}
