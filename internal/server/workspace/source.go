package workspace

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"tilmash/internal/apperr"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/locale"
)

// sourceView is the form that imports a Russian document or corrects the
// source of one (a new revision), with the hygiene warnings of what is stored.
type sourceView struct {
	DocID    int64 // 0 for a new document
	Title    string
	Text     string
	Revision int
	Segments int
	Warnings []sourceWarning
	Saved    bool   // the text was just stored
	Problem  string // message id of why the form was refused
	Detail   string // the refusal's own words (English), if any
	Archived bool   // off the dashboard and the work lists
}

// PublishURL is the document's publish page, linked from its source form.
func (v sourceView) PublishURL() string { return publishPath(v.DocID) }

// ArchiveAction is the form action that archives the document, or brings it back.
func (v sourceView) ArchiveAction() string { return archivePath(v.DocID, !v.Archived) }

// DeleteURL is the page that confirms the document's deletion.
func (v sourceView) DeleteURL() string { return deletePath(v.DocID) }

type sourceWarning struct {
	Paragraph int
	Kind      string // segment.Kind*, for styling; the note names the problem itself
	locale.Note
}

// newDocumentPage: GET /documents/new — the import form.
func (s *Server) newDocumentPage(c *gin.Context) {
	if !actor(c).CanManageDocuments() {
		s.failPage(c, apperr.New(apperr.Forbidden, "only publishers and admins import documents"))
		return
	}
	s.renderSource(c, http.StatusOK, sourceView{})
}

// createDocumentForm: POST /documents {csrf, title, text | file} — imports a
// document and shows its source with the warnings found.
func (s *Server) createDocumentForm(c *gin.Context) {
	v := sourceView{Title: c.PostForm("title")}
	text, ok := s.formSource(c, &v)
	if !ok {
		return
	}
	doc, err := s.app.CreateDocument(c.Request.Context(), actor(c), v.Title, text)
	if err != nil {
		s.refuseSource(c, v, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d/source?saved=1", doc.ID))
}

// sourcePage: GET /documents/:id/source — the current source text, ready to
// be corrected, and its warnings.
func (s *Server) sourcePage(c *gin.Context) {
	v, err := s.storedSource(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	v.Saved = c.Query("saved") != ""
	s.renderSource(c, http.StatusOK, v)
}

// reviseDocumentForm: POST /documents/:id/source {csrf, text | file} — a new
// revision; unchanged sentences keep their translations, changed ones become
// outdated in every language.
func (s *Server) reviseDocumentForm(c *gin.Context) {
	v, err := s.storedSource(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	text, ok := s.formSource(c, &v)
	if !ok {
		return
	}
	if _, err := s.app.ReviseDocument(c.Request.Context(), actor(c), v.DocID, text); err != nil {
		s.refuseSource(c, v, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d/source?saved=1", v.DocID))
}

// storedSource is the form of the request's document: its stored text and
// the warnings of its current revision (which Document already carries).
func (s *Server) storedSource(c *gin.Context) (sourceView, error) {
	id, err := idParam(c, "id", "document")
	if err != nil {
		return sourceView{}, err
	}
	ctx, l := c.Request.Context(), s.localizer(c)
	if !actor(c).CanManageDocuments() {
		return sourceView{}, apperr.New(apperr.Forbidden, "only publishers and admins change source documents")
	}
	doc, err := s.app.Document(ctx, id)
	if err != nil {
		return sourceView{}, err
	}
	text, err := s.app.SourceText(ctx, id)
	if err != nil {
		return sourceView{}, err
	}
	v := sourceView{DocID: id, Title: doc.Title, Text: text, Revision: doc.Revision, Segments: len(doc.Segments),
		Archived: doc.ArchivedAt != nil}
	for _, w := range doc.Warnings {
		v.Warnings = append(v.Warnings, sourceWarning{Paragraph: w.Paragraph, Kind: w.Kind, Note: locale.Warning(l, w)})
	}
	return v, nil
}

// formSource reads the text from the uploaded file, if one was chosen, else
// from the text area. A refusal is rendered here, keeping what was typed.
func (s *Server) formSource(c *gin.Context, v *sourceView) (string, bool) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, httpx.MaxBodyBytes)
	text := c.PostForm("text")
	if err := c.Request.ParseMultipartForm(httpx.MaxBodyBytes); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			v.Problem = "source.too_large"
			s.renderSource(c, http.StatusRequestEntityTooLarge, *v)
			return "", false
		}
		v.Problem, v.Detail = "source.bad_form", err.Error()
		s.renderSource(c, http.StatusBadRequest, *v)
		return "", false
	}
	if v.DocID == 0 {
		v.Title = c.PostForm("title")
	}
	if f, _, err := c.Request.FormFile("file"); err == nil {
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			v.Problem, v.Detail = "source.bad_form", err.Error()
			s.renderSource(c, http.StatusBadRequest, *v)
			return "", false
		}
		if len(b) > 0 {
			text = string(b)
		}
	}
	if !utf8.ValidString(text) {
		v.Problem = "source.not_utf8"
		s.renderSource(c, http.StatusBadRequest, *v)
		return "", false
	}
	v.Text = text
	return text, true
}

// refuseSource shows the form again with the store's reason, keeping the text.
func (s *Server) refuseSource(c *gin.Context, v sourceView, err error) {
	e, ok := apperr.As(err)
	if !ok || e.Code == apperr.Forbidden || e.Code == apperr.NotFound {
		s.failPage(c, err)
		return
	}
	v.Problem, v.Detail, v.Saved = "source.refused", e.Message, false
	s.renderSource(c, httpx.StatusOf(e.Code), v)
}

func (s *Server) renderSource(c *gin.Context, status int, v sourceView) {
	l := s.localizer(c)
	title := l.T("source.new_title")
	if v.DocID != 0 {
		title = l.T("source.edit_title")
	}
	s.render(c, status, viewSource, title, v)
}
