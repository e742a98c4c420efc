package workspace

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"

	"tilmash/internal/i18n"
	"tilmash/internal/language"
	"tilmash/internal/server/httpx"
	"tilmash/internal/server/locale"
	"tilmash/internal/workflow"
)

// The workspace's views: each is templates/NAME.html, defining "content",
// rendered inside templates/layout.html.
const (
	viewSignin    = "signin"
	viewDashboard = "dashboard"
	viewEditor    = "editor"
	viewReview    = "review"
	viewPublish   = "publish"
	viewSource    = "source"
	viewError     = "error"
	viewAccount   = "account"
	viewGlossary  = "glossary"
	viewCut       = "cut"
	viewDelete    = "document_delete" // confirming a document's deletion
)

// views lists every declared view; start-up fails if one lacks its file or a
// file is no declared view.
func views() []string {
	return []string{viewSignin, viewDashboard, viewEditor, viewReview, viewPublish, viewSource, viewError, viewAccount, viewGlossary, viewCut, viewDelete}
}

const layoutFile = "layout.html"

// renderer holds one parsed template set per view.
type renderer struct {
	sets map[string]*template.Template
	bufs sync.Pool
}

// newRenderer parses the layout and every view once.
func newRenderer(fsys fs.FS, funcs template.FuncMap) (*renderer, error) {
	files, err := fs.Glob(fsys, "templates/*.html")
	if err != nil {
		return nil, err
	}
	declared := map[string]bool{}
	for _, v := range views() {
		declared[v] = true
	}
	found := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if path.Base(f) == layoutFile {
			continue
		}
		if !declared[name] {
			return nil, fmt.Errorf("template %s is not a declared view (add a view constant in render.go)", f)
		}
		found[name] = true
	}
	layout, err := template.New(layoutFile).Funcs(funcs).ParseFS(fsys, "templates/"+layoutFile)
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	r := &renderer{sets: map[string]*template.Template{}, bufs: sync.Pool{New: func() any { return new(bytes.Buffer) }}}
	for _, v := range views() {
		if !found[v] {
			return nil, fmt.Errorf("view %s has no template templates/%s.html", v, v)
		}
		t, err := layout.Clone()
		if err != nil {
			return nil, fmt.Errorf("clone layout for %s: %w", v, err)
		}
		t, err = t.ParseFS(fsys, "templates/"+v+".html")
		if err != nil {
			return nil, fmt.Errorf("parse view %s: %w", v, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("view %s defines no \"content\" template", v)
		}
		r.sets[v] = t
	}
	return r, nil
}

// pageData is what every view gets; Body is the view's own data.
type pageData struct {
	L       *i18n.Localizer
	Lang    string
	Title   string // already localized
	Actor   *workflow.Actor
	CSRF    string
	Here    string // the path and query of this page, for the language switcher
	Options []i18n.Option
	Nav     string // the view whose nav link is current
	// Glossary is the glossary page of the person's first language (the first
	// target language for publishers and admins).
	Glossary string
	Body     any
}

// render writes a view with status; a template error becomes a logged 500
// before anything is sent.
func (s *Server) render(c *gin.Context, status int, view string, title string, body any) {
	t, ok := s.views.sets[view]
	if !ok {
		s.log.Error("render: no such view", "view", view)
		httpx.WriteError(c, http.StatusInternalServerError, "internal", "internal error")
		return
	}
	data := s.pageData(c, view, title, body)
	buf := s.views.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer s.views.bufs.Put(buf)
	if err := t.ExecuteTemplate(buf, layoutFile, data); err != nil {
		s.log.Error("render", "view", view, "err", err)
		httpx.WriteError(c, http.StatusInternalServerError, "internal", "internal error")
		return
	}
	c.Header("Content-Language", data.Lang)
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

func (s *Server) pageData(c *gin.Context, view, title string, body any) pageData {
	l := s.localizer(c)
	d := pageData{L: l, Lang: l.Tag(), Title: title, CSRF: s.csrfToken(c), Here: c.Request.URL.RequestURI(),
		Options: s.bundle.Options(), Nav: view, Body: body}
	if act, ok := httpx.ActorOf(c); ok {
		d.Actor = &act
		d.Glossary = glossaryPath(firstLanguage(act))
	}
	return d
}

// templateFuncs are the helpers templates may call besides the localizer's methods.
func templateFuncs(as *assets) template.FuncMap {
	return template.FuncMap{"asset": as.path, "finding": locale.Finding, "permit": permitText}
}

// firstLanguage is the first language a person translates or reviews, or the
// first target language of the catalogue for the others.
func firstLanguage(a workflow.Actor) string {
	for _, r := range a.Roles {
		if r.Lang != "" {
			return r.Lang
		}
	}
	for _, l := range language.Seed() {
		if l.Tag != language.Source {
			return l.Tag
		}
	}
	return language.Source
}

// permitText writes a permission as the editor's data attributes carry it:
// "ok", or the reason it is refused.
func permitText(p workflow.Permission) string {
	if p.Allowed {
		return "ok"
	}
	return string(p.Reason)
}
