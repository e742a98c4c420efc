package workspace

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/server/httpx"
)

// deleteView is the page that asks to confirm a document's deletion, or
// says why it cannot be deleted (it has releases) and offers archiving.
type deleteView struct {
	DocID     int64
	Title     string
	Revision  int
	Segments  int
	Releases  int // a document with releases is archived, never deleted
	Archived  bool
	Action    string // the deletion form's action
	Archive   string // the archive form's action
	SourceURL string
	Problem   string // message id of why the deletion was refused
	Detail    string // the application's own words
}

// archiveDocumentForm: POST /documents/:id/archive {csrf, next} takes a
// document off the dashboard and the work lists; its releases stay public.
func (s *Server) archiveDocumentForm(c *gin.Context) { s.setArchivedForm(c, true) }

// unarchiveDocumentForm: POST /documents/:id/unarchive {csrf, next} brings it back.
func (s *Server) unarchiveDocumentForm(c *gin.Context) { s.setArchivedForm(c, false) }

func (s *Server) setArchivedForm(c *gin.Context, archive bool) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		s.failPage(c, err)
		return
	}
	do := s.app.UnarchiveDocument
	if archive {
		do = s.app.ArchiveDocument
	}
	if _, err := do(c.Request.Context(), actor(c), id); err != nil {
		s.failPage(c, err)
		return
	}
	next := c.PostForm("next")
	if next == "" {
		next = sourcePath(id)
	}
	c.Redirect(http.StatusSeeOther, httpx.LocalPath(next))
}

// deleteDocumentPage: GET /documents/:id/delete — what deleting the
// document removes, and the form that confirms it (no script needed).
func (s *Server) deleteDocumentPage(c *gin.Context) {
	v, err := s.deleteView(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.render(c, http.StatusOK, viewDelete, s.localizer(c).T("delete.title"), v)
}

// deleteDocumentForm: POST /documents/:id/delete {csrf} deletes a document
// never released and goes to the dashboard; one with releases is refused
// on the confirmation page, which offers archiving instead.
func (s *Server) deleteDocumentForm(c *gin.Context) {
	v, err := s.deleteView(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	if _, err := s.app.DeleteDocument(c.Request.Context(), actor(c), v.DocID); err != nil {
		e, ok := apperr.As(err)
		if !ok || e.Code != apperr.Conflict {
			s.failPage(c, err)
			return
		}
		v.Problem, v.Detail = "delete.refused", e.Message
		s.render(c, http.StatusConflict, viewDelete, s.localizer(c).T("delete.title"), v)
		return
	}
	c.Redirect(http.StatusSeeOther, "/?deleted=1")
}

// deleteView describes the request's document for the confirmation page.
func (s *Server) deleteView(c *gin.Context) (deleteView, error) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		return deleteView{}, err
	}
	if !actor(c).CanManageDocuments() {
		return deleteView{}, apperr.New(apperr.Forbidden, "only publishers and admins delete documents")
	}
	ctx := c.Request.Context()
	doc, err := s.app.Document(ctx, id)
	if err != nil {
		return deleteView{}, err
	}
	rels, err := s.app.Releases(ctx, id)
	if err != nil {
		return deleteView{}, err
	}
	return deleteView{DocID: id, Title: doc.Title, Revision: doc.Revision, Segments: len(doc.Segments), Releases: len(rels),
		Archived: doc.ArchivedAt != nil, Action: deletePath(id), Archive: archivePath(id, true), SourceURL: sourcePath(id)}, nil
}
