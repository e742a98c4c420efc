package workspace

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tilmash/internal/app"
	"tilmash/internal/apperr"
	"tilmash/internal/glossary"
	"tilmash/internal/server/httpx"
)

// glossaryTerm is one row of the glossary page.
type glossaryTerm struct {
	glossary.Term
	DeleteURL string
}

// termForm is what was typed into the add form, shown again when it is refused.
type termForm struct {
	Source, Target, Note, Forbidden string
}

type glossaryView struct {
	Lang, Dir, Native string
	Terms             []glossaryTerm
	Total             int    // terms in the glossary, before the filter
	Filter            string // the filter box's text
	CanEdit           bool   // reviewers of the language and admins
	Base              string // /glossary/LANG
	CSV, TBX          string // the API's export links
	Notice            string // localized: what the last action did
	Error             string // localized: why the last action was refused
	Detail            string // the application's precise reason
	Form              termForm
}

// glossaryRoutes registers the glossary page of each target language; the
// application layer (app.AddTerms) decides who may change a glossary.
func (s *Server) glossaryRoutes(pages *gin.RouterGroup) {
	pages.GET("/glossary/:lang", s.glossaryPage)
	pages.POST("/glossary/:lang/terms", s.addTermForm)
	pages.POST("/glossary/:lang/terms/:tid/delete", s.deleteTermForm)
	pages.POST("/glossary/:lang/import", s.importTermsForm)
}

// glossaryPage: GET /glossary/:lang[?q=FILTER] — the ru→lang terms.
func (s *Server) glossaryPage(c *gin.Context) {
	v := glossaryView{}
	l := s.localizer(c)
	switch c.Query("done") {
	case "added":
		v.Notice = l.T("glossary.added")
	case "deleted":
		v.Notice = l.T("glossary.deleted")
	case "imported":
		v.Notice = l.T("glossary.imported", "N", atoi(c.Query("n")), "Updated", atoi(c.Query("u")), "Duplicates", atoi(c.Query("d")))
	}
	s.renderGlossary(c, http.StatusOK, v)
}

// renderGlossary fills v with the language's terms, filtered by ?q=, and shows it.
func (s *Server) renderGlossary(c *gin.Context, status int, v glossaryView) {
	ctx, a, l := c.Request.Context(), actor(c), s.localizer(c)
	lang, err := s.app.TargetLanguage(ctx, c.Param("lang"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	terms, err := s.app.Terms(ctx, lang.Tag)
	if err != nil {
		s.failPage(c, err)
		return
	}
	v.Lang, v.Dir, v.Native, v.CanEdit = lang.Tag, lang.Direction, lang.NativeName, a.CanReview(lang.Tag)
	v.Base = "/glossary/" + url.PathEscape(lang.Tag)
	export := "/api/v1/glossary/" + url.PathEscape(lang.Tag) + "/export?format="
	v.CSV, v.TBX = export+"csv", export+"tbx"
	v.Filter = strings.TrimSpace(c.Query("q"))
	v.Total = len(terms)
	for _, t := range terms {
		if termMatches(t, v.Filter) {
			v.Terms = append(v.Terms, glossaryTerm{Term: t, DeleteURL: v.Base + "/terms/" + strconv.FormatInt(t.ID, 10) + "/delete"})
		}
	}
	s.render(c, status, viewGlossary, l.T("glossary.title", "Lang", lang.NativeName), v)
}

// termMatches reports whether filter (any case) is part of the term's
// source, target, note or a forbidden variant.
func termMatches(t glossary.Term, filter string) bool {
	if filter == "" {
		return true
	}
	f := strings.ToLower(filter)
	for _, s := range append([]string{t.Source, t.Target, t.Note}, t.Forbidden...) {
		if strings.Contains(strings.ToLower(s), f) {
			return true
		}
	}
	return false
}

// splitVariants reads the forbidden variants of the add form: separated by
// commas or "|", as in the CSV files.
func splitVariants(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '|' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// glossaryFailed shows the page again with why an action was refused.
func (s *Server) glossaryFailed(c *gin.Context, err error, msgID string, form termForm) {
	e, ok := apperr.As(err)
	if !ok {
		s.failPage(c, err)
		return
	}
	if e.Code == apperr.Forbidden {
		msgID = "glossary.forbidden"
	}
	s.renderGlossary(c, httpx.StatusOf(e.Code), glossaryView{Error: s.localizer(c).T(msgID), Detail: e.Message, Form: form})
}

// glossaryDone answers a successful action by going back to the page (the
// filter kept) with what happened in the query.
func glossaryDone(c *gin.Context, done string, n int) {
	q := url.Values{"done": {done}}
	if n > 0 {
		q.Set("n", strconv.Itoa(n))
	}
	if f := strings.TrimSpace(c.PostForm("q")); f != "" {
		q.Set("q", f)
	}
	c.Redirect(http.StatusSeeOther, "/glossary/"+url.PathEscape(c.Param("lang"))+"?"+q.Encode())
}

// addTermForm: POST /glossary/:lang/terms {csrf, source, target, note, forbidden}.
func (s *Server) addTermForm(c *gin.Context) {
	form := termForm{Source: c.PostForm("source"), Target: c.PostForm("target"), Note: c.PostForm("note"), Forbidden: c.PostForm("forbidden")}
	term := glossary.Term{Source: form.Source, Target: form.Target, Note: form.Note, Forbidden: splitVariants(form.Forbidden)}
	if _, err := s.app.AddTerms(c.Request.Context(), actor(c), c.Param("lang"), []glossary.Term{term}, false); err != nil {
		s.glossaryFailed(c, err, "glossary.add_failed", form)
		return
	}
	glossaryDone(c, "added", 0)
}

// deleteTermForm: POST /glossary/:lang/terms/:tid/delete {csrf}.
func (s *Server) deleteTermForm(c *gin.Context) {
	id, err := idParam(c, "tid", "term")
	if err == nil {
		err = s.app.DeleteTerm(c.Request.Context(), actor(c), c.Param("lang"), id)
	}
	if err != nil {
		s.glossaryFailed(c, err, "glossary.delete_failed", termForm{})
		return
	}
	glossaryDone(c, "deleted", 0)
}

// importTermsForm: POST /glossary/:lang/import {csrf, file} merges the terms
// of a CSV or TBX file (told apart by their first character: TBX is XML) into
// the glossary, all or none; terms already there are not added again.
func (s *Server) importTermsForm(c *gin.Context) {
	ctx := c.Request.Context()
	lang, err := s.app.TargetLanguage(ctx, c.Param("lang"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	fh, err := c.FormFile("file")
	if err != nil {
		s.glossaryFailed(c, apperr.New(apperr.Invalid, "choose a CSV or TBX file"), "glossary.no_file", termForm{})
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.failPage(c, fmt.Errorf("open uploaded glossary: %w", err))
		return
	}
	defer f.Close()
	br := bufio.NewReader(f)
	format := app.GlossaryCSV
	if looksLikeXML(br) {
		format = app.GlossaryTBX
	}
	terms, err := app.ReadGlossary(br, format, lang.Tag)
	if err != nil {
		s.glossaryFailed(c, err, "glossary.import_failed", termForm{})
		return
	}
	res, err := s.app.ImportTerms(ctx, actor(c), lang.Tag, terms, false)
	if err != nil {
		s.glossaryFailed(c, err, "glossary.import_failed", termForm{})
		return
	}
	q := url.Values{"done": {"imported"}, "n": {strconv.Itoa(res.Imported)}, "u": {strconv.Itoa(res.Updated)},
		"d": {strconv.Itoa(res.Duplicates)}}
	c.Redirect(http.StatusSeeOther, "/glossary/"+url.PathEscape(lang.Tag)+"?"+q.Encode())
}

// looksLikeXML peeks past a byte order mark and blanks for a "<".
func looksLikeXML(br *bufio.Reader) bool {
	head, _ := br.Peek(512)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && head[0] == '<'
}
