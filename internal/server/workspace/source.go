package workspace

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
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
	// Base is the revision the text in the form was made from, sent back as
	// base_revision: a revision made meanwhile by someone else is a conflict.
	Base int
	// Preview is what saving the form's text would do; the page then asks to confirm.
	Preview      *app.RevisionPreview
	PreviewLangs []previewLang
	// Stale: the save was refused because StaleAuthor made revision StaleRevision meanwhile.
	StaleRevision int
	StaleAuthor   string
	Flags         []app.SplitFlag // translators' "split wrong" flags on current segments
	Archived      bool            // off the dashboard and the work lists
}

// previewLang is one language's line of a preview.
type previewLang struct {
	Tag                string
	Outdated, Restored int
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

// reviseDocumentForm: POST /documents/:id/source {csrf, base_revision, text |
// file, confirm} — without confirm, the preview of the revision (what it
// keeps, changes, restores, removes and outdates) and a form to confirm it;
// with confirm, the new revision, made from base_revision (a revision made
// meanwhile is refused, naming it).
func (s *Server) reviseDocumentForm(c *gin.Context) {
	v, err := s.storedSource(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	current := v.Revision
	text, ok := s.formSource(c, &v)
	if !ok {
		return
	}
	v.Base, _ = strconv.Atoi(c.PostForm("base_revision"))
	ctx := c.Request.Context()
	if c.PostForm("confirm") == "" {
		p, err := s.app.PreviewRevision(ctx, actor(c), v.DocID, text)
		if err != nil {
			s.refuseSource(c, v, err)
			return
		}
		if v.Base != p.BaseRevision {
			// Say so now; the confirmation then names the revision previewed.
			v.StaleRevision, v.Problem = p.BaseRevision, "source.stale"
			v.StaleAuthor = s.revisionAuthor(ctx, v.DocID, p.BaseRevision)
		}
		v.Base, v.Preview = p.BaseRevision, &p
		v.PreviewLangs = previewLangs(p)
		s.renderSource(c, http.StatusOK, v)
		return
	}
	if _, err := s.app.ReviseDocument(ctx, actor(c), v.DocID, v.Base, text); err != nil {
		if e, ok := apperr.As(err); ok && e.Code == apperr.Conflict {
			v.Problem, v.StaleRevision, v.Base = "source.stale", current, current
			v.StaleAuthor, _ = e.Details["revision_author"].(string)
			s.renderSource(c, http.StatusConflict, v)
			return
		}
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
	v := sourceView{DocID: id, Title: doc.Title, Text: text, Revision: doc.Revision, Base: doc.Revision, Segments: len(doc.Segments),
		Archived: doc.ArchivedAt != nil}
	if v.Flags, err = s.app.SplitFlags(ctx, id); err != nil {
		return sourceView{}, err
	}
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

// previewLangs lists the languages a preview touches, in tag order.
func previewLangs(p app.RevisionPreview) []previewLang {
	m := map[string]*previewLang{}
	add := func(tag string) *previewLang {
		if m[tag] == nil {
			m[tag] = &previewLang{Tag: tag}
		}
		return m[tag]
	}
	for tag, n := range p.Outdated {
		add(tag).Outdated = n
	}
	for tag, n := range p.RestoredTranslations {
		add(tag).Restored = n
	}
	out := make([]previewLang, 0, len(m))
	for _, l := range m {
		out = append(out, *l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Tag < out[j].Tag })
	return out
}

// revisionAuthor names who made a revision, for the stale-form message; ""
// when it cannot be read (the message then names the revision only).
func (s *Server) revisionAuthor(ctx context.Context, docID int64, number int) string {
	name, err := s.app.RevisionAuthor(ctx, docID, number)
	if err != nil {
		return ""
	}
	return name
}
