package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
)

// revisionRoutes: the preview of a source revision, joins and splits of
// segments, and translators' "split wrong" flags.
func (s *Server) revisionRoutes(api gin.IRouter) {
	api.POST("/documents/:id/revisions/preview", s.previewRevision)
	api.POST("/documents/:id/segments/:sid/join", s.joinSegments)
	api.POST("/documents/:id/segments/:sid/split", s.splitSegment)
	api.POST("/documents/:id/segments/:sid/flags", s.flagSplit)
	api.GET("/documents/:id/flags", s.listSplitFlags)
}

// previewRevision: POST /documents/:id/revisions/preview {"text"} — what PUT
// would do with the text now; nothing is stored.
func (s *Server) previewRevision(c *gin.Context) {
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
	p, err := s.app.PreviewRevision(c.Request.Context(), actor(c), id, req.Text)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, p)
}

type cutRequest struct {
	BaseRevision int  `json:"base_revision"`
	At           *int `json:"at"` // split only: a character (rune) offset into the source
}

// docSegment reads the :id and :sid of a request and its body.
func (s *Server) docSegment(c *gin.Context, req any) (doc, seg int64, ok bool) {
	doc, err := idParam(c, "id", "document")
	if err == nil {
		seg, err = idParam(c, "sid", "segment")
	}
	if err == nil {
		err = decodeJSON(c, req)
	}
	if err != nil {
		s.fail(c, err)
		return 0, 0, false
	}
	return doc, seg, true
}

// joinSegments: POST /documents/:id/segments/:sid/join {"base_revision"} —
// one segment of :sid and the next; answers the new revision.
func (s *Server) joinSegments(c *gin.Context) {
	var req cutRequest
	doc, seg, ok := s.docSegment(c, &req)
	if !ok {
		return
	}
	v, err := s.app.JoinSegments(c.Request.Context(), actor(c), doc, seg, req.BaseRevision)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}

// splitSegment: POST /documents/:id/segments/:sid/split {"at", "base_revision"}.
func (s *Server) splitSegment(c *gin.Context) {
	var req cutRequest
	doc, seg, ok := s.docSegment(c, &req)
	if !ok {
		return
	}
	if req.At == nil {
		s.fail(c, apperr.New(apperr.Invalid, "a split needs \"at\", a character offset into the segment's source"))
		return
	}
	v, err := s.app.SplitSegment(c.Request.Context(), actor(c), doc, seg, req.BaseRevision, *req.At)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}

type flagRequest struct {
	Lang string `json:"lang"`
	Note string `json:"note"`
}

// flagSplit: POST /documents/:id/segments/:sid/flags {"lang", "note"} — a
// translator says the segment is cut wrong; its publishers see it.
func (s *Server) flagSplit(c *gin.Context) {
	var req flagRequest
	doc, seg, ok := s.docSegment(c, &req)
	if !ok {
		return
	}
	f, err := s.app.FlagSplit(c.Request.Context(), actor(c), doc, seg, req.Lang, req.Note)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, f)
}

// listSplitFlags: GET /documents/:id/flags — the "split wrong" flags on the
// current segments.
func (s *Server) listSplitFlags(c *gin.Context) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.fail(c, err)
		return
	}
	fs, err := s.app.SplitFlags(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"flags": fs})
}
